import { describe, expect, it } from 'vitest';
import type { AgencyCodeRecord, AgencyRecord } from '../ports/agencies.ts';
import { planImport } from './import-plan.ts';

function agency(id: string, name: string, parentId: string | null, code: string | null): AgencyRecord {
  return {
    id, name, shortName: name, abbreviation: null, level: parentId ? 'provincial_agency' : 'province', parentId, servedById: null, placeName: null,
    address: null, contactEmail: null, existedFrom: null, existedTo: null, active: true, note: null, code, codeIsSample: true,
  };
}

const DIRECTORY = [agency('p', 'UBND tỉnh', null, '000.00.00.H04'), agency('s', 'Sở Nội vụ', 'p', '000.00.02.H04')];
const USES = new Map<string, AgencyCodeRecord[]>([
  ['000.00.02.H04', [{ id: 'c', agencyId: 's', code: '000.00.02.H04', validFrom: '2019-01-01', validTo: null, isSample: true, source: null, successorCode: null }]],
]);
const HEADER = 'level,name,short_name,parent_name,identifier_code';
const plan = (lines: string[]) => planImport([HEADER, ...lines].join('\n'), DIRECTORY, USES, '2026-03-02');

describe('planning a CSV import', () => {
  it('accepts children before their parents in the file, and matches existing names to update them', () => {
    const { rows, problems } = plan([
      'provincial-agency,Trạm B,Trạm B,Chi cục A,',
      'provincial-agency,Chi cục A,Chi cục A,Sở Nội vụ,000.01.02.H04',
      'provincial-agency,sở nội vụ,SNV,UBND tỉnh,',
    ]);
    expect(problems).toEqual([]);
    expect(rows.map((r) => Boolean(r.existing))).toEqual([false, false, true]);
  });

  it('refuses a parent cycle made by the file', () => {
    const { problems } = plan(['provincial-agency,A,A,B,', 'provincial-agency,B,B,A,']);
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, 'parent_name'], [3, 'parent_name']]);
    expect(problems[0]!.message).toContain('vòng lặp');
  });

  it('names the row of a short line, a missing header column and an unreadable file', () => {
    expect(plan(['provincial-agency,A,A']).problems[0]).toMatchObject({ row: 2, message: expect.stringContaining('3 cột') });
    expect(planImport('level,name\ncommune,X\n', DIRECTORY, USES, '2026-03-02').problems[0]!.message).toContain('short_name');
    expect(planImport('level,name\n"unclosed\n', DIRECTORY, USES, '2026-03-02').problems[0]!.message).toContain('không đọc được');
    expect(planImport(`${HEADER}\n`, DIRECTORY, USES, '2026-03-02').problems[0]!.message).toContain('không có dòng dữ liệu');
  });

  it("refuses another agency's open code and a code that does not fit the parent's", () => {
    const { problems } = plan(['provincial-agency,Chi cục A,Chi cục A,UBND tỉnh,000.00.02.H04', 'provincial-agency,Chi cục B,Chi cục B,Sở Nội vụ,000.01.09.H04']);
    expect(problems[0]).toMatchObject({ row: 2, column: 'identifier_code', message: expect.stringContaining('đang thuộc cơ quan "Sở Nội vụ"') });
    expect(problems[1]).toMatchObject({ row: 3, column: 'identifier_code', message: expect.stringContaining('000.00.09.H04') });
  });
});
