import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../testing/certs.ts';
import { draftPackage, refusalOf } from '../testing/samples.ts';
import { verifyParsedXml } from '../xml-signature.ts';
import { matchAttachments } from './attachments.ts';
import { streamAttachment } from './attachment-stream.ts';
import { buildDocumentPackage } from './build-document.ts';
import { compactPackage } from './compact.ts';
import { fileBytes } from './package-bytes.ts';
import { parsePackage, type ParsedPackage } from './parse-package.ts';

let pki: TestPki;
let dir: string;
beforeAll(() => {
  pki = makeTestPki();
  dir = mkdtempSync(path.join(tmpdir(), 'lt-compact-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function onDisk(bytes: Buffer) {
  const file = path.join(dir, `${Math.random()}`);
  writeFileSync(file, bytes);
  return fileBytes(file, bytes.length);
}

async function files(p: ParsedPackage) {
  if (p.kind !== 'document') throw new Error('document expected');
  const out = [];
  for (const m of matchAttachments(p, 100)) {
    const chunks: Buffer[] = [];
    out.push({ ...(await streamAttachment(p, m, (c) => void chunks.push(Buffer.from(c)))), bytes: Buffer.concat(chunks) });
  }
  return out;
}

const signed = (file: Buffer, encoding: 'base64' | 'zip') =>
  buildDocumentPackage(
    draftPackage({ attachments: [{ ContentId: 'cid:0b1c2d3e-0000-4000-8000-000000000001', AttachmentName: 'ban-ve.dwg', ContentType: 'application/octet-stream', bytes: file }] }),
    { signer: pki.organ, encoding },
  ).bytes;

describe('a package read from a file in windows (large receipts)', () => {
  for (const encoding of ['base64', 'zip'] as const) {
    it(`${encoding}: the attachment text is cut out of the skeleton, yet fields, signature and file are those of the in-memory read`, async () => {
      const file = Buffer.concat([randomBytes(3 << 20), Buffer.alloc(1 << 20, 7)]);
      const bytes = signed(file, encoding);
      const src = onDisk(bytes);
      const { skeleton, cuts } = compactPackage(src);
      expect(cuts).toHaveLength(1);
      expect(skeleton.length).toBeLessThan(20_000);
      const fromFile = parsePackage(src);
      const inMemory = parsePackage(bytes);
      expect(fromFile.package).toEqual(inMemory.package);
      const at = new Date();
      const sig = verifyParsedXml(fromFile.xml, { at });
      expect(sig.present && sig.valid).toBe(true);
      expect(sig).toEqual(verifyParsedXml(inMemory.xml, { at }));
      const [streamed] = await files(fromFile);
      expect(streamed!.bytes.equals(file)).toBe(true);
    });
  }

  it('a signature no longer matches when one character of the cut text changes', () => {
    const bytes = Buffer.from(signed(randomBytes(200_000), 'base64'));
    const at = bytes.indexOf('>', bytes.indexOf('ContentTransferEncoded')) + 1000;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    const inMemory = verifyParsedXml(parsePackage(bytes).xml, { at: new Date() });
    expect(inMemory.present && inMemory.valid).toBe(false);
    const sig = verifyParsedXml(parsePackage(onDisk(bytes)).xml, { at: new Date() });
    expect(sig.present && sig.valid).toBe(false);
  });

  it('a long Base64-looking text outside an attachment is refused as from memory (text limit), never cut', () => {
    const text = buildDocumentPackage(draftPackage(), { encoding: 'base64' }).bytes.toString('utf8');
    const long = text.replace(/(<edXML:Subject>)[^<]*/, `$1${'QUJD'.repeat(400_000)}`);
    const bytes = Buffer.from(long);
    expect(compactPackage(onDisk(bytes)).cuts).toHaveLength(0);
    expect(refusalOf(() => parsePackage(onDisk(bytes))).code).toBe(refusalOf(() => parsePackage(bytes)).code);
    expect(refusalOf(() => parsePackage(bytes)).code).toBe('EXCHANGE_XML_LIMIT_EXCEEDED');
  });

  it('attachment text hidden in a comment after a ContentTransferEncoded tag is refused', () => {
    const text = buildDocumentPackage(draftPackage(), { encoding: 'base64' }).bytes.toString('utf8');
    const hidden = text.replace('</edXML:edXMLEnvelope>', `</edXML:edXMLEnvelope><!-- <ContentTransferEncoded>${'QUJD'.repeat(50_000)}</x> -->`);
    expect(compactPackage(onDisk(Buffer.from(hidden))).cuts).toHaveLength(1);
    expect(refusalOf(() => parsePackage(onDisk(Buffer.from(hidden)))).code).toBe('EXCHANGE_XML_MALFORMED');
  });
});
