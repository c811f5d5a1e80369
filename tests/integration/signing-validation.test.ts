import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { FileCaDirectory } from '../../server/adapters/signing/ca/ca-store.ts';
import { revokeCertificate } from '../../server/adapters/signing/ca/test-ca.ts';
import { signPdf } from '../../server/adapters/signing/pades/sign-pdf.ts';
import { loadKek } from '../../server/adapters/signing/signing-config.ts';
import { createTestPki, samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import type { DocumentValidation } from '../../server/domain/signature/validation-result.ts';
import { runCli } from './cli-harness.ts';
import { describeEachEngine, NAMES, type Session, type TestEnv } from './harness.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

type Row = [string, string[], string | undefined];

function rowsOf(v: { signatures: { status: string; reasons: (string | { code: string })[]; signer: { serialNumber: string } | null | undefined }[] }): Row[] {
  return v.signatures.map((s) => [s.status, s.reasons.map((r) => (typeof r === 'string' ? r : r.code)), s.signer?.serialNumber]);
}

async function codeOf(e: TestEnv, name: string): Promise<string> {
  return (await e.database.db.selectFrom('agency_codes').select('code').where('agency_id', '=', await e.agencyId(name)).where('valid_to', 'is', null).executeTakeFirstOrThrow()).code;
}

describeEachEngine('signature validation: API and command line agree', { seed: true }, (env) => {
  let clerk: Session;
  const work = mkdtempSync(path.join(tmpdir(), 'lt-verify-'));

  async function viaApi(e: TestEnv, pdf: Uint8Array) {
    const res = await e.request(clerk, { method: 'POST', url: '/api/signing/validate', headers: { 'content-type': 'application/pdf' }, payload: Buffer.from(pdf) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string; statusLabel: string; signatures: { status: string; statusLabel: string; reasons: { code: string; label: string }[]; signer: { serialNumber: string; commonName: string } | null }[] };
  }

  function viaCli(e: TestEnv, name: string, pdf: Uint8Array): { status: number | null; result: DocumentValidation } {
    const file = path.join(work, `${name}.pdf`);
    writeFileSync(file, pdf);
    const run = runCli(['pdf', 'verify', file, '--json'], { ...process.env, DATA_DIR: e.config.dataDir, SIGNING_CA_DIR: e.config.signing.caDir, NODE_ENV: 'test', LOG_LEVEL: 'warn' });
    expect(run.stderr).toBe('');
    return { status: run.status, result: JSON.parse(run.stdout) as DocumentValidation };
  }

  it('valid, tampered, revoked and untrusted files: same per-signature results; the CLI exits non-zero unless all are VALID', async () => {
    const e = env();
    clerk = await e.login('vanthu.snv');
    const code = await codeOf(e, NAMES.SNV);
    const sign = e.deps.signing;
    const valid = await sign.signOrganisation({ pdf: await sign.signPersonal({ pdf: await samplePdf(), agencyCode: code, username: 'giamdoc.snv' }), agencyCode: code });

    const tampered = Buffer.from(valid);
    tampered[tampered.indexOf('Trang 1') + 6] = 0x39;

    // The deputy's certificate is revoked a minute before she signs.
    await sign.signPersonal({ pdf: await samplePdf(), agencyCode: code, username: 'phogiamdoc.snv' });
    const ca = new FileCaDirectory(e.config.signing.caDir);
    const kek = loadKek({ provider: 'local', caDir: ca.dir, dataDir: e.config.dataDir, production: false, kekBase64: undefined });
    const serial = (await ca.readState())!.issued.find((c) => c.username === 'phogiamdoc.snv')!.serial;
    await revokeCertificate({ store: ca, keyStore: ca.keyStore, kek, now: e.clock.now() }, serial, new Date(e.clock.now().getTime() - 60_000));
    const revoked = await sign.signPersonal({ pdf: await samplePdf(), agencyCode: code, username: 'phogiamdoc.snv' });

    const stranger = await createTestPki(e.clock.now());
    const untrusted = await signPdf({ pdf: await samplePdf(), signer: stranger.signer, identity: { kind: 'organisation', agencyCode: 'SXD' }, appearance: { kind: 'invisible' }, signingTime: e.clock.now() });

    const expected: Record<string, { status: string; reasons: string[][] }> = {
      valid: { status: 'VALID', reasons: [[], []] },
      tampered: { status: 'INVALID', reasons: [['MODIFIED_AFTER_SIGNING', 'DIGEST_MISMATCH'], ['MODIFIED_AFTER_SIGNING', 'DIGEST_MISMATCH']] },
      revoked: { status: 'INVALID', reasons: [['REVOKED']] },
      untrusted: { status: 'INDETERMINATE', reasons: [['CHAIN_UNTRUSTED']] },
    };
    for (const [name, pdf] of Object.entries({ valid, tampered: new Uint8Array(tampered), revoked, untrusted })) {
      const api = await viaApi(e, pdf);
      const cli = viaCli(e, name, pdf);
      expect(rowsOf(api), name).toEqual(rowsOf(cli.result));
      expect(api.status, name).toBe(cli.result.status);
      expect([api.status, api.signatures.map((s) => s.reasons.map((r) => r.code))], name).toEqual([expected[name]!.status, expected[name]!.reasons]);
      expect(cli.status, name).toBe(name === 'valid' ? 0 : 1);
    }
    const api = await viaApi(e, revoked);
    expect(api.statusLabel).toBe('Không hợp lệ');
    expect(api.signatures[0]!.reasons[0]!.label).toMatch(/thu hồi/);
    expect(api.signatures[0]!.signer!.commonName).toBe('Đặng Thị Phó');
  });

  it('checks a stored file of the own agency by id; another agency’s file is 404; a non-PDF is refused', async () => {
    const e = env();
    const code = await codeOf(e, NAMES.SNV);
    const signed = await e.deps.signing.signOrganisation({ pdf: await samplePdf(), agencyCode: code });
    const upload = await e.request(clerk, { method: 'POST', url: '/api/files', headers: { 'content-type': 'application/pdf', 'x-file-name': 'cong-van.pdf' }, payload: Buffer.from(signed) });
    expect(upload.statusCode, upload.body).toBe(201);
    const id = upload.json().id as string;
    const stored = await e.request(clerk, { method: 'GET', url: `/api/files/${id}/signatures` });
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json()).toEqual(await viaApi(e, signed));
    expect(stored.json().signatures[0].signer.commonName).toBe(NAMES.SNV);
    const outsider = await e.request(await e.login('vanthu.stc'), { method: 'GET', url: `/api/files/${id}/signatures` });
    expect(outsider.statusCode).toBe(404);
    const notPdf = await e.request(clerk, { method: 'POST', url: '/api/signing/validate', headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('hello') });
    expect(notPdf.statusCode).toBe(400);
    const unsigned = await viaApi(e, await samplePdf());
    expect(unsigned).toMatchObject({ status: 'INDETERMINATE', reasons: [{ code: 'NOT_SIGNED' }], signatures: [] });
  });
});
