import { describe, expect, it } from 'vitest';
import {
  agencyFieldProblems, codeParentProblem, codeQuery, fold, isDate, organIdProblem, overlappingUse, parseLevel, searchTerms, vietnamDate,
} from './directory-rules.ts';

describe('directory rules', () => {
  it('folds Vietnamese to plain lower case, đ included, whatever the Unicode form', () => {
    expect(fold('Ủy ban nhân dân huyện Đông Hải')).toBe('uy ban nhan dan huyen dong hai');
    expect(fold('Sở Nội vụ'.normalize('NFD'))).toBe('so noi vu');
  });

  it('turns a query into at most eight search words, dropping punctuation', () => {
    expect(searchTerms('  Sở  Nội-vụ! ')).toEqual(['so', 'noi', 'vu']);
    expect(searchTerms("UBND huyện Hồng Dân")).toEqual(['ubnd', 'huyen', 'hong', 'dan']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('treats dotted letter-and-digit groups as a code search, anything else as words', () => {
    expect(codeQuery(' 000.00.02.h04 ')).toBe('000.00.02.H04');
    expect(codeQuery('02.H04')).toBe('02.H04');
    expect(codeQuery('phuong 1')).toBeUndefined();
    expect(codeQuery('so noi vu')).toBeUndefined();
    expect(codeQuery('.')).toBeUndefined();
    expect(codeQuery('%.%')).toBeUndefined();
  });

  it('reads levels in both spellings and refuses others', () => {
    expect(parseLevel('provincial-agency')).toBe('provincial_agency');
    expect(parseLevel(' District_Office ')).toBe('district_office');
    expect(parseLevel('ward')).toBeUndefined();
  });

  it('explains a malformed identifier code in Vietnamese and accepts both valid forms', () => {
    expect(organIdProblem('000.00.12.H99')).toBeUndefined();
    expect(organIdProblem('001.00.20.TT2')).toBeUndefined();
    expect(organIdProblem('000.00.12.h99')).toContain('không đúng định dạng');
    expect(organIdProblem('')).toContain('trống');
    expect(organIdProblem('1.'.repeat(20) + '1')).toContain('vượt quá 35 ký tự');
  });

  it("requires a strict code to sit under its parent's code", () => {
    expect(codeParentProblem('000.01.05.H04', { name: 'UBND huyện', code: '000.00.05.H04' })).toBeUndefined();
    expect(codeParentProblem('000.01.05.H04', { name: 'UBND huyện khác', code: '000.00.06.H04' })).toContain('có mã 000.00.06.H04');
    expect(codeParentProblem('000.00.00.H04', { name: 'UBND tỉnh', code: null })).toContain('mã cấp 1');
    expect(codeParentProblem('000.01.05.H04', { name: 'chưa có mã', code: null })).toBeUndefined();
    expect(codeParentProblem('01.02.G22', { name: 'bất kỳ', code: '000.00.00.H04' })).toBeUndefined();
  });

  it('finds another agency holding a code on or after a day; a period that ended before is free', () => {
    const uses = [
      { agencyId: 'a', validFrom: '2019-01-01', validTo: '2023-03-15' },
      { agencyId: 'b', validFrom: '2019-01-01', validTo: null },
    ];
    expect(overlappingUse(uses.slice(0, 1), 'c', '2023-03-15')).toBeUndefined();
    expect(overlappingUse(uses.slice(0, 1), 'c', '2023-03-14')).toEqual(uses[0]);
    expect(overlappingUse(uses, 'b', '2030-01-01')).toBeUndefined();
    expect(overlappingUse(uses, 'a', '2030-01-01')).toEqual(uses[1]);
  });

  it('checks names, e-mail, abbreviation and dates with messages naming the value', () => {
    expect(agencyFieldProblems({ name: 'Sở Nội vụ', shortName: 'SNV', abbreviation: 'SNV', contactEmail: 'snv@baclieu.gov.vn' })).toEqual([]);
    const problems = agencyFieldProblems({ name: ' ', shortName: '', abbreviation: 'S NV', contactEmail: 'snv@', existedFrom: '2023-02-30' });
    expect(problems.map((p) => p.field)).toEqual(['name', 'shortName', 'abbreviation', 'contactEmail', 'existedFrom']);
    expect(problems[3]!.message).toContain('"snv@"');
    expect(agencyFieldProblems({ existedFrom: '2023-03-15', existedTo: '2019-01-01' })[0]!.field).toBe('existedTo');
  });

  it('dates: real calendar days only, and "today" is the Vietnamese day', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(vietnamDate(new Date('2026-06-30T17:30:00Z'))).toBe('2026-07-01');
    expect(vietnamDate(new Date('2026-06-30T16:59:00Z'))).toBe('2026-06-30');
  });
});
