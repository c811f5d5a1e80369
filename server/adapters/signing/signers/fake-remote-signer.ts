import { createHash, type KeyObject } from 'node:crypto';
import { describeIdentity, type DigestSignature, type SignDigestRequest, type Signer, type SigningIdentity } from '../../../app/ports/signer.ts';
import { rsaSignSha256Digest } from './rsa-digest.ts';

/**
 * Stands in for a remote signing service (VNPT SmartCA, Viettel MySign): the service holds the
 * key, receives only a hash and a description, and answers after the user approves on their
 * phone. Tests use it to prove that PAdES signing never needs the key or the document.
 */
export interface RemoteRequestRecord {
  identity: string;
  digestHex: string;
  description: string | undefined;
}

export class FakeRemoteSigner implements Signer {
  readonly provider = 'fake-remote';
  /** What the "service" saw: hashes and descriptions only. */
  readonly requests: RemoteRequestRecord[] = [];
  readonly #accounts = new Map<string, { key: KeyObject; chain: Uint8Array[] }>();

  constructor(private readonly approve: (request: RemoteRequestRecord) => Promise<boolean> = async () => true) {}

  enrol(identity: SigningIdentity, key: KeyObject, chain: Uint8Array[]): void {
    this.#accounts.set(describeIdentity(identity), { key, chain });
  }

  async getCertificateChain(identity: SigningIdentity): Promise<Uint8Array[]> {
    return this.#account(identity).chain;
  }

  async signDigest(request: SignDigestRequest): Promise<DigestSignature> {
    const account = this.#account(request.identity);
    const record: RemoteRequestRecord = {
      identity: describeIdentity(request.identity),
      digestHex: Buffer.from(request.digest).toString('hex'),
      description: request.description,
    };
    this.requests.push(record);
    // The approval arrives asynchronously, as a phone confirmation would.
    await new Promise((resolve) => setImmediate(resolve));
    if (!(await this.approve(record))) throw new Error('Người ký đã từ chối yêu cầu ký trên thiết bị di động');
    return { signature: rsaSignSha256Digest(account.key, request.digest), algorithm: 'RSASSA-PKCS1-v1_5' };
  }

  #account(identity: SigningIdentity): { key: KeyObject; chain: Uint8Array[] } {
    const account = this.#accounts.get(describeIdentity(identity));
    if (!account) throw new Error(`remote signing service has no account for ${describeIdentity(identity)}`);
    return account;
  }
}

/** A stable fingerprint for logs: identifies a certificate without revealing anything secret. */
export function certificateFingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}
