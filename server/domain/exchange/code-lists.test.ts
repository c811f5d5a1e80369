import { describe, expect, it } from 'vitest';
import { documentTypeOrdinal, isBussinessDocType, readPriority } from './code-lists.ts';
import { canonicalDocumentId, sameDocumentId } from './document-id.ts';
import { isSecretSphere } from './secrecy.ts';
import { formatWireTimestamp, normalizeWireDate, normalizeWireTimestamp, wireTimestampToDate } from './wire-dates.ts';
import { needsAttachment } from './business-types.ts';

describe('code lists', () => {
  it('C19 (domain): Priority 4 is Hỏa tốc with a "hẹn giờ" note; unknown values are kept raw and flagged', () => {
    expect(readPriority('1')).toEqual({ raw: '1', level: '1', flagged: false });
    expect(readPriority('4')).toEqual({ raw: '4', level: '3', note: 'hẹn giờ', flagged: false });
    expect(readPriority('9')).toEqual({ raw: '9', level: null, flagged: true });
  });

  it('C8 (domain): Type is the Decree 30 ordinal, 0 outside the list', () => {
    expect(documentTypeOrdinal('Công văn')).toBe(18);
    expect(documentTypeOrdinal('công văn'.normalize('NFD'))).toBe(18);
    expect(documentTypeOrdinal('Thông tư')).toBe(0);
    expect(documentTypeOrdinal('Thư công')).toBe(29);
  });

  it('business types 0–3 only; 0 and 3 need attachments', () => {
    expect(['0', '1', '2', '3'].every(isBussinessDocType)).toBe(true);
    expect(isBussinessDocType('4')).toBe(false);
    expect(needsAttachment('0') && needsAttachment('3') && !needsAttachment('1') && !needsAttachment('2')).toBe(true);
  });
});

describe('DocumentId', () => {
  it('C6 (domain): canonical form', () => {
    expect(canonicalDocumentId('000.00.12.H99', '2025/03/04', '125', 'SXD-QLXD')).toBe('000.00.12.H99,2025/03/04,125/SXD-QLXD');
  });
  it('C18 (domain): ids differing only in Unicode normalisation compare equal', () => {
    const nfc = '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT';
    expect(sameDocumentId(nfc, ` ${nfc.normalize('NFD')} `)).toBe(true);
    expect(sameDocumentId(nfc, nfc.replace('7816', '7817'))).toBe(false);
  });
});

describe('secrecy', () => {
  it('detects secrecy levels in SphereOfPromulgation only', () => {
    for (const s of ['Mật', ' tối mật ', 'TUYỆT MẬT', 'Độ mật: Mật', 'mật'.normalize('NFD')]) expect(isSecretSphere(s), s).toBe(true);
    for (const s of ['Công khai', 'Lưu hành nội bộ', undefined, 'Bí mật nhà nước là chủ đề']) expect(isSecretSphere(s), String(s)).toBe(false);
  });
});

describe('wire dates', () => {
  it('C4 (domain): formats in Vietnam time and reads both separators', () => {
    expect(formatWireTimestamp(new Date('2025-03-04T02:15:00Z'))).toBe('2025/03/04 09:15:00');
    expect(formatWireTimestamp(new Date('2025-03-04T20:00:00Z'))).toBe('2025/03/05 03:00:00');
    expect(normalizeWireDate('2025-03-04')).toBe('2025/03/04');
    expect(normalizeWireDate('2025/02/30')).toBeNull();
    expect(normalizeWireDate('04/03/2025')).toBeNull();
    expect(normalizeWireTimestamp('2025-03-04T09:15:00')).toBe('2025/03/04 09:15:00');
    expect(wireTimestampToDate('2025/03/04 09:15:00')?.toISOString()).toBe('2025-03-04T02:15:00.000Z');
  });
});
