import { X509Certificate } from 'node:crypto';
import type { SignatureReason } from '../../../domain/signature/validation-result.ts';

export interface ChainResult {
  /** Signer first; ends with the trust anchor when trusted. */
  path: X509Certificate[];
  trusted: boolean;
  reasons: SignatureReason[];
}

const MAX_DEPTH = 8;

const parsed = new WeakMap<Uint8Array, X509Certificate>();

/** Trust material is loaded once and reused, so its certificates are parsed once. */
export function x509(der: Uint8Array): X509Certificate {
  let cert = parsed.get(der);
  if (!cert) {
    cert = new X509Certificate(Buffer.from(der));
    parsed.set(der, cert);
  }
  return cert;
}

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Builds a path from the signer to a configured anchor and checks each certificate's validity at
 * the signing time. Certificates carried in the signature only help to find the path; trust
 * comes from the anchors alone.
 */
export function buildChain(signerCertificate: X509Certificate, pool: Uint8Array[], anchorsDer: Uint8Array[], at: Date): ChainResult {
  const signer = signerCertificate;
  const anchors = anchorsDer.map(x509);
  const path = [signer];
  let trusted = false;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const current = path[path.length - 1]!;
    if (anchors.some((a) => a.raw.equals(current.raw))) {
      trusted = true;
      break;
    }
    const anchor = anchors.find((a) => issuedBy(current, a));
    if (anchor) {
      path.push(anchor);
      trusted = true;
      break;
    }
    const next = pool.map(x509).find((c) => !path.some((p) => p.raw.equals(c.raw)) && c.ca && issuedBy(current, c));
    if (!next) break;
    path.push(next);
  }

  const reasons: SignatureReason[] = [];
  if (!trusted) reasons.push('CHAIN_UNTRUSTED');
  for (const [i, cert] of path.entries()) {
    if (i > 0 && !cert.ca) reasons.push('CHAIN_UNTRUSTED');
    if (at.getTime() > new Date(cert.validTo).getTime()) reasons.push('EXPIRED');
    if (at.getTime() < new Date(cert.validFrom).getTime()) reasons.push('NOT_YET_VALID');
  }
  return { path, trusted, reasons };
}
