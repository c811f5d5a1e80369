import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { draftPackage, refusalOf } from '../testing/samples.ts';
import { decodeAttachments } from './attachments.ts';
import { buildDocumentPackage, type BuildDocumentInput } from './build-document.ts';
import { EDXML_NS } from './constants.ts';
import { parsePackage, type ParsedDocumentPackage } from './parse-package.ts';
import { readZipEntries } from './zip-read.ts';

const build = (over: Partial<BuildDocumentInput> = {}, encoding?: 'zip' | 'base64') => buildDocumentPackage(draftPackage(over), encoding ? { encoding } : {});
const text = (over: Partial<BuildDocumentInput> = {}) => build(over).bytes.toString('utf8');

function elements(root: Element): Element[] {
  const out: Element[] = [];
  const pending = [root];
  while (pending.length) {
    const el = pending.pop()!;
    out.push(el);
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) pending.push(c as Element);
  }
  return out;
}

/** The input that would rebuild a parsed package: the header without DocumentId, attachments decoded. */
export function rebuildInput(p: ParsedDocumentPackage): BuildDocumentInput {
  const { DocumentId: _id, ...header } = p.package.MessageHeader;
  return {
    packageId: p.package.TraceHeaderList.id!,
    MessageHeader: header,
    TraceHeader: p.package.TraceHeaderList.TraceHeader,
    Bussiness: p.package.TraceHeaderList.Bussiness!,
    attachments: decodeAttachments(p).map((a) => ({
      ContentId: a.ContentId,
      AttachmentName: a.AttachmentName!,
      ContentType: a.ContentType!,
      ...(a.Description ? { Description: a.Description } : {}),
      bytes: a.bytes,
    })),
  };
}

