import { describe, expect, it } from 'vitest';
import { COPY_KINDS, DOCUMENT_TYPES, documentTypeByCode, documentTypeByNumber, isCopyKind } from './document-types.ts';

// domain.md §5.1, transcribed row by row: [#, name, abbreviation].
const SPEC: [number, string, string | null][] = [
  [1, 'Nghị quyết', 'NQ'], [2, 'Quyết định', 'QĐ'], [3, 'Chỉ thị', 'CT'], [4, 'Quy chế', 'QC'],
  [5, 'Quy định', 'QyĐ'], [6, 'Thông cáo', 'TC'], [7, 'Thông báo', 'TB'], [8, 'Hướng dẫn', 'HD'],
  [9, 'Chương trình', 'CTr'], [10, 'Kế hoạch', 'KH'], [11, 'Phương án', 'PA'], [12, 'Đề án', 'ĐA'],
  [13, 'Dự án', 'DA'], [14, 'Báo cáo', 'BC'], [15, 'Biên bản', 'BB'], [16, 'Tờ trình', 'TTr'],
  [17, 'Hợp đồng', 'HĐ'], [18, 'Công văn', null], [19, 'Công điện', 'CĐ'], [20, 'Bản ghi nhớ', 'BGN'],
  [21, 'Bản thỏa thuận', 'BTT'], [22, 'Giấy ủy quyền', 'GUQ'], [23, 'Giấy mời', 'GM'], [24, 'Giấy giới thiệu', 'GGT'],
  [25, 'Giấy nghỉ phép', 'GNP'], [26, 'Phiếu gửi', 'PG'], [27, 'Phiếu chuyển', 'PC'], [28, 'Phiếu báo', 'PB'],
  [29, 'Thư công', null],
];

describe('document types (Decree 30 Art. 7)', () => {
  it('has the 29 administrative types in the order of Art. 7', () => {
    expect(DOCUMENT_TYPES.map((t) => t.number)).toEqual(SPEC.map(([n]) => n));
  });

  it.each(SPEC)('#%i %s is abbreviated %s exactly, mixed case kept', (number, name, abbreviation) => {
    const type = documentTypeByNumber(number)!;
    expect(type.name).toBe(name);
    expect(type.abbreviation).toBe(abbreviation);
    expect(documentTypeByCode(type.code)).toBe(type);
  });

  it('has no "CV": công văn and thư công carry no abbreviation', () => {
    expect(DOCUMENT_TYPES.filter((t) => t.abbreviation === null).map((t) => t.name)).toEqual(['Công văn', 'Thư công']);
    expect(DOCUMENT_TYPES.some((t) => (t.abbreviation as string | null) === 'CV')).toBe(false);
  });

  it('keeps names and abbreviations in NFC, codes unique', () => {
    for (const t of DOCUMENT_TYPES) {
      expect(t.name).toBe(t.name.normalize('NFC'));
      if (t.abbreviation) expect(t.abbreviation).toBe(t.abbreviation.normalize('NFC'));
    }
    expect(new Set(DOCUMENT_TYPES.map((t) => t.code)).size).toBe(29);
  });

  it('lists the copy kinds SY, TrS, SL', () => {
    expect(COPY_KINDS.map((k) => k.code)).toEqual(['SY', 'TrS', 'SL']);
    expect(isCopyKind('TrS')).toBe(true);
    expect(isCopyKind('TRS')).toBe(false);
  });
});
