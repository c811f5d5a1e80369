import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { businessTypeOf, type DocumentPackage } from '../../../domain/exchange/package.ts';
import { sameDocumentId } from '../../../domain/exchange/document-id.ts';
import { readPriority } from '../../../domain/exchange/code-lists.ts';
import { refusalOf, sample, sampleText } from '../testing/samples.ts';
import { decodeAttachments } from './attachments.ts';
import { parsePackage, type ParsedDocumentPackage } from './parse-package.ts';

const doc = (xml: string | Buffer): ParsedDocumentPackage => {
  const p = parsePackage(typeof xml === 'string' ? Buffer.from(xml) : xml);
  if (p.kind !== 'document') throw new Error('expected a document package');
  return p;
};

function expectSampleValues(pkg: DocumentPackage): void {
  const h = pkg.MessageHeader;
  expect(pkg.TraceHeaderList.id).toBe('d6b6bac7-342d-4130-b717-6d81e452bf77');
  expect(h.DocumentId).toBe('000.00.12.H99,2025/03/04,125/SXD-QLXD');
  expect(h.From).toMatchObject({ OrganId: '000.00.12.H99', OrganName: 'Sở Xây dựng' });
  expect(h.To).toHaveLength(1);
  expect(h.To[0]).toMatchObject({ OrganId: '000.00.31.H99', OrganName: 'UBND huyện Ví Dụ' });
  expect(h.Code).toEqual({ CodeNumber: '125', CodeNotation: 'SXD-QLXD' });
  expect(h.PromulgationInfo).toEqual({ Place: 'Minh Họa', PromulgationDate: '2025/03/04' });
  expect(h.DocumentType).toEqual({ Type: '18', TypeDetail: '0', TypeName: 'Công văn' });
  expect(h.Subject).toBe('V/v kiểm tra an toàn công trình xây dựng trước mùa mưa bão năm 2025');
  expect(h.SignerInfo).toEqual({ Competence: 'KT. GIÁM ĐỐC', Position: 'Phó Giám đốc', FullName: 'Nguyễn Văn Mẫu' });
  expect(h.DueDate).toBe('2025/03/14');
  expect(h.ToPlaces).toEqual(['Như trên', 'UBND tỉnh (để báo cáo)', 'Lưu: VT, QLXD']);
  expect(h.OtherInfo).toEqual({ Priority: '1', SphereOfPromulgation: 'Công khai', TyperNotation: 'TTH', PromulgationAmount: '3', PageAmount: '1' });
  expect(h.SteeringType).toBe('0');
  expect(pkg.TraceHeaderList.TraceHeader).toEqual([{ OrganId: '000.00.12.H99', Timestamp: '2025/03/04 09:15:00' }]);
  expect(pkg.TraceHeaderList.Bussiness).toMatchObject({ BussinessDocType: '0', BussinessDocReason: 'Văn bản điện tử mới', Paper: '0', StaffInfo: { Staff: 'Trần Thị Thử' } });
  expect(pkg.Manifest).toEqual([
    { ContentId: 'cid:21e11f5a-466c-4fdf-a96a-234e3483d6e7', ContentType: 'application/pdf', AttachmentName: '125-SXD-QLXD.pdf', Description: 'Văn bản chính' },
  ]);
}

/**
 * Reorders the children of every element (groups of same-named siblings in reverse order), leaving
 * content intact; repeated elements (To, Place) keep their relative order, which carries meaning.
 */
function shuffleSiblings(xml: string): string {
  const d = new DOMParser().parseFromString(xml, 'text/xml');
  const pending: Element[] = [d.documentElement!];
  while (pending.length) {
    const el = pending.pop()!;
    const kids: Element[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) kids.push(c as Element);
    const groups = new Map<string, Element[]>();
    for (const k of kids) groups.set(k.localName ?? '', [...(groups.get(k.localName ?? '') ?? []), k]);
    if (groups.size > 1) for (const group of [...groups.values()].reverse()) for (const k of group) el.appendChild(k);
    pending.push(...kids);
  }
  return new XMLSerializer().serializeToString(d);
}

