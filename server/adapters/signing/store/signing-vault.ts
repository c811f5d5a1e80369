import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, ErrorCode } from '../../../app/errors.ts';
import type { CertificateCheck, SealedKey, SigningVault } from '../../../app/ports/signing-admin.ts';
import type { SigningIdentity } from '../../../app/ports/signer.ts';
import { sortReasons, statusFromReasons, type SignatureReason } from '../../../domain/signature/validation-result.ts';
import type { DemoKeyIssuer } from '../ca/demo-key-issuer.ts';
import type { KeyEncryptionKey } from '../keys/key-encryption.ts';
import { keyAad } from '../keys/key-store.ts';
import { Pkcs12Error } from '../keys/pkcs12-crypto.ts';
import { readPkcs12 } from '../keys/pkcs12.ts';
import { buildChain } from '../validation/chain.ts';
import { checkRevocation, parseCrls } from '../validation/revocation.ts';
import type { TrustSource } from '../validation/trust-material.ts';
import { certificateInfo, crlInfo, derOf } from './certificate-info.ts';

/** SigningVault over the KEK and the configured trust (see app/ports/signing-admin.ts). */
export class LocalSigningVault implements SigningVault {
  constructor(
    private readonly options: {
      kek: () => KeyEncryptionKey;
      trust: TrustSource;
      onForget: () => void;
      /** The test CA folder and its issuer, in demo mode only. */
      testCa?: { dir: string; issuer: DemoKeyIssuer };
    },
  ) {}

  sealPkcs12(file: Uint8Array, password: string, identity: SigningIdentity): SealedKey {
    let contents: ReturnType<typeof readPkcs12>;
    try {
      contents = readPkcs12(file, password);
    } catch (error) {
      const why = error instanceof Pkcs12Error ? error.message : 'the file cannot be read';
      throw new AppError(ErrorCode.VALIDATION_FAILED, `Không mở được tệp PKCS#12 (sai mật khẩu hoặc tệp không đúng định dạng): ${why}`, { field: 'pkcs12' });
    }
    try {
      const leaf = contents.certificates[0]!;
      const info = certificateInfo(leaf);
      if (info.isCa) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Chứng thư trong tệp PKCS#12 là chứng thư của CA, không dùng để ký văn bản.', { field: 'pkcs12' });
      return {
        certificateChain: contents.certificates.map((der) => Buffer.from(der).toString('base64')),
        encryptedKey: this.options.kek().encrypt(contents.privateKeyPkcs8, keyAad(identity)) as unknown as Record<string, unknown>,
        keyAad: keyAad(identity),
        certificate: info,
      };
    } finally {
      contents.privateKeyPkcs8.fill(0);
    }
  }

  describeCertificate(bytes: Uint8Array): { der: Uint8Array; info: ReturnType<typeof certificateInfo> } {
    try {
      const der = derOf(bytes);
      return { der, info: certificateInfo(der) };
    } catch {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Tệp tải lên không phải chứng thư số X.509 (PEM hoặc DER).', { field: 'certificate' });
    }
  }

  describeCrl(bytes: Uint8Array): { der: Uint8Array; info: ReturnType<typeof crlInfo> } {
    try {
      const der = derOf(bytes);
      return { der, info: crlInfo(der) };
    } catch {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Tệp tải lên không phải danh sách chứng thư bị thu hồi (CRL, PEM hoặc DER).', { field: 'crl' });
    }
  }

  async checkCertificate(certificateChain: string[], at: Date): Promise<CertificateCheck> {
    const trust = await this.options.trust.load();
    const ders = certificateChain.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
    const leaf = new X509Certificate(Buffer.from(ders[0]!));
    const chain = buildChain(leaf, [...ders.slice(1), ...trust.intermediates], trust.anchors, at);
    const reasons: SignatureReason[] = [...chain.reasons];
    if (chain.trusted) {
      const crls = parseCrls(trust.crls);
      for (let i = 0; i < chain.path.length - 1; i++) reasons.push(...checkRevocation(chain.path[i]!, chain.path[i + 1]!, crls, at, at));
    }
    const sorted = sortReasons([...new Set(reasons)]);
    return { status: statusFromReasons(sorted), reasons: sorted };
  }

  async testCaFile(name: 'root.crt' | 'root.crl'): Promise<Uint8Array | undefined> {
    const ca = this.options.testCa;
    if (!ca) return undefined;
    if (name === 'root.crl') await ca.issuer.refreshCrlIfOld();
    const file = name === 'root.crl' ? path.join(ca.dir, 'crl', 'root.crl') : path.join(ca.dir, 'root.crt');
    const bytes = await readFile(file).catch(() => undefined);
    return bytes && new Uint8Array(bytes);
  }

  forget(): void {
    this.options.onForget();
  }
}
