import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sealBox } from '../../../domain/signature/appearance-geometry.ts';
import { AGENCIES, createTestPki, hasTool, redRingPng, requireTool, samplePdf, SIGNER_BOX, type TestPki } from '../testing/test-pki.ts';
import { readPpm } from '../testing/ppm.ts';
import { validatePdf } from '../validation/validate-pdf.ts';
import { signPdf } from './sign-pdf.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let pki: TestPki;
let work: string;
let twoSignatures: Uint8Array;

const personal = { kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' } as const;
const organisation = { kind: 'organisation', agencyCode: 'SXD' } as const;

async function signPersonalThenSeal(pdf: Uint8Array): Promise<Uint8Array> {
  const first = await signPdf({
    pdf,
    signer: pki.signer,
    identity: personal,
    appearance: { kind: 'signature-image', page: 0, box: SIGNER_BOX, signerName: 'Nguyễn Văn Ánh' },
    reason: 'Ký ban hành',
  });
  return signPdf({
    pdf: first,
    signer: pki.signer,
    identity: organisation,
    appearance: { kind: 'seal', page: 0, box: sealBox(SIGNER_BOX, 36), agencyName: AGENCIES[0]!.name, parentAgencyName: AGENCIES[0]!.parentName! },
  });
}

beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(path.join(tmpdir(), 'lienthong-pades-'));
  twoSignatures = await signPersonalThenSeal(await samplePdf());
  writeFileSync(path.join(work, 'two.pdf'), twoSignatures);
}, 120_000);

