import * as pkijs from 'pkijs';
import type { SigningIdentity } from '../../../app/ports/signer.ts';
import { bufferSource, normaliseSerial, toHex } from '../bytes.ts';
import type { KeyEncryptionKey } from '../keys/key-encryption.ts';
import { keyAad, type KeyStore } from '../keys/key-store.ts';
import type { CaState, CaStore, IssuedCertificate } from './ca-store.ts';
import { issueCertificate, type CertificateProfile } from './certificate-issuer.ts';
import { issueCrl } from './crl-issuer.ts';
import { generateRsaKeyPair } from './rsa-keys.ts';
import { formatName } from './x509-names.ts';

/**
 * The built-in test CA (issue §2): a root, one organisation certificate per agency, one personal
 * certificate per signer, and a CRL. For demos and tests only; real keys come from PKCS#12 files
 * issued by the Government special-use CA or a licensed CA.
 */
export interface AgencyEntry {
  code: string;
  name: string;
  /** Superior body printed on the seal rim, e.g. "UBND tỉnh Bạc Liêu". */
  parentName?: string;
}

export interface SignerEntry {
  username: string;
  fullName: string;
  agencyCode: string;
}

export interface TestCaContext {
  store: CaStore;
  keyStore: KeyStore;
  kek: KeyEncryptionKey;
  now?: Date;
}

const ROOT_AAD = 'lienthong-test-ca-root';
const DAY = 86_400_000;
const CRL_VALIDITY_DAYS = 7;

export interface InitResult {
  rootSubject: string;
  createdRoot: boolean;
  issued: IssuedCertificate[];
}

/** Creates the root if needed and issues every missing certificate; running it again is harmless. */
export async function initTestCa(
  ctx: TestCaContext,
  input: { agencies: AgencyEntry[]; signers: SignerEntry[]; crlUrl?: string; rootKeyBits?: number },
): Promise<InitResult> {
  const now = ctx.now ?? new Date();
  let state = await ctx.store.readState();
  const createdRoot = state === undefined;
  if (!state) {
    const keys = await generateRsaKeyPair(input.rootKeyBits ?? 3072);
    const certificate = await issueCertificate({
      profile: 'root',
      subject: { country: 'VN', organisation: 'Lienthong (thử nghiệm)', commonName: 'Lienthong Test Root CA' },
      subjectPublicKeySpki: keys.publicKeySpki,
      selfPrivateKeyPkcs8: keys.privateKeyPkcs8,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 20 * 365 * DAY),
    });
    state = {
      version: 1,
      root: { certificate: Buffer.from(certificate).toString('base64'), key: ctx.kek.encrypt(keys.privateKeyPkcs8, ROOT_AAD) },
      issued: [],
      crlNumber: 0,
      crlUrl: input.crlUrl,
    };
    keys.privateKeyPkcs8.fill(0);
    await ctx.store.publishRoot(certificate);
  }
  const rootDer = new Uint8Array(Buffer.from(state.root.certificate, 'base64'));
  const rootKey = ctx.kek.decrypt(state.root.key, ROOT_AAD);
  const agencyNames = new Map(input.agencies.map((a) => [a.code, a.name]));
  const wanted: { identity: SigningIdentity; profile: CertificateProfile; commonName: string; organisation: string }[] = [
    ...input.agencies.map((a) => ({
      identity: { kind: 'organisation', agencyCode: a.code } as SigningIdentity,
      profile: 'organisation' as const,
      commonName: a.name,
      organisation: a.name,
    })),
    ...input.signers.map((s) => ({
      identity: { kind: 'personal', agencyCode: s.agencyCode, username: s.username } as SigningIdentity,
      profile: 'personal' as const,
      commonName: s.fullName,
      organisation: agencyNames.get(s.agencyCode) ?? s.agencyCode,
    })),
  ];
  const issued: IssuedCertificate[] = [];
  try {
    // Key generation dominates; generate in parallel (it runs on the libuv pool).
    const missing = [];
    for (const entry of wanted) if (!(await ctx.keyStore.get(entry.identity))) missing.push(entry);
    const keyPairs = await Promise.all(missing.map(() => generateRsaKeyPair(2048)));
    for (const [i, entry] of missing.entries()) {
      const keys = keyPairs[i]!;
      const certificate = await issueCertificate({
        profile: entry.profile,
        subject: {
          country: 'VN',
          organisation: entry.organisation,
          uid: entry.identity.kind === 'organisation' ? `MNS:${entry.identity.agencyCode}` : `USER:${entry.identity.username}`,
          commonName: entry.commonName,
        },
        subjectPublicKeySpki: keys.publicKeySpki,
        issuer: { certificateDer: rootDer, privateKeyPkcs8: rootKey },
        notBefore: new Date(now.getTime() - DAY),
        notAfter: new Date(now.getTime() + 3 * 365 * DAY),
        ...(state.crlUrl ? { crlUrl: state.crlUrl } : {}),
      });
      await ctx.keyStore.put({
        identity: entry.identity,
        certificateChain: [Buffer.from(certificate).toString('base64'), state.root.certificate],
        key: ctx.kek.encrypt(keys.privateKeyPkcs8, keyAad(entry.identity)),
        source: 'test-ca',
        createdAt: now.toISOString(),
      });
      keys.privateKeyPkcs8.fill(0);
      const cert = pkijs.Certificate.fromBER(bufferSource(certificate));
      const record: IssuedCertificate = {
        serial: normaliseSerial(toHex(cert.serialNumber.valueBlock.valueHexView)),
        profile: entry.profile,
        agencyCode: entry.identity.agencyCode,
        ...(entry.identity.kind === 'personal' ? { username: entry.identity.username } : {}),
        subject: formatName(cert.subject),
        notAfter: cert.notAfter.value.toISOString(),
      };
      state.issued.push(record);
      issued.push(record);
    }
    await publishCrl(ctx, state, rootKey, now);
  } finally {
    rootKey.fill(0);
  }
  return { rootSubject: formatName(pkijs.Certificate.fromBER(bufferSource(rootDer)).subject), createdRoot, issued };
}

