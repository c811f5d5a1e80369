import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { countRedIn, readPpm } from '../../server/adapters/signing/testing/ppm.ts';
import { requireTool, samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { readBytes } from '../../server/app/outgoing/file-bytes.ts';
import { mm, sealBox, type Box } from '../../server/domain/signature/appearance-geometry.ts';
import { defaultSignerBox } from '../../server/adapters/signing/pades/stamp-positions.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';
import { codeOf } from './hub-helpers.ts';
import { createDraft, loginAll, openRegisters, post } from './outgoing-helpers.ts';

// The first signature creates the test CA root and keys on demand (RSA key generation).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const A4 = { width: 595.28, height: 841.89 };
/** Box 7c on the left of the first page, higher up: far from the standard box (right, bottom, last page). */
const LEFT_BOX: { page: number | null; x: number; y: number; width: number; height: number } = { page: 1, x: mm(40), y: mm(150), width: mm(50), height: mm(25) };

/** Red pixels of one page (72 dpi: one pixel per point), in the seal's box, over the signer's left third, and anywhere. */
function redOn(pdf: Uint8Array, page: number, signer: Box): { inSeal: number; overSigner: number; everywhere: number } {
  const work = mkdtempSync(path.join(tmpdir(), 'lt-signer-box-'));
  writeFileSync(path.join(work, 'doc.pdf'), pdf);
  execFileSync(requireTool('pdftoppm', 'poppler-utils'), ['-r', '72', '-f', String(page), '-l', String(page), '-singlefile', path.join(work, 'doc.pdf'), path.join(work, 'page')]);
  const image = readPpm(readFileSync(path.join(work, 'page.ppm')));
  const seal = sealBox(signer, 36);
  return {
    inSeal: countRedIn(image, { x0: seal.x - 2, y0: seal.y - 2, x1: seal.x + seal.width + 2, y1: seal.y + seal.height + 2 }),
    overSigner: countRedIn(image, { x0: signer.x, y0: seal.y, x1: signer.x + signer.width / 3 + 2, y1: seal.y + seal.height }),
    everywhere: countRedIn(image, { x0: 0, y0: 0, x1: image.width, y1: image.height }),
  };
}

async function signedWithBox(e: TestEnv, box: typeof LEFT_BOX): Promise<Uint8Array> {
  const snv = (await codeOf(e, NAMES.SNV)).code;
  const draft = await e.deps.signing.placeStampFields(await samplePdf(2), { signerBox: box });
  const personal = await e.deps.signing.signPersonal({ pdf: draft, agencyCode: snv, username: 'giamdoc.snv', box });
  const numbered = await e.deps.signing.fillStampFields(personal, { number: 'Số: 16/QĐ-SNV', dateLine: 'Bạc Liêu, ngày 02 tháng 3 năm 2026' });
  return e.deps.signing.signOrganisation({ pdf: numbered, agencyCode: snv });
}

describeEachEngine('the signer’s position per document (box 7c)', { seed: true }, (env) => {
  it('a chosen box on page 1: the signature lands there, the seal moves with it over its left third, and both stay VALID', async () => {
    const e = env();
    const issued = await signedWithBox(e, LEFT_BOX);
    const result = await e.deps.signing.validate(issued);
    expect(result.signatures.map((s) => s.status)).toEqual(['VALID', 'VALID']);

    const first = redOn(issued, 1, LEFT_BOX);
    expect(first.inSeal).toBeGreaterThan(500);
    expect(first.overSigner).toBeGreaterThan(20);
    expect(first.everywhere).toBe(first.inSeal);
    // Nothing red where the standard box would have put it (last page, bottom right).
    expect(redOn(issued, 2, defaultSignerBox(A4)).everywhere).toBe(0);
  });

  it('refuses a box off the page, on a page the file lacks, of an odd size, or too close to the left edge for the seal, before signing', async () => {
    const e = env();
    const snv = (await codeOf(e, NAMES.SNV)).code;
    const pdf = await samplePdf(2);
    const sign = (box: Partial<typeof LEFT_BOX>) =>
      e.deps.signing.signPersonal({ pdf, agencyCode: snv, username: 'giamdoc.snv', box: { ...LEFT_BOX, ...box } });
    await expect(sign({ page: 1, x: A4.width - mm(30) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('vượt ra ngoài trang 1') });
    await expect(sign({ page: 5 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: 'Trang 5 không có trong văn bản (văn bản có 2 trang).' });
    await expect(sign({ page: null, width: mm(5) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Chiều rộng ô chữ ký phải từ 20 đến 120 mm') });
    await expect(sign({ page: 1, x: mm(2) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('con dấu') });
    await expect(e.deps.signing.placeStampFields(pdf, { signerBox: { ...LEFT_BOX, page: 3 } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('the signer chooses the box when signing: kept on the document, and the issued file carries the seal there', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const { id } = await createDraft(e, a, [NAMES.STC]);
    expect((await post(e, a.specialist, `/api/outgoing/${id}/submit`)).statusCode).toBe(200);
    expect((await post(e, a.head, `/api/outgoing/${id}/approve`)).statusCode).toBe(200);

    // The sample draft has one page: page 2 is refused with the reason, and nothing is signed.
    const bad = await post(e, a.leader, `/api/outgoing/${id}/sign`, { signerBox: { ...LEFT_BOX, page: 2 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Trang 2 không có trong văn bản (văn bản có 1 trang).' });
    expect((await e.request(a.leader, { method: 'GET', url: `/api/outgoing/${id}` })).json().document).toMatchObject({ state: 'awaiting_signature', signerBox: null });

    const signed = await post(e, a.leader, `/api/outgoing/${id}/sign`, { signerBox: LEFT_BOX });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ state: 'signed', signerBox: LEFT_BOX });
    const issued = await post(e, a.clerk, `/api/outgoing/${id}/issue`);
    expect(issued.statusCode).toBe(200);
    const file = await e.database.db.selectFrom('files').select('sha256').where('id', '=', issued.json().finalMainFileId).executeTakeFirstOrThrow();
    const pdf = await readBytes(e.deps.files, file.sha256);
    const red = redOn(pdf, 1, LEFT_BOX);
    expect(red.inSeal).toBeGreaterThan(500);
    expect(red.everywhere).toBe(red.inSeal);
  });

  it('the drafter may set the box on the draft; an odd size is refused with the field named', async () => {
    const e = env();
    const a = await loginAll(e);
    const bad = await e.request(a.specialist, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'decision', subject: 'Thử vị trí', signerBox: { ...LEFT_BOX, height: mm(200) } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Chiều cao ô chữ ký phải từ 10 đến 60 mm') });
    const { id } = await createDraft(e, a, [NAMES.STC], { signerBox: LEFT_BOX });
    expect((await e.request(a.specialist, { method: 'GET', url: `/api/outgoing/${id}` })).json().document.signerBox).toEqual(LEFT_BOX);
  });
});
