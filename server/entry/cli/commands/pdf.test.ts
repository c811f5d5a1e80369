import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { samplePdf } from '../../../adapters/signing/testing/test-pki.ts';
import { validatePdf } from '../../../adapters/signing/validation/validate-pdf.ts';
import { FileCaDirectory } from '../../../adapters/signing/ca/ca-store.ts';
import type { DocumentValidation } from '../../../domain/signature/validation-result.ts';
import { register as registerCa } from './ca.ts';
import { register as registerPdf } from './pdf.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let work: string;
let caDir: string;

async function run(...args: string[]): Promise<{ out: string; exitCode: number }> {
  const program = new Command().exitOverride();
  registerCa(program);
  registerPdf(program);
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void lines.push(parts.join(' ')));
  process.exitCode = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    log.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: lines.join('\n'), exitCode };
}

const savedKek = process.env.SIGNING_KEK;

beforeAll(async () => {
  process.env.SIGNING_KEK = randomBytes(32).toString('base64');
  work = mkdtempSync(path.join(tmpdir(), 'lienthong-cli-'));
  caDir = path.join(work, 'ca');
  writeFileSync(path.join(work, 'draft.pdf'), await samplePdf());
  const init = await run('ca', 'init', '--dir', caDir);
  expect(init.out).toMatch(/Đã tạo CA thử nghiệm/);
}, 120_000);

afterEach(() => {
  process.exitCode = 0;
});

afterAll(() => {
  if (savedKek === undefined) delete process.env.SIGNING_KEK;
  else process.env.SIGNING_KEK = savedKek;
});

describe('lienthong pdf sign / verify / ca revoke', () => {
  it('signs personally then with the seal, and verify exits 0 with both signatures VALID', async () => {
    const draft = path.join(work, 'draft.pdf');
    const personal = path.join(work, 'personal.pdf');
    const sealed = path.join(work, 'sealed.pdf');
    expect((await run('pdf', 'sign', draft, personal, '--agency', 'SNV', '--signer', 'giamdoc.snv', '--dir', caDir)).out).toMatch(/Đã ký .*Huỳnh Văn Đức/);
    expect((await run('pdf', 'sign', personal, sealed, '--agency', 'SNV', '--dir', caDir)).out).toMatch(/Sở Nội vụ tỉnh Bạc Liêu/);
    const human = await run('pdf', 'verify', sealed, '--dir', caDir);
    expect(human.exitCode).toBe(0);
    expect(human.out).toMatch(/#1 VALID\s+Huỳnh Văn Đức — Sở Nội vụ tỉnh Bạc Liêu, ký lúc \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00/);
    expect(human.out).toMatch(/#2 VALID\s+Sở Nội vụ tỉnh Bạc Liêu/);
    const json = await run('pdf', 'verify', sealed, '--json', '--dir', caDir);
    expect((JSON.parse(json.out) as DocumentValidation).signatures.map((s) => s.status)).toEqual(['VALID', 'VALID']);
  });

  it('a tampered file gives the same result as the API and a non-zero exit', async () => {
    const signed = path.join(work, 'to-tamper.pdf');
    await run('pdf', 'sign', path.join(work, 'draft.pdf'), signed, '--agency', 'STC', '--dir', caDir);
    const bytes = readFileSync(signed);
    bytes[bytes.indexOf('Trang 1') + 6] = 0x39;
    const tampered = path.join(work, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const cli = await run('pdf', 'verify', tampered, '--json', '--dir', caDir);
    expect(cli.exitCode).toBe(1);
    const api = await validatePdf(new Uint8Array(bytes), await new FileCaDirectory(caDir).load());
    expect(JSON.parse(cli.out)).toEqual(JSON.parse(JSON.stringify(api)));
    expect(api.signatures[0]!.reasons[0]).toBe('MODIFIED_AFTER_SIGNING');
  });

  it('after ca revoke, a signature made with the revoked key is REVOKED', async () => {
    const signed = path.join(work, 'before-revoke.pdf');
    await run('pdf', 'sign', path.join(work, 'draft.pdf'), signed, '--agency', 'STC', '--signer', 'giamdoc.stc', '--dir', caDir);
    const serial = (JSON.parse((await run('pdf', 'verify', signed, '--json', '--dir', caDir)).out) as DocumentValidation).signatures[0]!.signer!.serialNumber;
    expect((await run('ca', 'revoke', serial, '--dir', caDir)).out).toMatch(/Đã thu hồi chứng thư/);
    const after = path.join(work, 'after-revoke.pdf');
    await run('pdf', 'sign', path.join(work, 'draft.pdf'), after, '--agency', 'STC', '--signer', 'giamdoc.stc', '--dir', caDir);
    const cli = await run('pdf', 'verify', after, '--json', '--dir', caDir);
    expect(cli.exitCode).toBe(1);
    expect(JSON.parse(cli.out)).toMatchObject({ status: 'INVALID', signatures: [{ status: 'INVALID', reasons: ['REVOKED'] }] });
  });

  it('a file signed under another CA is CHAIN_UNTRUSTED with a non-zero exit', async () => {
    const otherDir = path.join(work, 'other-ca');
    const agencies = path.join(work, 'agencies.json');
    const signers = path.join(work, 'signers.json');
    writeFileSync(agencies, JSON.stringify([{ code: 'SNV', name: 'Sở Nội vụ (CA lạ)' }]));
    writeFileSync(signers, '[]');
    await run('ca', 'init', '--dir', otherDir, '--agencies', agencies, '--signers', signers);
    const signed = path.join(work, 'foreign.pdf');
    await run('pdf', 'sign', path.join(work, 'draft.pdf'), signed, '--agency', 'SNV', '--dir', otherDir);
    const cli = await run('pdf', 'verify', signed, '--dir', caDir);
    expect(cli.exitCode).toBe(1);
    expect(cli.out).toMatch(/CHAIN_UNTRUSTED: Chứng thư số không do tổ chức/);
  });

  it('refuses an unknown signer with a message naming what is missing', async () => {
    await expect(run('pdf', 'sign', path.join(work, 'draft.pdf'), path.join(work, 'x.pdf'), '--agency', 'SNV', '--signer', 'khong-co', '--dir', caDir)).rejects.toThrow(
      /không có khóa ký cho người ký khong-co của cơ quan SNV/,
    );
  });
});
