import { createHash, X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { CertificateInfo, CrlInfo } from '../../../app/ports/signing-admin.ts';
import { bufferSource, derFromPem } from '../bytes.ts';
import { formatName } from '../ca/x509-names.ts';
import { certificateSummary } from '../pades/certificate-summary.ts';
import { parseCrls } from '../validation/revocation.ts';

/** What operators and administrators see of a certificate: names, serial, validity, fingerprint. */
export function certificateInfo(der: Uint8Array): CertificateInfo {
  const cert = new X509Certificate(Buffer.from(der));
  const summary = certificateSummary(cert);
  return {
    subject: summary.subject,
    commonName: summary.commonName,
    organisation: summary.organisation,
    issuer: summary.issuer,
    serialNumber: summary.serialNumber,
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    fingerprint: createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':'),
    isCa: cert.ca,
  };
}

/** PEM (first block) or DER. */
export function derOf(bytes: Uint8Array): Uint8Array {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (head.includes('-----BEGIN')) {
    const blocks = derFromPem(Buffer.from(bytes).toString('latin1'));
    if (blocks.length === 0) throw new Error('empty PEM');
    return blocks[0]!;
  }
  return bytes;
}

export function crlIssuerName(der: Uint8Array): string {
  return formatName(pkijs.CertificateRevocationList.fromBER(bufferSource(der)).issuer);
}

export function crlInfo(der: Uint8Array): CrlInfo {
  const parsed = parseCrls([der])[0];
  if (!parsed) throw new Error('not a CRL');
  return { issuer: crlIssuerName(der), thisUpdate: parsed.thisUpdate, nextUpdate: parsed.nextUpdate, revokedCount: parsed.revoked.size };
}