describe('PAdES signing', () => {
  it('signs with a personal then an organisation signature, both valid to our validator', async () => {
    const result = await validatePdf(twoSignatures, await pki.ca.load());
    expect(result.status).toBe('VALID');
    expect(result.signatures.map((s) => [s.status, s.signer?.commonName, s.subFilter])).toEqual([
      ['VALID', 'Nguyễn Văn Ánh', 'ETSI.CAdES.detached'],
      ['VALID', 'Sở Xây dựng', 'ETSI.CAdES.detached'],
    ]);
    expect(result.signatures[0]!.coversWholeDocument).toBe(false);
    expect(result.signatures[1]!.coversWholeDocument).toBe(true);
  });

  it('keeps the original bytes: the second signature is an incremental update', async () => {
    const original = await samplePdf();
    const signed = await signPersonalThenSeal(original);
    expect(Buffer.from(signed.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect(Buffer.from(signed).toString('latin1').match(/%%EOF/g)?.length).toBe(3);
  });

  it('also appends to files written with cross-reference streams, readable by Poppler', async () => {
    const signed = await signPersonalThenSeal(await samplePdf(2, { objectStreams: true }));
    const result = await validatePdf(signed, await pki.ca.load());
    expect(result.signatures.map((s) => s.status)).toEqual(['VALID', 'VALID']);
    const file = path.join(work, 'xref-stream.pdf');
    writeFileSync(file, signed);
    // Our validator reads objects in file order; Poppler follows the cross-reference chain.
    const info = execFileSync(requireTool('pdfinfo', 'poppler-utils'), [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    const output = execFileSync(requireTool('pdfsig', 'poppler-utils'), [file], { encoding: 'utf8' });
    expect(output.match(/Signature is Valid\./g)?.length).toBe(2);
  });

  it('Poppler pdfsig reports both signatures valid and, with the test CA in its NSS database, trusted', () => {
    const pdfsig = requireTool('pdfsig', 'poppler-utils');
    const file = path.join(work, 'two.pdf');
    let args = [file];
    let trustConfigured = false;
    if (hasTool('certutil')) {
      const nss = mkdtempSync(path.join(tmpdir(), 'lienthong-nss-'));
      execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
      execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'lienthong-test-root', '-t', 'C,C,C', '-i', path.join(pki.dir, 'root.crt')]);
      args = ['-nssdir', `sql:${nss}`, file];
      trustConfigured = true;
    } else {
      console.warn('certutil (libnss3-tools) is missing: pdfsig cannot be given the test CA; only signature validity is checked');
    }
    const output = execFileSync(pdfsig, args, { encoding: 'utf8' });
    expect(output).toContain('Signature #1');
    expect(output).toContain('Signature #2');
    expect(output.match(/Signature is Valid\./g)?.length).toBe(2);
    expect(output).toContain('ETSI.CAdES.detached');
    if (trustConfigured) expect(output.match(/Certificate is Trusted\./g)?.length).toBe(2);
    else expect(output).toContain("Certificate issuer isn't Trusted");
  });

  it('draws the red seal at real size over the left third of the signer image', () => {
    const pdftoppm = requireTool('pdftoppm', 'poppler-utils');
    const prefix = path.join(work, 'page');
    // 72 dpi: one pixel per PDF point.
    execFileSync(pdftoppm, ['-r', '72', '-f', '1', '-l', '1', '-singlefile', path.join(work, 'two.pdf'), prefix]);
    const image = readPpm(readFileSync(`${prefix}.ppm`));
    const seal = sealBox(SIGNER_BOX, 36);
    const toPixels = (x: number, y: number): [number, number] => [Math.round(x), Math.round(image.height - y)];
    const countRed = (x0: number, y0: number, x1: number, y1: number): number => {
      const [px0, py1] = toPixels(x0, y0);
      const [px1, py0] = toPixels(x1, y1);
      let n = 0;
      for (let y = Math.max(0, py0); y < Math.min(image.height, py1); y++)
        for (let x = Math.max(0, px0); x < Math.min(image.width, px1); x++) if (image.isRed(x, y)) n++;
      return n;
    };
    const inSeal = countRed(seal.x, seal.y, seal.x + seal.width, seal.y + seal.height);
    const overlap = countRed(SIGNER_BOX.x, seal.y, SIGNER_BOX.x + SIGNER_BOX.width / 3 + 2, seal.y + seal.height);
    const total = countRed(0, 0, image.width, image.height);
    expect(seal.width).toBeCloseTo((36 / 25.4) * 72, 1);
    expect(inSeal).toBeGreaterThan(500);
    expect(overlap).toBeGreaterThan(20);
    // Nothing red outside the seal's box (2 pt of anti-aliasing allowed).
    expect(total - countRed(seal.x - 2, seal.y - 2, seal.x + seal.width + 2, seal.y + seal.height + 2)).toBe(0);
  });

  it('uses the uploaded seal image instead of the generated one', async () => {
    const seal = sealBox(SIGNER_BOX, 40);
    const signed = await signPdf({
      pdf: await samplePdf(),
      signer: pki.signer,
      identity: organisation,
      appearance: { kind: 'seal', page: 0, box: seal, agencyName: 'Sở Xây dựng', imagePng: redRingPng(200) },
    });
    const file = path.join(work, 'uploaded-seal.pdf');
    writeFileSync(file, signed);
    const prefix = path.join(work, 'uploaded');
    execFileSync(requireTool('pdftoppm', 'poppler-utils'), ['-r', '72', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    const image = readPpm(readFileSync(`${prefix}.ppm`));
    // The ring's left edge at the seal's left side, mid-height; the transparent centre stays white.
    const midY = Math.round(image.height - (seal.y + seal.height / 2));
    expect(image.isRed(Math.round(seal.x + 3), midY)).toBe(true);
    expect(image.isRed(Math.round(seal.x + seal.width / 2), midY)).toBe(false);
    expect((await validatePdf(signed, await pki.ca.load())).status).toBe('VALID');
  });

  it('puts the text-form organisation signature at the top right of an attachment', async () => {
    const pdftotext = requireTool('pdftotext', 'poppler-utils');
    const signed = await signPdf({
      pdf: await samplePdf(),
      signer: pki.signer,
      identity: organisation,
      appearance: { kind: 'text', lines: ['125/SXD-VP', '2025-03-04T09:15:02+07:00', 'Sở Xây dựng'] },
    });
    const file = path.join(work, 'attachment.pdf');
    writeFileSync(file, signed);
    // Top-right strip: 10 mm margins, so the text sits within the top 80 pt and right 250 pt.
    const text = execFileSync(pdftotext, ['-x', '345', '-y', '0', '-W', '250', '-H', '80', '-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('125/SXD-VP');
    expect(text).toContain('2025-03-04T09:15:02+07:00');
    expect(text).toContain('Sở Xây dựng');
    expect((await validatePdf(signed, await pki.ca.load())).status).toBe('VALID');
  });

  it('signs many documents in a row with one signer', async () => {
    const trust = await pki.ca.load();
    for (let i = 0; i < 5; i++) {
      const signed = await signPdf({ pdf: await samplePdf(), signer: pki.signer, identity: personal, appearance: { kind: 'invisible' } });
      expect((await validatePdf(signed, trust)).status).toBe('VALID');
    }
  });
});