describe('reading document packages', () => {
  it('C13: document-package.xml parses to the README values, also with sibling order shuffled', () => {
    const parsed = doc(sample('document-package.xml'));
    expectSampleValues(parsed.package);
    expect(parsed.attachments[0]).toMatchObject({ ContentId: 'cid:21e11f5a-466c-4fdf-a96a-234e3483d6e7', AttachmentName: '125-SXD-QLXD.pdf', ContentType: 'application/pdf' });
    const shuffled = shuffleSiblings(sampleText('document-package.xml'));
    expect(shuffled).not.toBe(sampleText('document-package.xml'));
    const again = doc(shuffled);
    expectSampleValues(again.package);
    expect(decodeAttachments(again)[0]!.sha256).toBe(decodeAttachments(parsed)[0]!.sha256);
  });

  it('C14: both AttachmentEncoded forms give the same attachments; unknown elements are ignored; bytes kept verbatim', () => {
    const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
    const prefixed = sampleText('document-package.xml')
      .replace('<AttachmentEncoded>', `<edXML:AttachmentEncoded xmlns:edXML="${NS}">`)
      .replace('</AttachmentEncoded>', '</edXML:AttachmentEncoded>')
      .replace(/<(\/?)(Attachment|ContentId|AttachmentName|Description|ContentType)>/g, '<$1edXML:$2>')
      .replace('<edXML:Priority>1</edXML:Priority>', '<edXML:Priority>1</edXML:Priority><edXML:Direction>1</edXML:Direction><edXML:ReplyFors><edXML:X>y</edXML:X></edXML:ReplyFors>')
      .replace('<edXML:SteeringType>', '<edXML:ApplicationType>2</edXML:ApplicationType><edXML:ResponseForTask/><edXML:SteeringType>');
    expect(prefixed).toContain('<edXML:Attachment>');
    const bytes = Buffer.from(prefixed);
    const a = doc(bytes);
    const b = doc(sample('document-package.xml'));
    expectSampleValues(a.package);
    expect(decodeAttachments(a).map((x) => x.sha256)).toEqual(decodeAttachments(b).map((x) => x.sha256));
    expect(a.package.MessageHeader.OtherInfo).not.toHaveProperty('Direction');
    expect(a.xml.source.read(0, a.xml.source.length).equals(bytes)).toBe(true);
  });

  it('C15: a document package without Bussiness is read as type 0', () => {
    const xml = sampleText('document-package.xml').replace(/<edXML:Bussiness>[\s\S]*<\/edXML:Bussiness>/, '');
    const p = doc(xml);
    expect(p.package.TraceHeaderList.Bussiness).toBeUndefined();
    expect(businessTypeOf(p.package)).toBe('0');
  });

  it('C16: a Business block or a BussinessDocType outside 0–3 is refused with EXCHANGE_INVALID_FIELD', () => {
    const business = sampleText('revoke-package.xml').replace(/(<\/?edXML:)Bussiness>/g, '$1Business>');
    const r1 = refusalOf(() => parsePackage(Buffer.from(business)));
    expect(r1.code).toBe('EXCHANGE_INVALID_FIELD');
    expect(r1.field).toContain('Business');
    const four = sampleText('revoke-package.xml').replace('<edXML:BussinessDocType>1<', '<edXML:BussinessDocType>4<');
    const r2 = refusalOf(() => parsePackage(Buffer.from(four)));
    expect(r2).toMatchObject({ code: 'EXCHANGE_INVALID_FIELD', field: 'TraceHeaderList/Bussiness/BussinessDocType', origin: 'hub' });
  });

  it('C17: an empty ResponseFor is no reply reference; extra TraceHeaders without OrganId are accepted', () => {
    const xml = sampleText('document-package.xml')
      .replace('<edXML:SteeringType>', '<edXML:ResponseFor/><edXML:SteeringType>')
      .replace(
        '</edXML:TraceHeader>',
        '</edXML:TraceHeader><edXML:TraceHeader><edXML:Timestamp>2025/03/04 09:20:00</edXML:Timestamp></edXML:TraceHeader><edXML:TraceHeader><edXML:OrganId>null</edXML:OrganId><edXML:Timestamp>2025/03/04 09:21:00</edXML:Timestamp></edXML:TraceHeader>',
      );
    const p = doc(xml);
    expect(p.package.MessageHeader.ResponseFor).toBeUndefined();
    expect(p.package.TraceHeaderList.TraceHeader).toHaveLength(3);
    expect(p.package.TraceHeaderList.TraceHeader[1]).toEqual({ Timestamp: '2025/03/04 09:20:00' });
  });

  it('C18: a bare-UUID DocumentId is kept verbatim; ids differing only in normalisation compare equal', () => {
    const uuid = '5e1f8a8e-7c1b-4d0e-9a55-3f0f0b6a7e21';
    const p = doc(sampleText('document-package.xml').replace('<edXML:DocumentId>000.00.12.H99,2025/03/04,125/SXD-QLXD<', `<edXML:DocumentId>${uuid}<`));
    expect(p.package.MessageHeader.DocumentId).toBe(uuid);
    const nfd = doc(sampleText('document-package.xml').replace('SXD-QLXD</edXML:DocumentId>', 'SXĐ-QLXD</edXML:DocumentId>'.normalize('NFD')));
    expect(sameDocumentId(nfd.package.MessageHeader.DocumentId, '000.00.12.H99,2025/03/04,125/SXĐ-QLXD')).toBe(true);
  });

  it('C19: Priority 4 reads as Hỏa tốc (hẹn giờ); an unknown Priority is kept raw, flagged and accepted', () => {
    const four = doc(sampleText('document-package.xml').replace('<edXML:Priority>1<', '<edXML:Priority>4<'));
    expect(readPriority(four.package.MessageHeader.OtherInfo!.Priority!)).toMatchObject({ level: '3', note: 'hẹn giờ' });
    expect(four.warnings.join()).toContain('hẹn giờ');
    const nine = doc(sampleText('document-package.xml').replace('<edXML:Priority>1<', '<edXML:Priority>9<'));
    expect(nine.package.MessageHeader.OtherInfo!.Priority).toBe('9');
    expect(nine.warnings.join()).toContain('Priority');
  });

  it('C21: missing required fields are refused with EXCHANGE_INVALID_FIELD naming the path', () => {
    const base = sampleText('document-package.xml');
    const cases: [string, string, string][] = [
      ['From/OrganId', base.replace('<edXML:OrganId>000.00.12.H99</edXML:OrganId>\n          <edXML:OrganizationInCharge>', '<edXML:OrganizationInCharge>'), 'MessageHeader/From/OrganId'],
      ['To', base.replace(/<edXML:To>[\s\S]*?<\/edXML:To>/, ''), 'MessageHeader/To/OrganId'],
      ['Code', base.replace(/<edXML:Code>[\s\S]*?<\/edXML:Code>/, ''), 'MessageHeader/Code'],
      ['CodeNotation', base.replace('<edXML:CodeNotation>SXD-QLXD</edXML:CodeNotation>', '<edXML:CodeNotation/>'), 'MessageHeader/Code/CodeNotation'],
      ['PromulgationDate', base.replace('<edXML:PromulgationDate>2025/03/04</edXML:PromulgationDate>', ''), 'MessageHeader/PromulgationInfo/PromulgationDate'],
      ['bad date', base.replace('<edXML:PromulgationDate>2025/03/04<', '<edXML:PromulgationDate>04/03/2025<'), 'MessageHeader/PromulgationInfo/PromulgationDate'],
      ['Subject', base.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, '<edXML:Subject>  </edXML:Subject>'), 'MessageHeader/Subject'],
      ['bad OrganId', base.replace('<edXML:OrganId>000.00.31.H99<', '<edXML:OrganId>vxp.saas.03<'), 'MessageHeader/To[1]/OrganId'],
      ['no attachment', base.replace(/<edXML:Reference>[\s\S]*<\/edXML:Reference>/, '').replace(/<AttachmentEncoded>[\s\S]*<\/AttachmentEncoded>/, ''), 'edXMLBody/edXMLManifest/Reference'],
    ];
    for (const [what, xml, field] of cases) {
      const r = refusalOf(() => parsePackage(Buffer.from(xml)));
      expect(r.code, what).toBe('EXCHANGE_INVALID_FIELD');
      expect(r.field, what).toBe(field);
      expect(r.message, what).toContain(field);
    }
  });

  it('reads any prefix bound to the edXML namespace, and flags differing attachment names (manifest wins)', () => {
    const renamed = sampleText('document-package.xml')
      .replace(/edXML:/g, 'ns0:')
      .replace(/xmlns:edXML=/g, 'xmlns:ns0=')
      .replace('<AttachmentName>125-SXD-QLXD.pdf</AttachmentName>', '<AttachmentName>khac.pdf</AttachmentName>');
    const p = doc(renamed);
    expectSampleValues(p.package);
    const [a] = decodeAttachments(p);
    expect(a!.AttachmentName).toBe('125-SXD-QLXD.pdf');
    expect(a!.warnings.join()).toContain('khac.pdf');
  });

  it('reads the revocation sample: type 1, target from Bussiness/DocumentId, empty manifest', () => {
    const p = doc(sample('revoke-package.xml'));
    expect(businessTypeOf(p.package)).toBe('1');
    expect(p.package.TraceHeaderList.Bussiness?.DocumentId).toBe('000.00.12.H99,2025/03/04,125/SXD-QLXD');
    expect(p.package.Manifest).toEqual([]);
    expect(p.attachments).toEqual([]);
  });

  it('accepts CDATA, comments and dates written yyyy-MM-dd', () => {
    const xml = sampleText('document-package.xml')
      .replace(/<edXML:Subject>([^<]*)</, '<edXML:Subject><!-- c --><![CDATA[$1]]><')
      .replace('<edXML:DueDate>2025/03/14<', '<edXML:DueDate>2025-03-14<')
      .replace(/(<edXML:ContentTransferEncoded[^>]*>)([^<]*)</, (_m, open: string, b64: string) => `${open}<![CDATA[${b64.replace(/(.{76})/g, '$1\r\n')}]]><`);
    const p = doc(xml);
    expect(p.package.MessageHeader.Subject).toBe('V/v kiểm tra an toàn công trình xây dựng trước mùa mưa bão năm 2025');
    expect(p.package.MessageHeader.DueDate).toBe('2025/03/14');
    expect(decodeAttachments(p)[0]!.size).toBe(657);
  });
});

