import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { draftPackage, refusalOf, sample, sampleText, SAMPLE_PDF_SHA256 } from '../testing/samples.ts';
import { decodeAttachments, displayNameOf } from './attachments.ts';
import { buildDocumentPackage, type BuildAttachment } from './build-document.ts';
import { DEFAULT_LIMITS } from './constants.ts';
import { parsePackage, type ParsedDocumentPackage } from './parse-package.ts';
import { writeSingleEntryZip } from './zip-write.ts';

const doc = (bytes: Buffer, limits = DEFAULT_LIMITS): ParsedDocumentPackage => {
  const p = parsePackage(bytes, limits);
  if (p.kind !== 'document') throw new Error('expected a document package');
  return p;
};

function withAttachment(a: Omit<BuildAttachment, 'ContentId'>): Buffer {
  return buildDocumentPackage(draftPackage({ attachments: [{ ContentId: 'cid:1f0e4c8e-1111-4a4a-8b8b-000000000001', ...a }] }), { encoding: 'base64' }).bytes;
}

/** A ZIP with several stored entries (what an Office file is). */
function multiEntryZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt32LE(crc32(data), 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(n.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt32LE(crc32(data), 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, n, data);
    centrals.push(ch, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('attachments', () => {
  it('C22: raw Base64 and ZIP+Base64 samples yield byte-identical PDFs with the README digest', () => {
    const [raw] = decodeAttachments(doc(sample('document-package.xml')));
    const [zipped] = decodeAttachments(doc(sample('document-package-zip.xml')));
    expect(raw!.sha256).toBe(SAMPLE_PDF_SHA256);
    expect(raw!.size).toBe(657);
    expect(raw!.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(zipped!.bytes.equals(raw!.bytes)).toBe(true);
    expect(zipped!.unpackedFrom).toBe('8c03e290-a658-48e9-9b2a-f3b7a74d8317.pdf');
    expect(raw!.unpackedFrom).toBeUndefined();
  });

  it('C23: a ZIP written with data descriptors (flag bit 3, zero sizes in the local header) is unpacked', () => {
    const b64 = /<edXML:ContentTransferEncoded[^>]*>([^<]*)</.exec(sampleText('document-package-zip.xml'))![1]!;
    const zip = Buffer.from(b64, 'base64');
    expect(zip.length).toBe(553);
    expect(zip.readUInt16LE(6) & 0x8).toBe(0x8);
    expect(zip.readUInt32LE(18)).toBe(0);
    expect(zip.readUInt32LE(22)).toBe(0);
    expect(decodeAttachments(doc(sample('document-package-zip.xml')))[0]!.sha256).toBe(SAMPLE_PDF_SHA256);
  });

  it('C24: a Base64 .docx and a raw Base64 .zip are stored as sent, not unpacked', () => {
    const docx = multiEntryZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const [a] = decodeAttachments(doc(withAttachment({ AttachmentName: 'bao-cao.docx', ContentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: docx })));
    expect(a!.bytes.equals(docx)).toBe(true);
    expect(a!.unpackedFrom).toBeUndefined();
    const zip = writeSingleEntryZip('ho-so.pdf', Buffer.from('%PDF-1.4 hồ sơ'));
    const [b] = decodeAttachments(doc(withAttachment({ AttachmentName: 'ho-so.zip', ContentType: 'application/zip', bytes: zip })));
    expect(b!.bytes.equals(zip)).toBe(true);
    // …whereas the same single-entry archive under a .pdf name is the SDK's form and is unpacked once.
    const [c] = decodeAttachments(doc(withAttachment({ AttachmentName: 'ho-so.pdf', ContentType: 'application/pdf', bytes: zip })));
    expect(c!.bytes.toString()).toBe('%PDF-1.4 hồ sơ');
  });

  it('C25: Base64 with line breaks is accepted; an invalid character is refused with EXCHANGE_ATTACHMENT_INVALID', () => {
    const base = sampleText('document-package.xml');
    const wrapped = base.replace(/(<edXML:ContentTransferEncoded[^>]*>)([^<]*)</, (_m, o: string, b: string) => `${o}\n${b.replace(/(.{64})/g, '$1\r\n  ')}\n<`);
    expect(decodeAttachments(doc(Buffer.from(wrapped)))[0]!.sha256).toBe(SAMPLE_PDF_SHA256);
    for (const bad of [(b: string) => `${b.slice(0, 10)}*${b.slice(11)}`, (b: string) => `${b.slice(0, 10)}-${b.slice(11)}`, (b: string) => b.slice(0, -1), (b: string) => `${b}=A`]) {
      const xml = base.replace(/(<edXML:ContentTransferEncoded[^>]*>)([^<]*)</, (_m, o: string, b: string) => `${o}${bad(b)}<`);
      expect(refusalOf(() => decodeAttachments(doc(Buffer.from(xml)))).code).toBe('EXCHANGE_ATTACHMENT_INVALID');
    }
  });

  it('C26: a ZIP entry inflating beyond the limit, an encrypted entry or another method is refused', () => {
    const limits = { ...DEFAULT_LIMITS, maxAttachmentBytes: 1024 * 1024 };
    // 16 MiB of zeros deflate to ~16 KiB; inflation stops at limit + 1 bytes (maxOutputLength).
    const bomb = writeSingleEntryZip('bom.pdf', Buffer.alloc(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const r = refusalOf(() => decodeAttachments(doc(withAttachment({ AttachmentName: 'bom.pdf', ContentType: 'application/pdf', bytes: bomb }), limits)));
    expect(r.code).toBe('EXCHANGE_ATTACHMENT_INVALID');
    expect(r.message).toContain(String(limits.maxAttachmentBytes));
    const good = writeSingleEntryZip('a.pdf', Buffer.from('%PDF-1.4'));
    const cdAt = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const encrypted = Buffer.from(good);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(cdAt + 8) | 1, cdAt + 8);
    const bzip = Buffer.from(good);
    bzip.writeUInt16LE(12, cdAt + 10);
    for (const bytes of [encrypted, bzip]) {
      expect(refusalOf(() => decodeAttachments(doc(withAttachment({ AttachmentName: 'a.pdf', ContentType: 'application/pdf', bytes })))).code).toBe('EXCHANGE_ATTACHMENT_INVALID');
    }
  });

  it('C27: a reference without attachment, or an attachment without reference, is refused', () => {
    const base = sampleText('document-package.xml');
    const noAttachment = base.replace(/<AttachmentEncoded>[\s\S]*<\/AttachmentEncoded>/, '');
    expect(refusalOf(() => decodeAttachments(doc(Buffer.from(noAttachment)))).code).toBe('EXCHANGE_ATTACHMENT_INVALID');
    const noReference = base.replace(/<edXML:Reference>[\s\S]*<\/edXML:Reference>/, '');
    expect(refusalOf(() => decodeAttachments(doc(Buffer.from(noReference)))).code).toBe('EXCHANGE_ATTACHMENT_INVALID');
    const noContent = base.replace(/<edXML:ContentTransferEncoded[^>]*>[^<]*<\/edXML:ContentTransferEncoded>/, '');
    expect(refusalOf(() => decodeAttachments(doc(Buffer.from(noContent)))).code).toBe('EXCHANGE_ATTACHMENT_INVALID');
    const otherId = base.replace('<ContentId>cid:21e11f5a', '<ContentId>cid:99e11f5a');
    expect(refusalOf(() => decodeAttachments(doc(Buffer.from(otherId)))).code).toBe('EXCHANGE_ATTACHMENT_INVALID');
  });

  it('C28: a path in AttachmentName never reaches a storage path; the display name is the last part', () => {
    const [a] = decodeAttachments(doc(withAttachment({ AttachmentName: '../../evil.pdf', ContentType: 'application/pdf', bytes: Buffer.from('%PDF') })));
    expect(a!.displayName).toBe('evil.pdf');
    expect(a!.AttachmentName).toBe('../../evil.pdf');
    expect(a!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(displayNameOf('..\\..\\win\\x.pdf')).toBe('x.pdf');
    expect(displayNameOf('a\u0000b\u001f.pdf')).toBe('ab.pdf');
    expect(displayNameOf('../..')).toBe('tep-dinh-kem');
    expect(displayNameOf(undefined)).toBe('tep-dinh-kem');
  });

  it('decodes an 8 MB attachment from the received buffer without going through the DOM', () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 7);
    const bytes = withAttachment({ AttachmentName: 'lon.pdf', ContentType: 'application/pdf', bytes: big });
    const p = doc(bytes);
    expect(p.xml.ranges[0]!.inline).toBe(false);
    const [a] = decodeAttachments(p);
    expect(a!.bytes.equals(big)).toBe(true);
  });
});

