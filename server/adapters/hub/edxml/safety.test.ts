import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { refusalOf, sample, SAMPLES_DIR, sampleText } from '../testing/samples.ts';
import { ExchangeRefusal } from '../../../domain/exchange/refusal.ts';
import { verifyParsedXml } from '../xml-signature.ts';
import { decodeAttachments } from './attachments.ts';
import { DEFAULT_LIMITS } from './constants.ts';
import { parsePackage } from './parse-package.ts';
import { checkDeclaredLength, readPackageBytes } from './read-bytes.ts';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

describe('XML safety', () => {
  it('C35: xxe.xml is refused with EXCHANGE_XML_FORBIDDEN_CONSTRUCT before anything is resolved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lienthong-xxe-'));
    copyFileSync(join(SAMPLES_DIR, 'malicious/xxe.xml'), join(dir, 'xxe.xml'));
    writeFileSync(join(dir, 'xxe-canary.txt'), 'CANARY-7f3a');
    const r = refusalOf(() => parsePackage(sample('malicious/xxe.xml')));
    expect(r).toMatchObject({ code: 'EXCHANGE_XML_FORBIDDEN_CONSTRUCT', origin: 'hub', temporary: false });
    expect(r.message).toContain('DOCTYPE');
    expect(JSON.stringify(r)).not.toContain('CANARY');
  });

  it('C36: billion-laughs.xml is refused in under one second with memory growth below 50 MB', () => {
    const input = sample('malicious/billion-laughs.xml');
    const before = process.memoryUsage().rss;
    const { value: r, ms } = timed(() => refusalOf(() => parsePackage(input)));
    expect(r.code).toBe('EXCHANGE_XML_FORBIDDEN_CONSTRUCT');
    expect(ms).toBeLessThan(1000);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('C37: deep-nesting.xml is refused with EXCHANGE_XML_LIMIT_EXCEEDED in under one second', () => {
    const { value: r, ms } = timed(() => refusalOf(() => parsePackage(sample('malicious/deep-nesting.xml'))));
    expect(r.code).toBe('EXCHANGE_XML_LIMIT_EXCEEDED');
    expect(r.message).toContain('64');
    expect(ms).toBeLessThan(1000);
  });

  it('C38: a DOCTYPE without entities and a processing instruction are refused', () => {
    const base = sampleText('document-package.xml');
    const withDoctype = base.replace('<edXML xmlns', '<!DOCTYPE edXML>\n<edXML xmlns');
    expect(refusalOf(() => parsePackage(Buffer.from(withDoctype))).code).toBe('EXCHANGE_XML_FORBIDDEN_CONSTRUCT');
    const withPi = base.replace('<edXML xmlns', '<?xml-stylesheet href="x.xsl"?>\n<edXML xmlns');
    expect(refusalOf(() => parsePackage(Buffer.from(withPi))).code).toBe('EXCHANGE_XML_FORBIDDEN_CONSTRUCT');
    const innerPi = base.replace('<edXML:Subject>', '<?php echo 1 ?><edXML:Subject>');
    expect(refusalOf(() => parsePackage(Buffer.from(innerPi))).code).toBe('EXCHANGE_XML_FORBIDDEN_CONSTRUCT');
    const entity = base.replace('<edXML:Subject>', '<!ENTITY x "y"><edXML:Subject>');
    expect(refusalOf(() => parsePackage(Buffer.from(entity))).code).toBe('EXCHANGE_XML_FORBIDDEN_CONSTRUCT');
    const xinclude = base.replace('<edXML:Subject>', '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/><edXML:Subject>');
    expect(refusalOf(() => parsePackage(Buffer.from(xinclude))).code).toBe('EXCHANGE_XML_FORBIDDEN_CONSTRUCT');
    // a byte order mark and comments are fine
    expect(parsePackage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(base)])).kind).toBe('document');
  });

  it('C39: a package over the size limit is refused without reading past the limit', async () => {
    const limits = { ...DEFAULT_LIMITS, maxPackageBytes: 4096 };
    expect(refusalOf(() => parsePackage(sample('document-package.xml'), limits)).code).toBe('EXCHANGE_PACKAGE_TOO_LARGE');
    expect(refusalOf(() => checkDeclaredLength(5000, 4096)).code).toBe('EXCHANGE_PACKAGE_TOO_LARGE');
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024, 0x20));
      },
    });
    await expect(readPackageBytes(endless, 10_000)).rejects.toMatchObject({ code: 'EXCHANGE_PACKAGE_TOO_LARGE' });
    expect(produced).toBeLessThan(10_000 + 64 * 1024);
    const ok = await readPackageBytes(Readable.from([sample('status-03-registered.xml')]), DEFAULT_LIMITS.maxPackageBytes);
    expect(parsePackage(ok).kind).toBe('status');
  });

  it('C40: non-well-formed or non-UTF-8 input is EXCHANGE_XML_MALFORMED; a wrong root or namespace is EXCHANGE_UNSUPPORTED_FORMAT', () => {
    const base = sampleText('document-package.xml');
    const malformed = [
      base.replace('</edXML:Subject>', '</edXML:Subjec>'),
      base.slice(0, 2000),
      base.replace('<edXML:Subject>', '<edXML:Subject>&nbsp;'),
      '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><a></edXML>',
      '',
      'not xml at all',
      base + '<second/>',
      base.replace('<edXML:Subject>', '<edXML:Subject a="1" a="2">'),
    ];
    for (const xml of malformed) expect(refusalOf(() => parsePackage(Buffer.from(xml))).code, xml.slice(0, 60)).toBe('EXCHANGE_XML_MALFORMED');
    const latin1 = Buffer.from(base.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    expect(refusalOf(() => parsePackage(latin1)).code).toBe('EXCHANGE_XML_MALFORMED');
    const declaredOther = base.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    expect(refusalOf(() => parsePackage(Buffer.from(declaredOther))).code).toBe('EXCHANGE_XML_MALFORMED');
    const wrongRoot = '<?xml version="1.0"?><root xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>';
    expect(refusalOf(() => parsePackage(Buffer.from(wrongRoot))).code).toBe('EXCHANGE_UNSUPPORTED_FORMAT');
    const wrongNs = base.replace('<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">', '<edXML xmlns="urn:other">');
    expect(refusalOf(() => parsePackage(Buffer.from(wrongNs))).code).toBe('EXCHANGE_UNSUPPORTED_FORMAT');
    const neither = base.replace(/<edXML:TraceHeaderList[\s\S]*<\/edXML:TraceHeaderList>/, '');
    expect(refusalOf(() => parsePackage(Buffer.from(neither))).code).toBe('EXCHANGE_UNSUPPORTED_FORMAT');
  });

  it('enforces element, attribute, name and text limits while reading', () => {
    const base = sampleText('document-package.xml');
    const manyAttrs = base.replace('<edXML:Subject>', `<edXML:Subject ${Array.from({ length: 33 }, (_, i) => `a${i}="1"`).join(' ')}>`);
    expect(refusalOf(() => parsePackage(Buffer.from(manyAttrs))).code).toBe('EXCHANGE_XML_LIMIT_EXCEEDED');
    const longText = base.replace('<edXML:Content>', `<edXML:Content>${'x'.repeat(1024 * 1024 + 1)}`);
    expect(refusalOf(() => parsePackage(Buffer.from(longText))).code).toBe('EXCHANGE_XML_LIMIT_EXCEEDED');
    const longName = base.replace('<edXML:Content>', `<${'n'.repeat(300)}/><edXML:Content>`);
    expect(refusalOf(() => parsePackage(Buffer.from(longName))).code).toBe('EXCHANGE_XML_LIMIT_EXCEEDED');
    const many = base.replace('<edXML:Content>', `${'<e/>'.repeat(1000)}<edXML:Content>`);
    expect(refusalOf(() => parsePackage(Buffer.from(many), { ...DEFAULT_LIMITS, maxElements: 500 })).code).toBe('EXCHANGE_XML_LIMIT_EXCEEDED');
  });
});

describe('robustness', () => {
  it('random corruption of the samples gives a result or an ExchangeRefusal, never another error', () => {
    const files = ['document-package.xml', 'document-package-zip.xml', 'status-03-registered.xml', 'revoke-package.xml'].map((f) => sample(f));
    const chars = Buffer.from('<>&/="\' \n\r]![-?:;#xA0PK');
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 600; i++) {
      let b = Buffer.from(files[i % files.length]!);
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
        const pos = Math.floor(rnd() * b.length);
        const op = rnd();
        if (op < 0.4) b[pos] = chars[Math.floor(rnd() * chars.length)]!;
        else if (op < 0.7) b = Buffer.concat([b.subarray(0, pos), b.subarray(pos + 1 + Math.floor(rnd() * 20))]);
        else b = Buffer.concat([b.subarray(0, pos), Buffer.from([chars[Math.floor(rnd() * chars.length)]!]), b.subarray(pos)]);
      }
      try {
        const p = parsePackage(b);
        verifyParsedXml(p.xml);
        if (p.kind === 'document') decodeAttachments(p);
      } catch (e) {
        expect(e, `iteration ${i}`).toBeInstanceOf(ExchangeRefusal);
      }
    }
  });
});
