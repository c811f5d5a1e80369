import { PDFName, PDFArray, rgb, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { revokeCertificate } from '../ca/test-ca.ts';
import { certificateSummary } from '../pades/certificate-summary.ts';
import { IncrementalUpdate } from '../pades/incremental-writer.ts';
import { signPdf } from '../pades/sign-pdf.ts';
import { createTestPki, samplePdf, SIGNER_BOX, type TestPki } from '../testing/test-pki.ts';
import { validatePdf } from './validate-pdf.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const personal = { kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' } as const;
const deputy = { kind: 'personal', agencyCode: 'SXD', username: 'pgd.sxd' } as const;

let pki: TestPki;
let signed: Uint8Array;

async function sign(p: TestPki, pdf: Uint8Array, identity: typeof personal | typeof deputy = personal, signingTime?: Date): Promise<Uint8Array> {
  return signPdf({
    pdf,
    signer: p.signer,
    identity,
    appearance: { kind: 'signature-image', page: 0, box: SIGNER_BOX, signerName: 'Nguyễn Văn Ánh' },
    ...(signingTime ? { signingTime } : {}),
  });
}

beforeAll(async () => {
  pki = await createTestPki();
  signed = await sign(pki, await samplePdf());
}, 120_000);

describe('PDF signature validation', () => {
  it('accepts an untouched signed file', async () => {
    const result = await validatePdf(signed, await pki.ca.load());
    expect(result).toMatchObject({ status: 'VALID', reasons: [] });
    expect(result.signatures[0]).toMatchObject({ status: 'VALID', fieldName: 'Signature1', signer: { organisation: 'Sở Xây dựng' } });
  });

  it('changing one byte inside the signed range makes it INVALID / MODIFIED_AFTER_SIGNING', async () => {
    const tampered = Buffer.from(signed);
    const text = tampered.toString('latin1');
    const at = text.indexOf('Trang 1');
    tampered[at + 6] = '2'.charCodeAt(0);
    const result = await validatePdf(tampered, await pki.ca.load());
    expect(result.status).toBe('INVALID');
    expect(result.signatures[0]!.reasons[0]).toBe('MODIFIED_AFTER_SIGNING');
    expect(result.signatures[0]!.reasons).toContain('DIGEST_MISMATCH');
  });

  it('a signature whose bytes were altered is INVALID / SIGNATURE_INVALID', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const contents = text.lastIndexOf('/Contents <') + '/Contents <'.length;
    const tampered = Buffer.from(signed);
    // Flip a hex digit near the end of the CMS (inside the RSA signature value).
    const cmsHexEnd = text.indexOf('00000000', contents);
    const target = cmsHexEnd - 10;
    tampered[target] = tampered[target] === 0x41 ? 0x42 : 0x41;
    const result = await validatePdf(tampered, await pki.ca.load());
    expect(result.status).toBe('INVALID');
    expect(result.signatures[0]!.reasons).toContain('SIGNATURE_INVALID');
  });

  it('content drawn on the page in a later incremental update is MODIFIED_AFTER_SIGNING', async () => {
    const update = await IncrementalUpdate.open(signed);
    const page = update.doc.getPage(0);
    const font = await update.doc.embedFont(StandardFonts.Helvetica);
    page.drawText('DA SUA', { x: 60, y: 700, size: 20, font, color: rgb(1, 0, 0) });
    update.markChanged(page.ref);
    const modified = await update.serialize();
    const result = await validatePdf(modified, await pki.ca.load());
    expect(result.signatures[0]).toMatchObject({ status: 'INVALID', reasons: ['MODIFIED_AFTER_SIGNING'], coversWholeDocument: false });
  });

  it('an annotation added after signing (not a signature) is MODIFIED_AFTER_SIGNING', async () => {
    const update = await IncrementalUpdate.open(signed);
    const page = update.doc.getPage(0);
    const annot = update.doc.context.register(
      update.doc.context.obj({ Type: 'Annot', Subtype: 'FreeText', Rect: [50, 50, 200, 80], Contents: 'ĐÃ DUYỆT', DA: '/Helv 12 Tf 0 g' }),
    );
    const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
    annots.push(annot);
    update.markChanged(page.ref);
    const result = await validatePdf(await update.serialize(), await pki.ca.load());
    expect(result.signatures[0]).toMatchObject({ status: 'INVALID', reasons: ['MODIFIED_AFTER_SIGNING'] });
  });

  it('a signer revoked before signing is INVALID / REVOKED', async () => {
    const other = await createTestPki();
    const chain = await other.signer.getCertificateChain(deputy);
    const serial = certificateSummary(chain[0]!).serialNumber;
    await revokeCertificate({ store: other.ca, keyStore: other.ca.keyStore, kek: other.kek }, serial, new Date(Date.now() - 3600_000));
    const result = await validatePdf(await sign(other, await samplePdf(), deputy), await other.ca.load());
    expect(result.status).toBe('INVALID');
    expect(result.signatures[0]!.reasons).toEqual(['REVOKED']);
  });

  it('a signer revoked after signing, without a timestamp, is INDETERMINATE', async () => {
    const other = await createTestPki();
    const before = await sign(other, await samplePdf(), deputy, new Date(Date.now() - 2 * 3600_000));
    const serial = certificateSummary((await other.signer.getCertificateChain(deputy))[0]!).serialNumber;
    await revokeCertificate({ store: other.ca, keyStore: other.ca.keyStore, kek: other.kek }, serial, new Date(Date.now() - 3600_000));
    const result = await validatePdf(before, await other.ca.load());
    expect(result.signatures[0]).toMatchObject({ status: 'INDETERMINATE', reasons: ['REVOKED_AFTER_SIGNING'] });
  });

  it('no CRL available is INDETERMINATE / NO_REVOCATION_DATA, never VALID', async () => {
    const trust = { ...(await pki.ca.load()), crls: [] };
    const result = await validatePdf(signed, trust);
    expect(result).toMatchObject({ status: 'INDETERMINATE', reasons: ['NO_REVOCATION_DATA'] });
  });

  it('a CRL that expired before the signing time does not count', async () => {
    const later = new Date(Date.now() + 30 * 86_400_000);
    const result = await validatePdf(await sign(pki, await samplePdf(), personal, later), await pki.ca.load(), { now: later });
    expect(result.signatures[0]!.reasons).toEqual(['NO_REVOCATION_DATA']);
  });

  it('a certificate from an unknown CA is CHAIN_UNTRUSTED', async () => {
    const stranger = await createTestPki();
    const result = await validatePdf(await sign(stranger, await samplePdf()), await pki.ca.load());
    expect(result.status).toBe('INDETERMINATE');
    expect(result.signatures[0]!.reasons).toEqual(['CHAIN_UNTRUSTED']);
  });

  it('a certificate used after it expired is INVALID / EXPIRED', async () => {
    const farFuture = new Date(Date.now() + 4 * 365 * 86_400_000);
    const result = await validatePdf(await sign(pki, await samplePdf(), personal, farFuture), await pki.ca.load(), { now: farFuture });
    expect(result.status).toBe('INVALID');
    expect(result.signatures[0]!.reasons).toContain('EXPIRED');
  });

  it('an unsigned file is INDETERMINATE / NOT_SIGNED, and garbage is not a crash', async () => {
    expect(await validatePdf(await samplePdf(), await pki.ca.load())).toMatchObject({ status: 'INDETERMINATE', reasons: ['NOT_SIGNED'] });
    expect((await validatePdf(new TextEncoder().encode('not a pdf'), await pki.ca.load())).status).toBe('INDETERMINATE');
  });
});
