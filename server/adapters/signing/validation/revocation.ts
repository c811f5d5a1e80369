import { verify, type X509Certificate } from 'node:crypto';
import type { SignatureReason } from '../../../domain/signature/validation-result.ts';
import { normaliseSerial, toHex } from '../bytes.ts';
import { bytesOf, certificateFields, child, children, contentOf, oidOf, readNode, timeOf } from '../der-reader.ts';

const CRL_SIGNATURE_HASH: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

export interface ParsedCrl {
  issuer: Buffer;
  thisUpdate: Date;
  nextUpdate: Date | undefined;
  /** Normalised hex serial → revocation date. */
  revoked: Map<string, Date>;
  tbs: Buffer;
  signatureHash: string | undefined;
  signature: Buffer;
}

const cache = new WeakMap<Uint8Array, ParsedCrl | null>();

function parseCrl(der: Uint8Array): ParsedCrl | null {
  try {
    const list = readNode(der);
    const [tbsNode, algorithm, signatureValue] = children(list) as [ReturnType<typeof readNode>, ReturnType<typeof readNode>, ReturnType<typeof readNode>];
    const items = children(tbsNode);
    let i = items[0]!.tag === 0x02 ? 1 : 0;
    i++; // signature algorithm (repeated inside the signed part)
    const issuer = Buffer.from(bytesOf(items[i++]!));
    const thisUpdate = timeOf(items[i++]!);
    let nextUpdate: Date | undefined;
    if (items[i] && (items[i]!.tag === 0x17 || items[i]!.tag === 0x18)) nextUpdate = timeOf(items[i++]!);
    const revoked = new Map<string, Date>();
    if (items[i] && items[i]!.tag === 0x30) {
      for (const entry of children(items[i]!)) {
        const serial = normaliseSerial(toHex(contentOf(child(entry, 0))));
        const at = timeOf(child(entry, 1));
        const earlier = revoked.get(serial);
        if (!earlier || at < earlier) revoked.set(serial, at);
      }
    }
    return {
      issuer,
      thisUpdate,
      nextUpdate,
      revoked,
      tbs: Buffer.from(bytesOf(tbsNode)),
      signatureHash: CRL_SIGNATURE_HASH[oidOf(child(algorithm, 0))],
      signature: Buffer.from(contentOf(signatureValue).subarray(1)),
    };
  } catch {
    // An unreadable CRL is as good as none; the check then reports NO_REVOCATION_DATA.
    return null;
  }
}

export function parseCrls(crls: Uint8Array[]): ParsedCrl[] {
  const out: ParsedCrl[] = [];
  for (const der of crls) {
    let parsed = cache.get(der);
    if (parsed === undefined) {
      parsed = parseCrl(der);
      cache.set(der, parsed);
    }
    if (parsed) out.push(parsed);
  }
  return out;
}

const verified = new WeakMap<ParsedCrl, WeakSet<X509Certificate>>();

function signedBy(crl: ParsedCrl, issuer: X509Certificate): boolean {
  if (verified.get(crl)?.has(issuer)) return true;
  if (!crl.signatureHash) return false;
  let ok: boolean;
  try {
    ok = verify(crl.signatureHash, crl.tbs, issuer.publicKey, crl.signature);
  } catch {
    ok = false;
  }
  if (ok) {
    const set = verified.get(crl) ?? new WeakSet<X509Certificate>();
    set.add(issuer);
    verified.set(crl, set);
  }
  return ok;
}

/**
 * Status of `cert` at `signingTime` from the CRLs its issuer signed. Only a CRL that is still
 * current at the signing time (nextUpdate after it) counts; without one the answer is
 * NO_REVOCATION_DATA, never "good". With no timestamp proving when the signature was made, a
 * revocation after the claimed time cannot clear the signature: REVOKED_AFTER_SIGNING.
 */
export function checkRevocation(cert: X509Certificate, issuer: X509Certificate, crls: ParsedCrl[], signingTime: Date, now: Date): SignatureReason[] {
  const issuerSubject = Buffer.from(certificateFields(new Uint8Array(issuer.raw)).subject);
  const usable = crls.filter(
    (crl) =>
      crl.issuer.equals(issuerSubject) &&
      crl.thisUpdate.getTime() <= now.getTime() &&
      (crl.nextUpdate === undefined || crl.nextUpdate.getTime() >= signingTime.getTime()) &&
      signedBy(crl, issuer),
  );
  if (usable.length === 0) return ['NO_REVOCATION_DATA'];
  const serial = normaliseSerial(cert.serialNumber);
  let revokedAt: Date | undefined;
  for (const crl of usable) {
    const at = crl.revoked.get(serial);
    if (at && (!revokedAt || at < revokedAt)) revokedAt = at;
  }
  if (!revokedAt) return [];
  return revokedAt.getTime() <= signingTime.getTime() ? ['REVOKED'] : ['REVOKED_AFTER_SIGNING'];
}
