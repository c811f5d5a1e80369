import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { redRingPng, requireTool, samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { describeEachEngine, NAMES, type Session, type TestEnv } from './harness.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

async function codeOf(e: TestEnv, name: string): Promise<string> {
  return (await e.database.db.selectFrom('agency_codes').select('code').where('agency_id', '=', await e.agencyId(name)).where('valid_to', 'is', null).executeTakeFirstOrThrow()).code;
}

async function userId(e: TestEnv, username: string): Promise<string> {
  return (await e.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** Sizes of the images drawn in a PDF, from Poppler's pdfimages. */
function imageSizes(pdf: Uint8Array): string[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lt-img-')), 'x.pdf');
  writeFileSync(file, pdf);
  const out = execFileSync(requireTool('pdfimages', 'poppler-utils'), ['-list', file], { encoding: 'utf8' });
  const rows = out.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
  return rows.filter((c) => c[2] === 'image').map((c) => `${c[3]}x${c[4]}`);
}

describeEachEngine('seal and signature images', { seed: true }, (env) => {
  let admin: Session;
  const b64 = (png: Uint8Array) => Buffer.from(png).toString('base64');

  it('the admin uploads the seal and a signer’s image; the signer may upload their own; the signatures then draw them', async () => {
    const e = env();
    admin = await e.login('quantri.snv');
    const seal = await e.request(admin, { method: 'POST', url: '/api/signing/images', payload: { kind: 'seal', pngBase64: b64(redRingPng(210)), diameterMm: 34 } });
    expect(seal.statusCode, seal.body).toBe(201);
    expect(seal.json()).toMatchObject({ kind: 'seal', width: 210, height: 210, diameterMm: 34, validFrom: '2026-03-02', validTo: null });
    const leader = await e.login('giamdoc.snv');
    const own = await e.request(leader, { method: 'POST', url: '/api/signing/images', payload: { kind: 'signature', userId: leader.userId, pngBase64: b64(redRingPng(150)) } });
    expect(own.statusCode, own.body).toBe(201);
    const deputy = await e.request(admin, { method: 'POST', url: '/api/signing/images', payload: { kind: 'signature', userId: await userId(e, 'phogiamdoc.snv'), pngBase64: b64(redRingPng(120)) } });
    expect(deputy.statusCode).toBe(201);
    // A new seal from tomorrow does not replace today's.
    const later = await e.request(admin, { method: 'POST', url: '/api/signing/images', payload: { kind: 'seal', pngBase64: b64(redRingPng(99)), validFrom: '2026-03-03' } });
    expect(later.statusCode).toBe(201);

    const list = await e.request(admin, { method: 'GET', url: '/api/signing/images' });
    expect((list.json().items as unknown[]).length).toBe(4);
    const png = await e.request(leader, { method: 'GET', url: `/api/signing/images/${own.json().id}/png` });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(Buffer.from(png.rawPayload).equals(Buffer.from(redRingPng(150)))).toBe(true);

    const code = await codeOf(e, NAMES.SNV);
    const personal = await e.deps.signing.signPersonal({ pdf: await samplePdf(), agencyCode: code, username: 'giamdoc.snv' });
    const sealed = await e.deps.signing.signOrganisation({ pdf: personal, agencyCode: code });
    expect(imageSizes(sealed)).toEqual(['150x150', '210x210']);
    expect((await e.deps.signing.validate(sealed)).status).toBe('VALID');
    e.clock.advance(86_400_000);
    try {
      const tomorrow = await e.deps.signing.signOrganisation({ pdf: await samplePdf(), agencyCode: code });
      expect(imageSizes(tomorrow)).toEqual(['99x99']);
    } finally {
      e.clock.advance(-86_400_000);
    }
    // Someone without an image gets the generated fallback (drawn, no picture).
    const stc = await e.deps.signing.signOrganisation({ pdf: await samplePdf(), agencyCode: await codeOf(e, NAMES.STC) });
    expect(imageSizes(stc)).toEqual([]);
  });

  it('refuses what is not a transparent PNG, bad dates, other people’s signatures and other agencies’ users', async () => {
    const e = env();
    const post = (payload: Record<string, unknown>, session = admin) => e.request(session, { method: 'POST', url: '/api/signing/images', payload });
    const jpeg = await post({ kind: 'seal', pngBase64: b64(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(0)])) });
    expect(jpeg.statusCode).toBe(400);
    expect(jpeg.json().message).toContain('PNG');
    const opaque = redRingPng(40);
    opaque[25] = 2; // RGB, no alpha channel
    const noAlpha = await post({ kind: 'seal', pngBase64: b64(opaque) });
    expect(noAlpha.statusCode).toBe(400);
    expect(noAlpha.json().message).toContain('trong suốt');
    const dates = await post({ kind: 'seal', pngBase64: b64(redRingPng(40)), validFrom: '2026-03-05', validTo: '2026-03-01' });
    expect(dates.statusCode).toBe(400);
    const stranger = await post({ kind: 'signature', userId: await userId(e, 'giamdoc.stc'), pngBase64: b64(redRingPng(40)) });
    expect(stranger.statusCode).toBe(404);
    const clerk = await e.login('vanthu.snv');
    expect((await post({ kind: 'seal', pngBase64: b64(redRingPng(40)) }, clerk)).statusCode).toBe(403);
    const leader = await e.login('giamdoc.snv');
    expect((await post({ kind: 'signature', userId: await userId(e, 'phogiamdoc.snv'), pngBase64: b64(redRingPng(40)) }, leader)).statusCode).toBe(403);
  });
});
