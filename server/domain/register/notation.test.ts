import { describe, expect, it } from 'vitest';
import { documentTypeByCode, DOCUMENT_TYPES } from '../document/document-types.ts';
import { formatNotation, NotationError, parsePattern, patternsMayCollide } from './notation.ts';
import { formatNumber, numberLine } from './numbering.ts';

const type = (code: string) => documentTypeByCode(code)!;

/** The table of §6.1, each case formatted from a register pattern and the abbreviations. */
describe('number and notation, domain.md §6.1 table', () => {
  const print = (n: number, pattern: string, parts: Parameters<typeof formatNotation>[1]) => numberLine(formatNumber(n), formatNotation(pattern, parts));

  it('decision of a People’s Committee: Số: 15/QĐ-UBND', () => {
    expect(print(15, '{type}-{agency}', { type: type('decision'), agency: 'UBND' })).toBe('Số: 15/QĐ-UBND');
  });

  it('công văn of Sở Xây dựng drafted by its Office: Số: 125/SXD-VP, under the default pattern too', () => {
    expect(print(125, '{agency}-{unit}', { type: type('official_letter'), agency: 'SXD', unit: 'VP' })).toBe('Số: 125/SXD-VP');
    expect(print(125, '{type}-{agency}', { type: type('official_letter'), agency: 'SXD', unit: 'VP' })).toBe('Số: 125/SXD-VP');
  });

  it('công văn of a People’s Committee in the culture and society area: Số: 12/UBND-VX', () => {
    expect(print(12, '{type}-{agency}', { type: type('official_letter'), agency: 'UBND', unit: 'VX' })).toBe('Số: 12/UBND-VX');
  });

  it('submission of the Department of Finance: Số: 07/TTr-STC, lower case kept', () => {
    expect(print(7, '{type}-{agency}', { type: type('submission'), agency: 'STC' })).toBe('Số: 07/TTr-STC');
  });

  it('a paper copy, one series for all copy kinds: Số: 03/SY', () => {
    expect(print(3, '{copy}', { copyKind: 'SY' })).toBe('Số: 03/SY');
    expect(formatNotation('{copy}', { copyKind: 'TrS' })).toBe('TrS');
  });

  it('legal normative decision: Số: 15/2019/QĐ-UBND, CodeNotation 2019/QĐ-UBND', () => {
    expect(formatNotation('{year}/{type}-{agency}', { type: type('decision'), agency: 'UBND', year: 2019 })).toBe('2019/QĐ-UBND');
    expect(print(15, '{year}/{type}-{agency}', { type: type('decision'), agency: 'UBND', year: 2019 })).toBe('Số: 15/2019/QĐ-UBND');
  });

  it.each(DOCUMENT_TYPES.filter((t) => t.abbreviation !== null).map((t) => [t.name, t.abbreviation!, t.code] as const))(
    '%s is notated %s-SNV',
    (_name, abbreviation, code) => {
      expect(formatNotation('{type}-{agency}', { type: type(code), agency: 'SNV' })).toBe(`${abbreviation}-SNV`);
    },
  );

  it('a fixed group in the pattern is printed as written', () => {
    expect(formatNotation('{type}-{agency}-HĐND', { type: type('resolution'), agency: 'TT' })).toBe('NQ-TT-HĐND');
  });
});

describe('notation errors', () => {
  it('a công văn needs the unit or subject-area abbreviation', () => {
    expect(() => formatNotation('{type}-{agency}', { type: type('official_letter'), agency: 'SNV' })).toThrow(NotationError);
    expect(() => formatNotation('{type}-{agency}', { type: type('official_letter'), agency: 'SNV' })).toThrow('đơn vị soạn thảo');
  });

  it('an agency without an abbreviation cannot be numbered', () => {
    expect(() => formatNotation('{type}-{agency}', { type: type('decision'), agency: null })).toThrow('chữ viết tắt tên cơ quan');
  });

  it('agency and unit abbreviations must be upper case', () => {
    expect(() => formatNotation('{type}-{agency}', { type: type('decision'), agency: 'Snv' })).toThrow('in hoa');
  });

  it('a notation over 30 characters is refused', () => {
    expect(() => formatNotation('{type}-{agency}', { type: type('decision'), agency: 'A'.repeat(30) })).toThrow('tối đa 30');
  });

  it('patterns: unknown fields, spaces, lower-case literals and repeats are refused', () => {
    expect(() => parsePattern('{type}-{organ}')).toThrow('{organ}');
    expect(() => parsePattern('{type} - {agency}')).toThrow(NotationError);
    expect(() => parsePattern('{type}-ubnd')).toThrow('in hoa');
    expect(() => parsePattern('{agency}-{agency}')).toThrow('lặp lại');
    expect(parsePattern('{year}/{type}-{agency}')).toMatchObject({ yearPrefix: true, groups: [{ placeholder: 'type' }, { placeholder: 'agency' }] });
  });
});

describe('patterns that may print the same notation (§6.2.2)', () => {
  it('same shape collides; different group counts or different literals do not', () => {
    expect(patternsMayCollide('{type}-{agency}', '{type}-{agency}')).toBe(true);
    expect(patternsMayCollide('{type}-{agency}', '{agency}-{unit}')).toBe(true);
    expect(patternsMayCollide('{type}-{agency}', '{type}-{agency}-{unit}')).toBe(false);
    expect(patternsMayCollide('{type}-{agency}-HĐ', '{type}-{agency}-BQL')).toBe(false);
    expect(patternsMayCollide('{year}/{type}-{agency}', '{type}-{agency}')).toBe(false);
  });
});
