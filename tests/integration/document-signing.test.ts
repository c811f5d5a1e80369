import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { verifyXml } from '../../server/adapters/hub/xml-signature.ts';
import { hasTool, requireTool, samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { composeDeps } from '../../server/entry/compose.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';

// The first signature creates the test CA root and keys on demand (RSA key generation).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

async function codeOf(e: TestEnv, agencyName: string): Promise<string> {
  const row = await e.database.db
    .selectFrom('agency_codes as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select('c.code')
    .where('a.name', '=', agencyName)
    .where('c.valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  return row.code;
}

function pdfsig(e: TestEnv, pdf: Uint8Array): string {
  const work = mkdtempSync(path.join(tmpdir(), 'lt-docsign-'));
  const file = path.join(work, 'signed.pdf');
  writeFileSync(file, pdf);
  const args = [file];
  if (hasTool('certutil')) {
    execFileSync('certutil', ['-N', '-d', `sql:${work}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${work}`, '-n', 'lienthong-test-root', '-t', 'C,C,C', '-i', path.join(e.config.signing.caDir, 'root.crt')]);
    args.unshift('-nssdir', `sql:${work}`);
  }
  return execFileSync(requireTool('pdfsig', 'poppler-utils'), args, { encoding: 'utf8' });
}

describeEachEngine('document signing port (demo keys from the built-in test CA)', { seed: true }, (env) => {
  it('stamp fields → personal → number and date → organisation: both signatures VALID, and pdfsig agrees', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const signing = e.deps.signing;
    const draft = await signing.placeStampFields(await samplePdf(2));
    expect(await signing.placeStampFields(draft)).toBe(draft); // idempotent
    const personal = await signing.signPersonal({ pdf: draft, agencyCode: snv, username: 'giamdoc.snv', description: 'Ký văn bản: V/v thử nghiệm' });
    const numbered = await signing.fillStampFields(personal, { number: 'Số: 15/QĐ-SNV', dateLine: 'Bạc Liêu, ngày 02 tháng 3 năm 2026' });
    const issued = await signing.signOrganisation({ pdf: numbered, agencyCode: snv });

    const result = await signing.validate(issued);
    expect(result.status).toBe('VALID');
    expect(result.signatures.map((s) => [s.status, s.reasons, s.signer?.commonName])).toEqual([
      ['VALID', [], 'Huỳnh Văn Đức'],
      ['VALID', [], NAMES.SNV],
    ]);
    expect(result.signatures[0]!.signingTime).toBe(e.clock.now().toISOString());

    const output = pdfsig(e, issued);
    expect(output.match(/Signature is Valid\./g)?.length).toBe(2);
    if (hasTool('certutil')) expect(output.match(/Certificate is Trusted\./g)?.length).toBe(2);
  });

  it('a deputy signs too; the key signs many documents in a row; an attachment gets the text form', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    for (let i = 0; i < 3; i++) {
      const signed = await e.deps.signing.signPersonal({ pdf: await samplePdf(), agencyCode: snv, username: 'phogiamdoc.snv' });
      expect((await e.deps.signing.validate(signed)).status).toBe('VALID');
    }
    const attachment = await e.deps.signing.signAttachment({ pdf: await samplePdf(), agencyCode: snv, numberAndNotation: '15/QĐ-SNV' });
    const result = await e.deps.signing.validate(attachment);
    expect(result.signatures.map((s) => [s.status, s.signer?.commonName])).toEqual([['VALID', NAMES.SNV]]);
    const work = mkdtempSync(path.join(tmpdir(), 'lt-attach-'));
    writeFileSync(path.join(work, 'a.pdf'), attachment);
    const text = execFileSync(requireTool('pdftotext', 'poppler-utils'), [path.join(work, 'a.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('15/QĐ-SNV');
    expect(text).toContain('2026-03-02T09:00:00+07:00');
  });

  it('refuses a personal key to someone who is not a competent signer, and an unknown agency', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    await expect(e.deps.signing.signPersonal({ pdf: await samplePdf(), agencyCode: snv, username: 'vanthu.snv' })).rejects.toMatchObject({ code: 'SIGNING_NO_KEY' });
    await expect(e.deps.signing.signOrganisation({ pdf: await samplePdf(), agencyCode: '000.99.99.Z99' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(e.deps.signing.signPersonal({ pdf: await samplePdf(), agencyCode: snv, username: 'giamdoc.stc' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('two instances sharing the CA folder (two processes) issue one key, not two', async () => {
    const e = env();
    const stc = await codeOf(e, NAMES.STC);
    const other = composeDeps(e.config, e.database, { clock: e.clock });
    const [a, b] = await Promise.all([
      e.deps.signing.signOrganisation({ pdf: await samplePdf(), agencyCode: stc }),
      other.signing.signOrganisation({ pdf: await samplePdf(), agencyCode: stc }),
    ]);
    const [ra, rb] = [await e.deps.signing.validate(a), await other.signing.validate(b)];
    expect([ra.status, rb.status]).toEqual(['VALID', 'VALID']);
    expect(ra.signatures[0]!.signer?.serialNumber).toBe(rb.signatures[0]!.signer?.serialNumber);
  });

  it('signs an EDXML package with the agency’s organisation key (enveloped XMLDSig)', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<edXML:edXMLEnvelope xmlns:edXML="http://www.e-doc.vn/Schema/">\n  <edXML:edXMLHeader>\n    <edXML:MessageHeader><edXML:Code>x</edXML:Code></edXML:MessageHeader>\n  </edXML:edXMLHeader>\n  <edXML:edXMLBody/>\n</edXML:edXMLEnvelope>\n`);
    const signed = await e.deps.signing.signPackageXml(xml, snv);
    const check = verifyXml(signed);
    expect(check).toMatchObject({ present: true, digestValid: true, signatureValid: true });
    expect(check.certificate?.subject ?? '').toContain(NAMES.SNV);
  });
});
