import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mm, sealBox } from '../../../domain/signature/appearance-geometry.ts';
import { createTestPki, requireTool, samplePdf, SIGNER_BOX, type TestPki } from '../testing/test-pki.ts';
import { validatePdf } from '../validation/validate-pdf.ts';
import { signPdf } from './sign-pdf.ts';
import { addStampFields, fillStampFields } from './stamp-fields.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let pki: TestPki;
const fields = [
  { name: 'so_ky_hieu', page: 0, box: { x: mm(20), y: 740, width: mm(70), height: 18 } },
  { name: 'ngay_ban_hanh', page: 0, box: { x: mm(110), y: 740, width: mm(85), height: 18 } },
];

beforeAll(async () => {
  pki = await createTestPki();
}, 120_000);

describe('number and date after the personal signature', () => {
  it('personal signature → number and date → seal: every signature stays valid', async () => {
    const draft = await addStampFields(await samplePdf(), fields);
    const personal = await signPdf({
      pdf: draft,
      signer: pki.signer,
      identity: { kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' },
      appearance: { kind: 'signature-image', page: 0, box: SIGNER_BOX, signerName: 'Nguyễn Văn Ánh' },
    });
    const numbered = await fillStampFields(personal, { so_ky_hieu: 'Số: 125/SXD-VP', ngay_ban_hanh: 'Bạc Liêu, ngày 04 tháng 3 năm 2025' });
    const sealed = await signPdf({
      pdf: numbered,
      signer: pki.signer,
      identity: { kind: 'organisation', agencyCode: 'SXD' },
      appearance: { kind: 'seal', page: 0, box: sealBox(SIGNER_BOX, 36), agencyName: 'Sở Xây dựng' },
    });
    const result = await validatePdf(sealed, await pki.ca.load());
    expect(result.signatures.map((s) => [s.status, s.reasons])).toEqual([
      ['VALID', []],
      ['VALID', []],
    ]);
    // A number the seal signed cannot be rewritten afterwards (the personal signature never covered it).
    const rewritten = await validatePdf(await fillStampFields(sealed, { so_ky_hieu: 'Số: 126/SXD-VP' }), await pki.ca.load());
    expect(rewritten.status).toBe('INVALID');
    expect(rewritten.signatures.map((s) => s.reasons)).toEqual([[], ['MODIFIED_AFTER_SIGNING']]);

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lienthong-stamp-')), 'issued.pdf');
    writeFileSync(file, sealed);
    expect(execFileSync(requireTool('pdftotext', 'poppler-utils'), [file, '-'], { encoding: 'utf8' })).toContain('Bạc Liêu, ngày 04 tháng 3 năm 2025');
    expect(execFileSync(requireTool('pdfsig', 'poppler-utils'), [file], { encoding: 'utf8' }).match(/Signature is Valid\./g)?.length).toBe(2);
  });

  it('a text field added after the signature is not a fill-in: MODIFIED_AFTER_SIGNING', async () => {
    const personal = await signPdf({
      pdf: await samplePdf(),
      signer: pki.signer,
      identity: { kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' },
      appearance: { kind: 'invisible' },
    });
    const late = await fillStampFields(await addStampFields(personal, fields.slice(0, 1)), { so_ky_hieu: 'Số: 999/GIẢ' });
    const result = await validatePdf(late, await pki.ca.load());
    expect(result.signatures[0]).toMatchObject({ status: 'INVALID', reasons: ['MODIFIED_AFTER_SIGNING'] });
  });
});