describe('building document packages', () => {
  it('C1: UTF-8, root edXML in the edXML namespace, literal edXML: prefix on every element inside the envelope', () => {
    const bytes = build().bytes;
    expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
    const xml = bytes.toString('utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">')).toBe(true);
    const envelope = xml.slice(xml.indexOf('<edXML:edXMLEnvelope'), xml.indexOf('</edXML:edXMLEnvelope>'));
    expect(envelope).toContain(`<edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">`);
    const tags = [...envelope.matchAll(/<\/?([^\s>/!?]+)/g)].map((m) => m[1]!);
    expect(tags.length).toBeGreaterThan(50);
    expect(tags.filter((t) => !t.startsWith('edXML:'))).toEqual([]);
  });

  it('C2: AttachmentEncoded, Attachment and its children unprefixed, except a self-declaring edXML:ContentTransferEncoded', () => {
    const xml = text();
    const tail = xml.slice(xml.indexOf('</edXML:edXMLEnvelope>'));
    const tags = [...tail.matchAll(/<([^\s>/!?]+)/g)].map((m) => m[1]!);
    expect(tags).toEqual(['AttachmentEncoded', 'Attachment', 'ContentId', 'AttachmentName', 'Description', 'ContentType', 'edXML:ContentTransferEncoded']);
    expect(tail).toContain(`<edXML:ContentTransferEncoded xmlns:edXML="${EDXML_NS}">`);
  });

  it('C3: the standard spellings are emitted exactly; no Business element', () => {
    const xml = text({ MessageHeader: { ...draftPackage().MessageHeader, From: { ...draftPackage().MessageHeader.From, OrganAdd: 'Số 1' } } });
    for (const name of ['Bussiness', 'BussinessDocType', 'BussinessDocReason', 'TyperNotation', 'OrganAdd']) expect(xml).toContain(`<edXML:${name}>`);
    const update = text({ Bussiness: { BussinessDocType: '2', DocumentId: '000.00.12.H99,2025/03/04,125/SXD-QLXD', BussinessDocumentInfo: { DocumentInfo: '1', DocumentReceiver: '0' } } });
    expect(update).toContain('<edXML:BussinessDocumentInfo>');
    expect(xml + update).not.toMatch(/<\/?(edXML:)?Business[\s>]/);
  });

  it('C4: dates yyyy/MM/dd and timestamps yyyy/MM/dd HH:mm:ss; other forms are refused on emission', () => {
    const xml = text();
    for (const m of xml.matchAll(/<edXML:(PromulgationDate|DueDate)>([^<]*)</g)) expect(m[2]).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    for (const m of xml.matchAll(/<edXML:Timestamp>([^<]*)</g)) expect(m[1]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    const d = draftPackage();
    expect(refusalOf(() => build({ MessageHeader: { ...d.MessageHeader, PromulgationInfo: { PromulgationDate: '2025-03-04' } } })).origin).toBe('local');
    expect(refusalOf(() => build({ TraceHeader: [{ OrganId: '000.00.12.H99', Timestamp: '2025-03-04T09:15:00Z' }] })).code).toBe('EXCHANGE_INVALID_FIELD');
  });

  it('C5: MessageHeader children in §2.2 order with one To per receiving organ', () => {
    const d = draftPackage();
    const xml = text({ MessageHeader: { ...d.MessageHeader, ResponseFor: [{ OrganId: '000.00.00.H99', Code: '1/UBND-VP', PromulgationDate: '2025/02/01', DocumentId: '000.00.00.H99,2025/02/01,1/UBND-VP' }] } });
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const mh = doc.getElementsByTagNameNS(EDXML_NS, 'MessageHeader')[0]!;
    const names: string[] = [];
    for (let c = mh.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) names.push((c as Element).localName!);
    expect(names).toEqual(['From', 'To', 'To', 'Code', 'PromulgationInfo', 'DocumentType', 'Subject', 'Content', 'SignerInfo', 'DueDate', 'ToPlaces', 'OtherInfo', 'ResponseFor', 'SteeringType', 'DocumentId']);
    const from = doc.getElementsByTagNameNS(EDXML_NS, 'From')[0]!;
    const organ: string[] = [];
    for (let c = from.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) organ.push((c as Element).localName!);
    expect(organ).toEqual(['OrganId', 'OrganizationInCharge', 'OrganName', 'OrganAdd']);
  });

  it('C6: the emitted DocumentId is From/OrganId,PromulgationDate,CodeNumber/CodeNotation, also in Bussiness for a revocation', () => {
    const built = build();
    expect(built.documentId).toBe('000.00.12.H99,2025/03/04,125/SXD-QLXD');
    expect(built.bytes.toString()).toContain('<edXML:DocumentId>000.00.12.H99,2025/03/04,125/SXD-QLXD</edXML:DocumentId>');
    const revoke = build({ Bussiness: { BussinessDocType: '1', DocumentId: built.documentId }, attachments: [] });
    const ids = [...revoke.bytes.toString().matchAll(/<edXML:DocumentId>([^<]*)</g)].map((m) => m[1]);
    expect(ids).toEqual([built.documentId, built.documentId]);
  });

  it('C7: a fresh lowercase UUID per package; the same input rebuilds the same bytes', () => {
    const a = buildDocumentPackage({ ...draftPackage(), packageId: undefined! });
    const b = buildDocumentPackage({ ...draftPackage(), packageId: undefined! });
    expect(a.packageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.packageId).not.toBe(b.packageId);
    expect(a.bytes.toString()).toContain(`<edXML:TraceHeaderList id="${a.packageId}">`);
    expect(build().bytes.equals(build().bytes)).toBe(true);
    expect(refusalOf(() => build({ packageId: 'D6B6BAC7-342D-4130-B717-6D81E452BF77' })).code).toBe('EXCHANGE_INVALID_FIELD');
  });

  it('C8: Priority only 0–3; TypeName never empty; Type is the Decree 30 ordinal or 0', () => {
    const d = draftPackage();
    const withType = (TypeName: string) => text({ MessageHeader: { ...d.MessageHeader, DocumentType: { Type: '99', TypeDetail: '5', TypeName } } });
    expect(withType('Công văn')).toContain('<edXML:Type>18</edXML:Type>\n          <edXML:TypeDetail>0</edXML:TypeDetail>');
    expect(withType('Thông tư')).toContain('<edXML:Type>0</edXML:Type>');
    expect(refusalOf(() => withType('  ')).field).toBe('MessageHeader/DocumentType/TypeName');
    const noType = { ...d.MessageHeader };
    delete noType.DocumentType;
    expect(refusalOf(() => build({ MessageHeader: noType })).code).toBe('EXCHANGE_INVALID_FIELD');
    const p4 = refusalOf(() => build({ MessageHeader: { ...d.MessageHeader, OtherInfo: { Priority: '4' } } }));
    expect(p4).toMatchObject({ code: 'EXCHANGE_INVALID_FIELD', field: 'MessageHeader/OtherInfo/Priority', origin: 'local' });
  });

  it('C9: ZIP (one deflated <uuid>.<ext> entry) then Base64 on one line by default, raw Base64 when asked; ContentIds match', () => {
    const xml = text();
    const b64 = /<edXML:ContentTransferEncoded[^>]*>([^<]*)</.exec(xml)![1]!;
    expect(b64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const entries = readZipEntries(Buffer.from(b64, 'base64'))!;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ name: '21e11f5a-466c-4fdf-a96a-234e3483d6e7.pdf', method: 8 });
    const ids = [...xml.matchAll(/<(?:edXML:)?ContentId>([^<]*)</g)].map((m) => m[1]);
    expect(ids).toEqual(['cid:21e11f5a-466c-4fdf-a96a-234e3483d6e7', 'cid:21e11f5a-466c-4fdf-a96a-234e3483d6e7']);
    const raw = build({}, 'base64').bytes.toString();
    const rawB64 = /<edXML:ContentTransferEncoded[^>]*>([^<]*)</.exec(raw)![1]!;
    expect(Buffer.from(rawB64, 'base64').equals(draftPackage().attachments[0]!.bytes)).toBe(true);
    expect(xml.match(/<edXML:ContentType>application\/pdf</g)).toHaveLength(1);
    expect(xml).toContain('<ContentType>application/pdf</ContentType>');
  });

  it('C12: build → parse → build is byte-identical (document, revocation, several receivers, both encodings)', () => {
    const inputs: [Partial<BuildDocumentInput>, 'zip' | 'base64'][] = [
      [{}, 'zip'],
      [{}, 'base64'],
      [{ Bussiness: { BussinessDocType: '1', BussinessDocReason: 'Thu hồi văn bản điện tử: gửi nhầm', DocumentId: '000.00.12.H99,2025/03/04,125/SXD-QLXD' }, attachments: [] }, 'zip'],
      [{ Bussiness: { BussinessDocType: '3', ReplacementInfoList: [{ DocumentId: '000.00.12.H99,2025/01/02,7/SXD-QLXD', OrganIdList: ['000.00.31.H99'] }] } }, 'zip'],
    ];
    for (const [over, encoding] of inputs) {
      const first = build(over, encoding).bytes;
      const parsed = parsePackage(first);
      if (parsed.kind !== 'document') throw new Error('document expected');
      const second = buildDocumentPackage(rebuildInput(parsed), { encoding }).bytes;
      expect(second.toString()).toBe(first.toString());
    }
  });

  it('refuses a secret-marked document on emission (origin local) and a type 0 package without attachments', () => {
    const d = draftPackage();
    const secret = refusalOf(() => build({ MessageHeader: { ...d.MessageHeader, OtherInfo: { SphereOfPromulgation: 'Tối mật' } } }));
    expect(secret).toMatchObject({ code: 'EXCHANGE_SECRET_DOCUMENT', origin: 'local' });
    expect(refusalOf(() => build({ attachments: [] })).field).toBe('edXMLBody/edXMLManifest/Reference');
    expect(refusalOf(() => build({ MessageHeader: { ...d.MessageHeader, Subject: 'x'.repeat(501) } })).field).toBe('MessageHeader/Subject');
  });

  it('round-trips every element of the model', () => {
    const parsed = parsePackage(build().bytes);
    expect(parsed.kind).toBe('document');
    if (parsed.kind !== 'document') return;
    const d = draftPackage();
    expect(parsed.package.MessageHeader).toMatchObject({ ...d.MessageHeader, DocumentType: { Type: '18', TypeDetail: '0', TypeName: 'Công văn' }, SteeringType: '0' });
    expect(elements(new DOMParser().parseFromString(build().bytes.toString(), 'text/xml').documentElement!).length).toBeGreaterThan(60);
  });
});
