import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentPackage } from './edxml/build-document.ts';
import { buildStatusPackage } from './edxml/build-status.ts';
import { checkReceivedPackage } from './edxml/receive-check.ts';
import { makeTestPki, type TestPki } from './testing/certs.ts';
import { draftPackage, refusalOf, sampleText } from './testing/samples.ts';
import { signXml, verifyXml } from './xml-signature.ts';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

const DS = 'http://www.w3.org/2000/09/xmldsig#';

/** Verification by xml-crypto's own SignedXml: an implementation independent of ours. */
function xmlCryptoVerifies(xml: string, certificatePem: string): boolean {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const sig = new SignedXml({ publicCert: certificatePem });
  sig.loadSignature(doc.getElementsByTagNameNS(DS, 'Signature')[0] as never);
  return sig.checkSignature(xml);
}

/** An RSA-SHA1, inclusive-c14n signature as the reference packages carry, made by xml-crypto. */
function signSha1(xml: string): string {
  const sig = new SignedXml({ privateKey: pki.organ.privateKeyPem, publicCert: pki.organ.certificatePem });
  sig.signatureAlgorithm = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
  sig.canonicalizationAlgorithm = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
  sig.addReference({ xpath: '/*', uri: '', isEmptyUri: true, digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1', transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature'] });
  sig.computeSignature(xml, { location: { reference: "//*[local-name(.)='edXMLHeader']", action: 'append' } });
  return sig.getSignedXml();
}

