import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bufferSource } from '../bytes.ts';
import { importRsaPrivateKey } from './rsa-keys.ts';

export interface RevokedEntry {
  /** Serial number, hex. */
  serial: string;
  revokedAt: Date;
}

export interface CrlRequest {
  issuerCertificateDer: Uint8Array;
  issuerPrivateKeyPkcs8: Uint8Array;
  revoked: RevokedEntry[];
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: number;
}

export async function issueCrl(request: CrlRequest): Promise<Uint8Array> {
  const issuer = pkijs.Certificate.fromBER(bufferSource(request.issuerCertificateDer));
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuer.subject;
  crl.thisUpdate = new pkijs.Time({ type: 0, value: request.thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: 0, value: request.nextUpdate });
  if (request.revoked.length > 0) {
    crl.revokedCertificates = request.revoked.map(
      (entry) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: serialContent(entry.serial) }),
          revocationDate: new pkijs.Time({ type: 0, value: entry.revokedAt }),
        }),
    );
  }
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      new pkijs.Extension({
        extnID: '2.5.29.20', // cRLNumber
        critical: false,
        extnValue: new asn1js.Integer({ value: request.crlNumber }).toBER(false),
      }),
    ],
  });
  await crl.sign(await importRsaPrivateKey(request.issuerPrivateKeyPkcs8), 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER(false));
}

/** INTEGER content bytes of a positive serial: a leading zero byte when the top bit is set. */
function serialContent(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  return new Uint8Array(bytes[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}
