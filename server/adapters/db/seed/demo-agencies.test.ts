import { describe, expect, it } from 'vitest';
import { isValidOrganId } from '../../../domain/exchange/organ-id.ts';
import { focalUnitName, periodOf, placeNameOf, readDemoAgencyRows } from './demo-agencies.ts';

describe('demo province seed data', () => {
  const rows = readDemoAgencyRows();

  it('holds the 101 agencies of the README: 1 province, 22 provincial agencies, 7 districts with offices, 64 communes', () => {
    const count = (level: string) => rows.filter((r) => r.level === level).length;
    expect([rows.length, count('province'), count('provincial-agency'), count('district'), count('district-office'), count('commune')]).toEqual([101, 1, 22, 7, 7, 64]);
    expect(rows.every((r) => r.code_confirmed === 'no')).toBe(true);
    expect(rows[0]!.identifier_code).toBe('000.00.00.H04');
    expect(isValidOrganId(rows[0]!.identifier_code)).toBe(true);
  });

  it('reads the periods of existence: the merged departments end on 15/03/2023, their successors start then', () => {
    expect(periodOf('existed 01/2019-03/2023')).toEqual({ from: '2019-01-01', to: '2023-03-15' });
    expect(periodOf('existed 03/2023-02/2025')).toEqual({ from: '2023-03-15', to: null });
    expect(periodOf('existed through 2024')).toEqual({ from: null, to: null });
    const merged = rows.filter((r) => periodOf(r.source_note).to !== null).map((r) => r.name);
    expect(merged).toEqual(['Sở Giáo dục, Khoa học và Công nghệ tỉnh Bạc Liêu', 'Sở Văn hóa, Thông tin, Thể thao và Du lịch tỉnh Bạc Liêu']);
  });

  it('gives place names for dates and focal units by level; committees served by an office have none of their own', () => {
    expect(placeNameOf({ level: 'district', name: 'Ủy ban nhân dân huyện Hồng Dân', parent_name: '' })).toBe('Hồng Dân');
    expect(placeNameOf({ level: 'district-office', name: 'Văn phòng …', parent_name: 'Ủy ban nhân dân thị xã Giá Rai' })).toBe('Giá Rai');
    expect(placeNameOf({ level: 'commune', name: 'Ủy ban nhân dân Phường 1 (thị xã Giá Rai)', parent_name: '' })).toBe('Phường 1');
    expect(placeNameOf({ level: 'commune', name: 'Ủy ban nhân dân xã Vĩnh Trạch', parent_name: '' })).toBe('Vĩnh Trạch');
    expect(placeNameOf({ level: 'provincial-agency', name: 'Sở Nội vụ tỉnh Bạc Liêu', parent_name: '' })).toBe('Bạc Liêu');
    expect(focalUnitName({ level: 'province', name: 'Ủy ban nhân dân tỉnh Bạc Liêu' })).toBeNull();
    expect(focalUnitName({ level: 'provincial-agency', name: 'Sở Nội vụ tỉnh Bạc Liêu' })).toBe('Văn phòng');
    expect(focalUnitName({ level: 'commune', name: 'Ủy ban nhân dân xã Vĩnh Trạch' })).toBe('Bộ phận hành chính');
  });
});
