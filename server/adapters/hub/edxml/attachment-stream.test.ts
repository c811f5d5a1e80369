import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draftPackage, refusalOf, sample, SAMPLE_PDF_SHA256, sampleText } from '../testing/samples.ts';
import { decodeAttachments, matchAttachments } from './attachments.ts';
import { streamAttachment } from './attachment-stream.ts';
import { buildDocumentPackage, type BuildAttachment } from './build-document.ts';
import { DEFAULT_LIMITS, type EdxmlLimits } from './constants.ts';
import { parsePackage, type ParsedDocumentPackage } from './parse-package.ts';
import { writeSingleEntryZip } from './zip-write.ts';

const doc = (bytes: Buffer, limits: EdxmlLimits = DEFAULT_LIMITS): ParsedDocumentPackage => {
  const p = parsePackage(bytes, limits);
  if (p.kind !== 'document') throw new Error('document expected');
  return p;
};

async function streamAll(p: ParsedDocumentPackage, maxBytes?: number) {
  const results = [];
  for (const m of matchAttachments(p, 100)) {
    const chunks: Buffer[] = [];
    const r = await streamAttachment(p, m, (c) => void chunks.push(Buffer.from(c)), maxBytes);
    results.push({ ...r, bytes: Buffer.concat(chunks), chunkCount: chunks.length });
  }
  return results;
}

const withAttachment = (a: Omit<BuildAttachment, 'ContentId'>, encoding: 'zip' | 'base64' = 'base64') =>
  buildDocumentPackage(draftPackage({ attachments: [{ ContentId: 'cid:0b1c2d3e-0000-4000-8000-000000000001', ...a }] }), { encoding }).bytes;

describe('streaming attachments to a sink', () => {
  it('C22/C23 (streamed): raw and ZIP (data descriptor) samples stream the same PDF', async () => {
    const [raw] = await streamAll(doc(sample('document-package.xml')));
    const [zipped] = await streamAll(doc(sample('document-package-zip.xml')));
    expect(raw!.sha256).toBe(SAMPLE_PDF_SHA256);
    expect(zipped).toMatchObject({ sha256: SAMPLE_PDF_SHA256, size: 657, unpackedFrom: '8c03e290-a658-48e9-9b2a-f3b7a74d8317.pdf' });
    expect(zipped!.bytes.equals(raw!.bytes)).toBe(true);
  });

  it('streams a 6 MB file in chunks, zipped and raw, identical to the buffered decode', async () => {
    const file = Buffer.concat([randomBytes(2 << 20), Buffer.alloc(4 << 20, 1)]);
    for (const encoding of ['zip', 'base64'] as const) {
      const p = doc(withAttachment({ AttachmentName: 'lon.pdf', ContentType: 'application/pdf', bytes: file }, encoding));
      const [s] = await streamAll(p);
      expect(s!.bytes.equals(file), encoding).toBe(true);
      expect(s!.chunkCount).toBeGreaterThan(1);
      expect(s!.sha256).toBe(decodeAttachments(p)[0]!.sha256);
    }
  });

  it('C24 (streamed): a .docx and a raw .zip are passed through unchanged', async () => {
    const zip = writeSingleEntryZip('ho-so.pdf', Buffer.from('%PDF-1.4 hồ sơ'));
    const [z] = await streamAll(doc(withAttachment({ AttachmentName: 'ho-so.zip', ContentType: 'application/zip', bytes: zip })));
    expect(z!.bytes.equals(zip)).toBe(true);
    expect(z!.unpackedFrom).toBeUndefined();
  });

  it('C26 (streamed): an entry inflating beyond the limit is refused, bounded by the limit', async () => {
    const bomb = writeSingleEntryZip('bom.pdf', Buffer.alloc(16 << 20));
    const p = doc(withAttachment({ AttachmentName: 'bom.pdf', ContentType: 'application/pdf', bytes: bomb }));
    let received = 0;
    const m = matchAttachments(p, 100)[0]!;
    await expect(streamAttachment(p, m, (c) => void (received += c.length), 1 << 20)).rejects.toMatchObject({ code: 'EXCHANGE_ATTACHMENT_INVALID' });
    expect(received).toBeLessThanOrEqual(1 << 20);
  });

  it('streams Base64 wrapped at 76 characters (CRLF or LF), raw and zipped, in chunks and byte-exact', async () => {
    const file = Buffer.concat([randomBytes(2 << 20), Buffer.alloc(1 << 20, 3)]);
    for (const encoding of ['base64', 'zip'] as const) {
      for (const eol of ['\n', '\r\n']) {
        const text = withAttachment({ AttachmentName: 'ban-ve.dwg', ContentType: 'application/octet-stream', bytes: file }, encoding).toString('utf8');
        const wrapped = text.replace(/(<edXML:ContentTransferEncoded[^>]*>)([^<]*)</, (_m, o: string, b: string) => `${o}${b.replace(/(.{76})/g, `$1${eol}`)}<`);
        const [s] = await streamAll(doc(Buffer.from(wrapped)));
        expect(s!.bytes.equals(file), `${encoding} ${JSON.stringify(eol)}`).toBe(true);
        expect(s!.chunkCount).toBeGreaterThan(1);
      }
    }
  });

  it('wrapped Base64 (the reference sample) gives the same file; bad data is still refused', async () => {
    const wrapped = sampleText('document-package-zip.xml').replace(/(<edXML:ContentTransferEncoded[^>]*>)([^<]*)</, (_m, o: string, b: string) => `${o}${b.replace(/(.{76})/g, '$1\n')}<`);
    const [s] = await streamAll(doc(Buffer.from(wrapped)));
    expect(s!.sha256).toBe(SAMPLE_PDF_SHA256);
    const bad = sampleText('document-package.xml').replace('JVBERi0x', 'JVBE*i0x');
    const p = doc(Buffer.from(bad));
    const m = matchAttachments(p, 100)[0]!;
    await expect(streamAttachment(p, m, () => undefined)).rejects.toMatchObject({ code: 'EXCHANGE_ATTACHMENT_INVALID' });
    expect(refusalOf(() => decodeAttachments(p)).code).toBe('EXCHANGE_ATTACHMENT_INVALID');
  });
});
