import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { StatusPackage } from '../../../domain/exchange/package.ts';
import { refusalOf } from '../testing/samples.ts';
import { buildStatusPackage } from './build-status.ts';
import { EDXML_NS } from './constants.ts';
import { parsePackage } from './parse-package.ts';

const registered: Omit<StatusPackage, 'kind'> = {
  From: { OrganId: '000.00.31.H99', OrganName: 'UBND huyện Ví Dụ' },
  ResponseFor: { OrganId: '000.00.12.H99', Code: '125/SXD-QLXD', PromulgationDate: '2025/03/04', DocumentId: '000.00.12.H99,2025/03/04,125/SXD-QLXD' },
  StaffInfo: { Department: 'Văn thư', Staff: 'Lê Văn Lệ' },
  StatusCode: '03',
  Description: 'Đã vào sổ, số đến 457',
  Timestamp: '2025/03/04 14:20:05',
};

describe('building status packages', () => {
  it('C11: only From, ResponseFor, StaffInfo, StatusCode, Description, Timestamp; addressed by ResponseFor/OrganId', () => {
    const xml = buildStatusPackage(registered).toString();
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const header = doc.getElementsByTagNameNS(EDXML_NS, 'edXMLHeader')[0]!;
    const headerKids: string[] = [];
    for (let c = header.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) headerKids.push((c as Element).localName!);
    expect(headerKids).toEqual(['MessageHeader']);
    const mh = header.getElementsByTagNameNS(EDXML_NS, 'MessageHeader')[0]!;
    const names: string[] = [];
    for (let c = mh.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) names.push((c as Element).localName!);
    expect(names).toEqual(['From', 'ResponseFor', 'StaffInfo', 'StatusCode', 'Description', 'Timestamp']);
    expect(xml).toContain('<edXML:StatusCode>03</edXML:StatusCode>');
    expect(xml).not.toMatch(/TraceHeaderList|edXMLBody|AttachmentEncoded/);
    const parsed = parsePackage(Buffer.from(xml));
    expect(parsed.kind === 'status' && parsed.package.ResponseFor.OrganId).toBe('000.00.12.H99');
    // a 13 (recall) is sent by the issuer and addressed to the receiving organ
    const recall = buildStatusPackage({ ...registered, From: { OrganId: '000.00.12.H99' }, ResponseFor: { ...registered.ResponseFor, OrganId: '000.00.31.H99' }, StatusCode: '13', Description: 'Lấy lại để sửa' });
    const p = parsePackage(recall);
    expect(p.kind === 'status' && p.package.ResponseFor.OrganId).toBe('000.00.31.H99');
    expect(buildStatusPackage(registered).equals(buildStatusPackage(registered))).toBe(true);
  });

  it('C51: 02 and 16 cannot be emitted without a non-empty Description', () => {
    for (const StatusCode of ['02', '16'] as const) {
      const { Description: _d, ...rest } = registered;
      expect(refusalOf(() => buildStatusPackage({ ...rest, StatusCode })).field).toBe('MessageHeader/Description');
      expect(refusalOf(() => buildStatusPackage({ ...registered, StatusCode, Description: '  ' })).origin).toBe('local');
    }
  });

  it('C52: a transition not in §3.3 fails with EXCHANGE_STATUS_TRANSITION_INVALID and emits nothing', () => {
    const r = refusalOf(() => buildStatusPackage({ ...registered, StatusCode: '06' }, { currentState: { handling: '01' } }));
    expect(r).toMatchObject({ code: 'EXCHANGE_STATUS_TRANSITION_INVALID', origin: 'local' });
    expect(buildStatusPackage(registered, { currentState: { handling: '01' } }).length).toBeGreaterThan(0);
  });

  it('refuses codes outside the set on emission', () => {
    expect(refusalOf(() => buildStatusPackage({ ...registered, StatusCode: '07' as never })).code).toBe('EXCHANGE_INVALID_FIELD');
    expect(refusalOf(() => buildStatusPackage({ ...registered, StatusCode: '3' as never })).code).toBe('EXCHANGE_INVALID_FIELD');
  });
});

describe('status packages round-trip', () => {
  it('C12 (status): build → parse → build is byte-identical', () => {
    const first = buildStatusPackage(registered);
    const parsed = parsePackage(first);
    if (parsed.kind !== 'status') throw new Error('status expected');
    const { kind: _kind, ...again } = parsed.package;
    expect(buildStatusPackage(again).equals(first)).toBe(true);
  });
});