describe('XML signatures', () => {
  it('C10: document and status packages carry one enveloped RSA-SHA256 signature over URI="" with the certificate, verified independently', () => {
    const docBytes = buildDocumentPackage(draftPackage(), { signer: pki.organ }).bytes;
    const statusBytes = buildStatusPackage(
      { From: { OrganId: '000.00.31.H99' }, ResponseFor: { OrganId: '000.00.12.H99', DocumentId: '000.00.12.H99,2025/03/04,125/SXD-QLXD' }, StatusCode: '01', Timestamp: '2025/03/04 09:16:00' },
      { signer: pki.organ },
    );
    for (const bytes of [docBytes, statusBytes]) {
      const xml = bytes.toString();
      expect(xml.match(/<Signature /g)).toHaveLength(1);
      expect(xml).toMatch(/<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#"><SignedInfo>/);
      expect(xml).toContain('<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>');
      expect(xml).toContain('<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>');
      expect(xml).toContain('<Reference URI=""><Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>');
      expect(xml).toContain('<X509Certificate>');
      expect(xml).toMatch(/<\/Signature>\n {4}<\/edXML:edXMLHeader>/);
      expect(xmlCryptoVerifies(xml, pki.organ.certificatePem)).toBe(true);
      const r = verifyXml(xml, { trustedCertificates: [pki.ca.certificatePem] });
      expect(r).toMatchObject({ present: true, valid: true, digestValid: true, signatureValid: true, trusted: true, weak: false });
      expect(r.certificate?.subject).toContain('000.00.12.H99');
    }
    // signing is deterministic: the signed package also rebuilds byte-identically
    expect(buildDocumentPackage(draftPackage(), { signer: pki.organ }).bytes.equals(docBytes)).toBe(true);
  });

  it('C29: a signed package changed by one character of Subject is refused with EXCHANGE_SIGNATURE_INVALID, origin hub', () => {
    const signed = signXml(sampleText('document-package.xml'), pki.organ);
    expect(checkReceivedPackage(Buffer.from(signed), { trustedCertificates: [pki.ca.certificatePem] }).signature.valid).toBe(true);
    const tampered = signed.replace('V/v kiểm tra', 'V/v kiểm trA');
    const r = refusalOf(() => checkReceivedPackage(Buffer.from(tampered)));
    expect(r).toMatchObject({ code: 'EXCHANGE_SIGNATURE_INVALID', origin: 'hub' });
    expect(verifyXml(tampered)).toMatchObject({ digestValid: false, valid: false });
    // a changed attachment byte breaks it too (the digest streams attachment bytes)
    const b64At = signed.indexOf('JVBERi0xLjQK');
    const changed = `${signed.slice(0, b64At)}JVBERi0xLjRK${signed.slice(b64At + 12)}`;
    expect(verifyXml(changed).digestValid).toBe(false);
  });

  it('C30: unsigned, an empty DigitalSignature placeholder, or a Signature outside XMLDSig is EXCHANGE_SIGNATURE_MISSING; unsigned-allowed admits it', () => {
    const base = sampleText('document-package.xml');
    const placeholder = base.replace('</edXML:edXMLHeader>', '<edXML:DigitalSignature/></edXML:edXMLHeader>');
    const signed = signXml(base, pki.organ);
    const wrongNs = signed.replace('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">', '<Signature>').replace(/<(\/?)(SignedInfo|SignatureValue|KeyInfo)/g, '<$1$2');
    for (const xml of [base, placeholder, wrongNs]) {
      const r = refusalOf(() => checkReceivedPackage(Buffer.from(xml)));
      expect(r).toMatchObject({ code: 'EXCHANGE_SIGNATURE_MISSING', origin: 'hub' });
      const admitted = checkReceivedPackage(Buffer.from(xml), { signaturePolicy: 'unsigned-allowed' });
      expect(admitted.unsignedAdmitted).toBe(true);
      expect(admitted.attachments[0]?.size).toBe(657);
    }
    expect(verifyXml(wrongNs).notes.join()).toContain('XMLDSig');
  });

  it('C31: a reference other than URI="" or two Signature elements give EXCHANGE_SIGNATURE_INVALID', () => {
    const signed = signXml(sampleText('document-package.xml'), pki.organ);
    const otherUri = signed.replace('<Reference URI="">', '<Reference URI="#x">');
    expect(refusalOf(() => checkReceivedPackage(Buffer.from(otherUri))).code).toBe('EXCHANGE_SIGNATURE_INVALID');
    const sig = /<Signature [\s\S]*<\/Signature>/.exec(signed)![0];
    const twice = signed.replace('</edXML:edXMLBody>', `</edXML:edXMLBody>${sig}`.replace('</edXML:edXMLBody>', '') + '</edXML:edXMLBody>');
    expect((twice.match(/<Signature /g) ?? []).length).toBe(2);
    expect(refusalOf(() => checkReceivedPackage(Buffer.from(twice))).code).toBe('EXCHANGE_SIGNATURE_INVALID');
    const noEnveloped = signed.replace('<Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>', '');
    expect(verifyXml(noEnveloped).problem?.code).toBe('EXCHANGE_SIGNATURE_INVALID');
  });

  it('C32 (codec part): an untrusted or expired-at-receipt certificate gives EXCHANGE_SIGNATURE_INVALID', () => {
    const byStranger = signXml(sampleText('document-package.xml'), pki.stranger);
    const r = verifyXml(byStranger, { trustedCertificates: [pki.ca.certificatePem] });
    expect(r).toMatchObject({ digestValid: true, signatureValid: true, trusted: false, valid: false });
    expect(refusalOf(() => checkReceivedPackage(Buffer.from(byStranger), { trustedCertificates: [pki.ca.certificatePem] })).code).toBe('EXCHANGE_SIGNATURE_INVALID');
    const signed = signXml(sampleText('document-package.xml'), pki.organ);
    const later = new Date(Date.now() + 90 * 86_400_000);
    expect(verifyXml(signed, { at: later })).toMatchObject({ timeValid: false, valid: false });
    expect(refusalOf(() => checkReceivedPackage(Buffer.from(signed), { at: later })).code).toBe('EXCHANGE_SIGNATURE_INVALID');
    expect(verifyXml(signed).revocation).toBe('not-checked');
  });

  it('C32 (revocation): a revoked certificate gives EXCHANGE_SIGNATURE_INVALID; no fresh revocation data gives the temporary EXCHANGE_SIGNATURE_INDETERMINATE', () => {
    const signed = Buffer.from(signXml(sampleText('document-package.xml'), pki.organ));
    const trust = { trustedCertificates: [pki.ca.certificatePem] };
    expect(checkReceivedPackage(signed, { ...trust, checkRevocation: () => 'good' }).signature).toMatchObject({ valid: true, revocation: 'good' });
    expect(refusalOf(() => checkReceivedPackage(signed, { ...trust, checkRevocation: () => 'revoked' }))).toMatchObject({ code: 'EXCHANGE_SIGNATURE_INVALID', temporary: false });
    const r = refusalOf(() => checkReceivedPackage(signed, { ...trust, checkRevocation: () => 'unknown' }));
    expect(r).toMatchObject({ code: 'EXCHANGE_SIGNATURE_INDETERMINATE', origin: 'hub', temporary: true });
  });

  it('C34: a valid RSA-SHA1 signature (inclusive c14n, made by xml-crypto) is accepted and recorded as weak', () => {
    const signed = signSha1(sampleText('status-03-registered.xml'));
    const r = verifyXml(signed, { trustedCertificates: [pki.ca.certificatePem] });
    expect(r).toMatchObject({ valid: true, weak: true });
    expect(r.notes.join()).toContain('SHA-1');
    const received = checkReceivedPackage(Buffer.from(signed), { trustedCertificates: [pki.ca.certificatePem] });
    expect(received.signature.weak).toBe(true);
    // …also over a document with a ZIP attachment (inclusive c14n digest with the attachment streamed)
    const signedDoc = signSha1(sampleText('document-package-zip.xml'));
    expect(verifyXml(signedDoc)).toMatchObject({ valid: true, weak: true, digestValid: true });
    expect(verifyXml(signedDoc.replace('UBND huyện Ví Dụ', 'UBND huyện Ví Dụ ')).digestValid).toBe(false);
  });

  it('accepts the non-W3C exclusive c14n alias seen in reference packages when verifying', () => {
    const sig = new SignedXml({ privateKey: pki.organ.privateKeyPem, publicCert: pki.organ.certificatePem });
    sig.signatureAlgorithm = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
    sig.canonicalizationAlgorithm = 'http://www.w3.org/2001/10/xml-exc-c14n#';
    sig.addReference({ xpath: '/*', uri: '', isEmptyUri: true, digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256', transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'] });
    sig.computeSignature(sampleText('status-03-registered.xml'), { location: { reference: "//*[local-name(.)='edXMLHeader']", action: 'append' } });
    // The alias sits in the Transforms, which are signed only through SignedInfo; re-sign after renaming.
    const renamed = sig.getSignedXml();
    expect(verifyXml(renamed).valid).toBe(true);
    const aliased = renamed.replace('<Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>', '<Transform Algorithm="http://www.w3.org/TR/xml-exc-c14n#"/>');
    const r = verifyXml(aliased);
    expect(r.digestValid).toBe(true);
    expect(r.notes.join()).toContain('xml-exc-c14n');
  });
});