describe('reading status packages', () => {
  it('C11 (shape): status-03-registered.xml parses, addressed through ResponseFor/OrganId', () => {
    const p = parsePackage(sample('status-03-registered.xml'));
    expect(p.kind).toBe('status');
    if (p.kind !== 'status') return;
    expect(p.package).toMatchObject({
      From: { OrganId: '000.00.31.H99' },
      ResponseFor: { OrganId: '000.00.12.H99', Code: '125/SXD-QLXD', PromulgationDate: '2025/03/04', DocumentId: '000.00.12.H99,2025/03/04,125/SXD-QLXD' },
      StatusCode: '03',
      Timestamp: '2025/03/04 14:20:05',
    });
    expect(p.package.Description).toContain('số đến 457');
  });

  it('C20: status code 3 reads as 03; 07 and 14 are refused with EXCHANGE_INVALID_FIELD', () => {
    const base = sampleText('status-03-registered.xml');
    const p = parsePackage(Buffer.from(base.replace('<edXML:StatusCode>03<', '<edXML:StatusCode>3<')));
    expect(p.kind === 'status' && p.package.StatusCode).toBe('03');
    for (const code of ['07', '14']) {
      const r = refusalOf(() => parsePackage(Buffer.from(base.replace('<edXML:StatusCode>03<', `<edXML:StatusCode>${code}<`))));
      expect(r).toMatchObject({ code: 'EXCHANGE_INVALID_FIELD', field: 'MessageHeader/StatusCode' });
    }
  });
});
