import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bufferSource } from '../bytes.ts';
import { importRsaPrivateKey, importRsaPublicKey } from './rsa-keys.ts';
import { buildName, type NameParts } from './x509-names.ts';

export type CertificateProfile = 'root' | 'organisation' | 'personal' | 'tsa';

export interface IssueRequest {
  profile: CertificateProfile;
  subject: NameParts;
  subjectPublicKeySpki: Uint8Array;
  /** Absent for a self-signed root. */
  issuer?: { certificateDer: Uint8Array; privateKeyPkcs8: Uint8Array };
  /** Signing key of a self-signed root (its own key). */
  selfPrivateKeyPkcs8?: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** Published in the CRL distribution points extension of end-entity certificates. */
  crlUrl?: string;
  serialNumber?: Uint8Array;
}

const EXT = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
} as const;

/** Positive 16-byte serial: 0x01-prefixed random so the top bit is never set. */
export function newSerialNumber(): Uint8Array {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x3f) | 0x10;
  return new Uint8Array(bytes);
}

function keyIdentifier(spki: Uint8Array): Uint8Array {
  const parsed = pkijs.PublicKeyInfo.fromBER(bufferSource(spki));
  return new Uint8Array(createHash('sha1').update(parsed.subjectPublicKey.valueBlock.valueHexView).digest());
}

function keyUsageBits(profile: CertificateProfile): asn1js.BitString {
  // bit 0 digitalSignature, 1 nonRepudiation, 5 keyCertSign, 6 cRLSign (X.509 numbering, MSB first)
  const byte = profile === 'root' ? 0b0000_0110 : 0b1100_0000;
  const unused = profile === 'root' ? 1 : 6;
  return new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits: unused });
}

export async function issueCertificate(request: IssueRequest): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: (request.serialNumber ?? newSerialNumber()).slice().buffer });
  cert.subject = buildName(request.subject);
  let issuerSpki: Uint8Array;
  if (request.issuer) {
    const issuerCert = pkijs.Certificate.fromBER(bufferSource(request.issuer.certificateDer));
    cert.issuer = issuerCert.subject;
    issuerSpki = new Uint8Array(issuerCert.subjectPublicKeyInfo.toSchema().toBER(false));
  } else {
    cert.issuer = cert.subject;
    issuerSpki = request.subjectPublicKeySpki;
  }
  cert.notBefore.value = request.notBefore;
  cert.notAfter.value = request.notAfter;
  await cert.subjectPublicKeyInfo.importKey(await importRsaPublicKey(request.subjectPublicKeySpki));

  const isCa = request.profile === 'root';
  const extensions: pkijs.Extension[] = [
    new pkijs.Extension({
      extnID: EXT.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: isCa }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: EXT.keyUsage, critical: true, extnValue: keyUsageBits(request.profile).toBER(false) }),
    new pkijs.Extension({
      extnID: EXT.subjectKeyIdentifier,
      critical: false,
      extnValue: new asn1js.OctetString({ valueHex: keyIdentifier(request.subjectPublicKeySpki).slice().buffer }).toBER(false),
    }),
    new pkijs.Extension({
      extnID: EXT.authorityKeyIdentifier,
      critical: false,
      extnValue: new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(issuerSpki).slice().buffer }),
      })
        .toSchema()
        .toBER(false),
    }),
  ];
  if (request.profile === 'tsa') {
    // RFC 3161 §2.3: a time-stamping unit's certificate has only this critical extended key usage.
    extensions.push(
      new pkijs.Extension({
        extnID: '2.5.29.37',
        critical: true,
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: ['1.3.6.1.5.5.7.3.8'] }).toSchema().toBER(false),
      }),
    );
  }
  if (!isCa && request.crlUrl) {
    extensions.push(
      new pkijs.Extension({
        extnID: EXT.crlDistributionPoints,
        critical: false,
        extnValue: new pkijs.CRLDistributionPoints({
          distributionPoints: [
            new pkijs.DistributionPoint({
              distributionPoint: [new pkijs.GeneralName({ type: 6, value: request.crlUrl })],
            }),
          ],
        })
          .toSchema()
          .toBER(false),
      }),
    );
  }
  cert.extensions = extensions;

  const signingKey = request.issuer?.privateKeyPkcs8 ?? request.selfPrivateKeyPkcs8;
  if (!signingKey) throw new Error('issueCertificate: no issuer key and no self-signing key');
  await cert.sign(await importRsaPrivateKey(signingKey), 'SHA-256');
  return new Uint8Array(cert.toSchema(true).toBER(false));
}
