import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../testing/certs.ts';
import { refusalOf, sampleText, SAMPLE_PDF_SHA256 } from '../testing/samples.ts';
import { signXml } from '../xml-signature.ts';
import { inspectPackage } from './inspect.ts';
import { packageIdOf } from './package-id.ts';
import { parsePackage } from './parse-package.ts';
import { checkReceivedPackage } from './receive-check.ts';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

describe('receipt checks in §5.1 order', () => {
  it('accepts a signed sample and returns its decoded attachment and package id', () => {
    const r = checkReceivedPackage(Buffer.from(signXml(sampleText('document-package.xml'), pki.organ)), { trustedCertificates: [pki.ca.certificatePem] });
    expect(r.packageId).toBe('d6b6bac7-342d-4130-b717-6d81e452bf77');
    expect(r.signature.valid).toBe(true);
    expect(r.unsignedAdmitted).toBe(false);
    expect(r.attachments.map((a) => a.sha256)).toEqual([SAMPLE_PDF_SHA256]);
  });

  it('C50 (codec part): a secret-marked package is refused with EXCHANGE_SECRET_DOCUMENT before any attachment is decoded', () => {
    const secret = signXml(sampleText('document-package.xml').replace('Công khai', 'Độ mật: Tối mật'), pki.organ);
    const r = refusalOf(() => checkReceivedPackage(Buffer.from(secret), { trustedCertificates: [pki.ca.certificatePem] }));
    expect(r).toMatchObject({ code: 'EXCHANGE_SECRET_DOCUMENT', origin: 'hub' });
    expect(inspectPackage(Buffer.from(secret)).attachments).toEqual([]);
    // With undecodable attachment data the refusal is still the secrecy one: attachments are never reached.
    const broken = sampleText('document-package.xml').replace('Công khai', 'MẬT').replace('JVBERi0x', 'JVBE*i0x');
    expect(refusalOf(() => checkReceivedPackage(Buffer.from(broken), { signaturePolicy: 'unsigned-allowed' })).code).toBe('EXCHANGE_SECRET_DOCUMENT');
    expect(refusalOf(() => checkReceivedPackage(Buffer.from(broken.replace('MẬT', 'Công khai')), { signaturePolicy: 'unsigned-allowed' })).code).toBe('EXCHANGE_ATTACHMENT_INVALID');
    // Subject is never inspected: a công văn about secrecy is not itself secret
    const about = sampleText('document-package.xml').replace('V/v kiểm tra', 'V/v bảo vệ bí mật nhà nước, tài liệu Mật');
    expect(checkReceivedPackage(Buffer.from(about), { signaturePolicy: 'unsigned-allowed' }).attachments).toHaveLength(1);
  });

  it('C33 (codec part): a valid signature by a certificate not registered for From/OrganId, or a sender the peer may not send for, is EXCHANGE_SENDER_MISMATCH', () => {
    const signed = Buffer.from(signXml(sampleText('document-package.xml'), pki.organ));
    const fingerprint = checkReceivedPackage(signed).signature.certificate!.fingerprint256;
    const registered = (organ: string, fp: string) => organ === '000.00.12.H99' && fp === fingerprint;
    expect(checkReceivedPackage(signed, { isCertificateRegistered: registered, isSenderAllowed: (o) => o.endsWith('.H99') }).signature.valid).toBe(true);
    const byOther = Buffer.from(signXml(sampleText('document-package.xml'), pki.stranger));
    expect(refusalOf(() => checkReceivedPackage(byOther, { isCertificateRegistered: registered }))).toMatchObject({ code: 'EXCHANGE_SENDER_MISMATCH', origin: 'hub' });
    expect(refusalOf(() => checkReceivedPackage(signed, { isSenderAllowed: (o) => o.endsWith('.H41') })).code).toBe('EXCHANGE_SENDER_MISMATCH');
  });

  it('checks signature before secrecy, and secrecy before attachments', () => {
    const both = sampleText('document-package.xml').replace('Công khai', 'Mật').replace(/<AttachmentEncoded>[\s\S]*<\/AttachmentEncoded>/, '');
    expect(refusalOf(() => checkReceivedPackage(Buffer.from(both))).code).toBe('EXCHANGE_SIGNATURE_MISSING');
    expect(refusalOf(() => checkReceivedPackage(Buffer.from(both), { signaturePolicy: 'unsigned-allowed' })).code).toBe('EXCHANGE_SECRET_DOCUMENT');
  });

  it('takes the package id from TraceHeaderList/@id, else the transport, else the digest; refuses a mismatch', () => {
    const parsed = parsePackage(Buffer.from(sampleText('document-package.xml')));
    expect(packageIdOf(parsed)).toBe('d6b6bac7-342d-4130-b717-6d81e452bf77');
    expect(packageIdOf(parsed, 'D6B6BAC7-342D-4130-B717-6D81E452BF77')).toBe('d6b6bac7-342d-4130-b717-6d81e452bf77');
    expect(refusalOf(() => packageIdOf(parsed, '6ca8f2f2-ca4c-4236-a359-24d52186cc55')).code).toBe('EXCHANGE_PACKAGE_ID_CONFLICT');
    const status = parsePackage(Buffer.from(sampleText('status-03-registered.xml')));
    expect(packageIdOf(status, 'abc')).toBe('abc');
    expect(packageIdOf(status)).toMatch(/^sha256:[0-9a-f]{64}$/);
    const dotnet = parsePackage(Buffer.from(sampleText('document-package.xml').replace('id="d6b6bac7-342d-4130-b717-6d81e452bf77"', 'id="_a81f"')));
    expect(packageIdOf(dotnet, 'x-1')).toBe('x-1');
  });
});
