import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { register } from './edxml.ts';
import { makeTestPki, type TestPki } from '../../../adapters/hub/testing/certs.ts';
import { SAMPLE_PDF_SHA256, SAMPLES_DIR, sampleText } from '../../../adapters/hub/testing/samples.ts';
import { signXml } from '../../../adapters/hub/xml-signature.ts';
import { inspectPackage } from '../../../adapters/hub/edxml/inspect.ts';

let pki: TestPki;
let dir: string;
beforeAll(() => {
  pki = makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'lienthong-inspect-'));
});

async function cli(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  process.exitCode = 0;
  try {
    const program = new Command('lienthong').exitOverride();
    register(program);
    await program.parseAsync(['node', 'lienthong', 'edxml', 'inspect', ...args]);
    return { out: out.join('\n'), err: err.join('\n'), code: Number(process.exitCode ?? 0) };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = 0;
  }
}

afterEach(() => {
  process.exitCode = 0;
});

describe('edxml inspect', () => {
  it('reports header, attachments and a valid signature for a signed package, and exits 0', async () => {
    const file = join(dir, 'signed.xml');
    writeFileSync(file, signXml(sampleText('document-package-zip.xml'), pki.organ));
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, pki.ca.certificatePem);
    const r = await cli(file, '--trust', ca);
    expect(r.code).toBe(0);
    expect(r.out).toContain('000.00.12.H99,2025/03/04,125/SXD-QLXD');
    expect(r.out).toContain(SAMPLE_PDF_SHA256);
    expect(r.out).toContain('Chữ ký XML: hợp lệ');
    const json = JSON.parse((await cli(file, '--trust', ca, '--json')).out);
    expect(json).toMatchObject({ accepted: true, kind: 'document', packageId: '6ca8f2f2-ca4c-4236-a359-24d52186cc55', signature: { valid: true, trusted: true } });
    expect(json.attachments[0]).toMatchObject({ displayName: '125-SXD-QLXD.pdf', size: 657, sha256: SAMPLE_PDF_SHA256 });
  });

  it('exits 1 with the reason for an unsigned package and for a hostile one', async () => {
    const unsigned = await cli(join(SAMPLES_DIR, 'document-package.xml'));
    expect(unsigned.code).toBe(1);
    expect(unsigned.err).toContain('EXCHANGE_SIGNATURE_MISSING');
    expect(unsigned.out).toContain(SAMPLE_PDF_SHA256);
    const xxe = await cli(join(SAMPLES_DIR, 'malicious/xxe.xml'), '--json');
    expect(xxe.code).toBe(1);
    expect(JSON.parse(xxe.out)).toMatchObject({ accepted: false, refusal: { code: 'EXCHANGE_XML_FORBIDDEN_CONSTRUCT', origin: 'hub' } });
    expect((await cli(join(SAMPLES_DIR, 'status-03-registered.xml'), '--unsigned-allowed')).code).toBe(0);
  });

  it('names the first refusal in receipt order and still shows what it read', () => {
    const secret = sampleText('document-package.xml').replace('Công khai', 'Mật');
    const r = inspectPackage(Buffer.from(secret), { signaturePolicy: 'unsigned-allowed' });
    expect(r).toMatchObject({ accepted: false, refusal: { code: 'EXCHANGE_SECRET_DOCUMENT' }, kind: 'document', attachments: [] });
  });
});
