/**
 * Signed acknowledgements (exchange.md §4.1, C60): the acknowledging hub signs the RFC 8785 canonical
 * JSON of its answer (every field but `signature`) with its system key, RSA-SHA256, and names its
 * certificate by SHA-256; the sender checks the value against the certificate it registered for that
 * peer. A detached JSON signature, not XMLDSig: the acknowledgement is the peer protocol's JSON.
 */
import { createHash, createPrivateKey, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import type { Acknowledgement, ReceiptCheck, ReceiptSignatures } from '../../app/ports/hub-wire.ts';
import { canonicalJson } from '../../domain/audit/chain.ts';

/** The bytes a receipt signature covers. */
export function receiptSigningInput(ack: Acknowledgement): Buffer {
  const { signature: _signature, ...rest } = ack;
  return Buffer.from(canonicalJson(rest), 'utf8');
}

function certificateSha256(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
}

/** A registered peer certificate, parsed once per PEM (it was parsed twice for every receipt). */
const parsed = new Map<string, { sha256: string; publicKey: KeyObject }>();

function registered(pem: string): { sha256: string; publicKey: KeyObject } {
  let hit = parsed.get(pem);
  if (!hit) {
    const cert = new X509Certificate(pem);
    hit = { sha256: createHash('sha256').update(cert.raw).digest('hex'), publicKey: cert.publicKey };
    // A handful of peers per hub; bounded anyway (a replaced certificate leaves its old entry behind).
    if (parsed.size >= 256) parsed.clear();
    parsed.set(pem, hit);
  }
  return hit;
}

export class RsaReceiptSignatures implements ReceiptSignatures {
  private readonly key: KeyObject | undefined;
  private readonly certSha256: string | undefined;

  /** Without a key and certificate the hub gives unsigned acknowledgements (and still verifies others'). */
  constructor(own?: { privateKeyPem: string; certificatePem: string }) {
    if (own) {
      this.key = createPrivateKey(own.privateKeyPem);
      const cert = new X509Certificate(own.certificatePem);
      if (!cert.checkPrivateKey(this.key)) throw new Error('Khóa ký biên nhận của trục không khớp chứng thư số đã cấu hình');
      this.certSha256 = certificateSha256(own.certificatePem);
    }
  }

  sign(ack: Acknowledgement): Acknowledgement {
    if (!this.key || !this.certSha256) return ack;
    const { signature: _old, ...rest } = ack;
    const value = sign('sha256', receiptSigningInput(rest), this.key).toString('base64');
    return { ...rest, signature: { algorithm: 'rsa-sha256', certificateSha256: this.certSha256, value } };
  }

  verify(ack: Acknowledgement, certificatePem: string): ReceiptCheck {
    const s = ack.signature;
    if (!s || typeof s !== 'object' || typeof s.value !== 'string' || s.value === '') return 'unsigned';
    if (s.algorithm !== 'rsa-sha256') return 'invalid';
    try {
      const cert = registered(certificatePem);
      if (typeof s.certificateSha256 === 'string' && s.certificateSha256 !== cert.sha256) return 'invalid';
      const ok = verify('sha256', receiptSigningInput(ack), cert.publicKey, Buffer.from(s.value, 'base64'));
      return ok ? 'valid' : 'invalid';
    } catch {
      return 'invalid';
    }
  }
}
