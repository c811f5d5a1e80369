import { describe, expect, it } from 'vitest';
import { MEDIA, matchesDeclared, mediaTypeOfName, sniff } from './sniff.ts';

const bytes = (...parts: (string | number[] | Uint8Array)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A ZIP's first local header naming `name` (sizes and CRC do not matter to sniffing). */
function zipEntry(name: string): Uint8Array {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1')]);
}

describe('sniff', () => {
  it('recognises documents and images by their bytes', () => {
    expect(sniff(bytes('%PDF-1.7\n%âãÏÓ\n')).mediaType).toBe(MEDIA.pdf);
    expect(sniff(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatchObject({ mediaType: MEDIA.png, label: 'ảnh PNG' });
    expect(sniff(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toMatchObject({ mediaType: MEDIA.jpeg });
  });

  it('tells DOCX and XLSX from a plain ZIP by the entry names, in the head or only in the tail', () => {
    const docx = bytes(zipEntry('[Content_Types].xml'), zipEntry('word/document.xml'));
    expect(sniff(docx).mediaType).toBe(MEDIA.docx);
    const xlsxHead = zipEntry('_rels/.rels');
    const xlsxTail = bytes('PK\x01\x02', 'xl/workbook.xml', 'PK\x01\x02', '[Content_Types].xml', 'PK\x05\x06');
    expect(sniff(xlsxHead).mediaType).toBe(MEDIA.zip);
    expect(sniff(xlsxHead, { tail: xlsxTail }).mediaType).toBe(MEDIA.xlsx);
    expect(sniff(bytes(zipEntry('photos/a.jpg'))).mediaType).toBe(MEDIA.zip);
  });

  it('calls executables executables whatever they are named', () => {
    expect(sniff(bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toMatchObject({ mediaType: MEDIA.elf, executable: true });
    expect(sniff(bytes('MZ\x90\x00\x03\x00\x00\x00'))).toMatchObject({ mediaType: MEDIA.pe, executable: true, label: 'tệp thực thi Windows (PE/MZ)' });
    expect(sniff(bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).toMatchObject({ mediaType: MEDIA.macho, executable: true });
    expect(sniff(bytes('#!/bin/sh\nrm -rf /\n'))).toMatchObject({ mediaType: MEDIA.script, executable: true });
    expect(sniff(bytes('%PDF-1.4')).executable).toBe(false);
  });

  it('reads UTF-8 text and XML, and refuses to call binary junk text', () => {
    expect(sniff(Buffer.from('Kính gửi: Sở Nội vụ tỉnh Bạc Liêu\n'), { complete: true }).mediaType).toBe(MEDIA.text);
    expect(sniff(Buffer.from('\uFEFF<?xml version="1.0"?><edXML/>'), { complete: true }).mediaType).toBe(MEDIA.xml);
    expect(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), { complete: true }).mediaType).toBe(MEDIA.svg);
    expect(sniff(Buffer.from('<!DOCTYPE html><html></html>'), { complete: true }).mediaType).toBe(MEDIA.html);
    expect(sniff(bytes([0x00, 0x01, 0x02, 0xff, 0xfe]), { complete: true }).mediaType).toBe(MEDIA.binary);
    // Latin-1 "Bạc" is not UTF-8.
    expect(sniff(bytes([0x42, 0xe1, 0x63, 0x20]), { complete: true }).mediaType).toBe(MEDIA.binary);
  });

  it('does not mistake a multi-byte character cut by the end of the head for binary data', () => {
    const text = Buffer.from('Đơn vị '.repeat(2000));
    const cut = text.subarray(0, 8191);
    expect(sniff(cut).mediaType).toBe(MEDIA.text);
  });
});

describe('declared types', () => {
  it('accepts a wider honest declaration and refuses a false one', () => {
    expect(matchesDeclared('application/pdf', MEDIA.pdf)).toBe(true);
    expect(matchesDeclared('application/zip', MEDIA.docx)).toBe(true);
    expect(matchesDeclared('text/xml; charset=utf-8', MEDIA.xml)).toBe(true);
    expect(matchesDeclared('application/octet-stream', MEDIA.png)).toBe(true);
    expect(matchesDeclared('application/pdf', MEDIA.png)).toBe(false);
    expect(matchesDeclared(MEDIA.docx, MEDIA.zip)).toBe(false);
  });

  it('reads the claim of a file name extension', () => {
    expect(mediaTypeOfName('Công văn 123.PDF')).toBe(MEDIA.pdf);
    expect(mediaTypeOfName('bang-tinh.xlsx')).toBe(MEDIA.xlsx);
    expect(mediaTypeOfName('no-extension')).toBeUndefined();
  });
});