/** Revokes a certificate by serial (hex) and publishes a fresh CRL. */
export async function revokeCertificate(ctx: TestCaContext, serial: string, revokedAt?: Date): Promise<IssuedCertificate> {
  const now = ctx.now ?? new Date();
  const state = await ctx.store.readState();
  if (!state) throw new Error('the test CA has not been created yet (run "ca init")');
  const wanted = normaliseSerial(serial.replace(/[:\s]/g, ''));
  const record = state.issued.find((c) => c.serial === wanted);
  if (!record) throw new Error(`no certificate with serial ${wanted} was issued by this CA`);
  record.revokedAt ??= (revokedAt ?? now).toISOString();
  const rootKey = ctx.kek.decrypt(state.root.key, ROOT_AAD);
  try {
    await publishCrl(ctx, state, rootKey, now);
  } finally {
    rootKey.fill(0);
  }
  return record;
}

/** Re-issues the CRL (the system refreshes it before nextUpdate). */
export async function refreshCrl(ctx: TestCaContext): Promise<void> {
  const state = await ctx.store.readState();
  if (!state) throw new Error('the test CA has not been created yet (run "ca init")');
  const rootKey = ctx.kek.decrypt(state.root.key, ROOT_AAD);
  try {
    await publishCrl(ctx, state, rootKey, ctx.now ?? new Date());
  } finally {
    rootKey.fill(0);
  }
}

async function publishCrl(ctx: TestCaContext, state: CaState, rootKey: Uint8Array, now: Date): Promise<void> {
  state.crlNumber += 1;
  const crl = await issueCrl({
    issuerCertificateDer: new Uint8Array(Buffer.from(state.root.certificate, 'base64')),
    issuerPrivateKeyPkcs8: rootKey,
    revoked: state.issued.filter((c) => c.revokedAt).map((c) => ({ serial: c.serial, revokedAt: new Date(c.revokedAt!) })),
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + CRL_VALIDITY_DAYS * DAY),
    crlNumber: state.crlNumber,
  });
  await ctx.store.writeState(state);
  await ctx.store.publishCrl(crl);
}
