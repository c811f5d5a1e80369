import { X509Certificate } from 'node:crypto';
import type { SignerSummary } from '../../../domain/signature/validation-result.ts';
import { normaliseSerial } from '../bytes.ts';

/** Who a certificate names, for stamps, logs and validation reports (never key material). */
export function certificateSummary(der: Uint8Array | X509Certificate): SignerSummary {
  const cert = der instanceof X509Certificate ? der : new X509Certificate(Buffer.from(der));
  const subject = nameParts(cert.subject);
  return {
    commonName: subject.get('CN') ?? formatParts(cert.subject),
    organisation: subject.get('O'),
    serialNumber: normaliseSerial(cert.serialNumber),
    issuer: formatParts(cert.issuer),
    subject: formatParts(cert.subject),
  };
}

/** Node prints names one attribute per line, most general first ("C=VN\nO=…\nCN=…"). */
function nameParts(name: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const line of name.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && !parts.has(line.slice(0, eq))) parts.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return parts;
}

/** "CN=…, O=…, C=VN", most specific first, as operators read it. */
function formatParts(name: string): string {
  return name.split('\n').filter(Boolean).reverse().join(', ');
}
