import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Transaction } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * The demo province: Bạc Liêu as organised 2019–2024 (copied from shared/data with its README's
 * caveats). No real identifier code is confirmed, so every code here is generated in the strict
 * QCVN 102 form under the inferred province code and stored with is_sample = true.
 */
const CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bac-lieu-agencies.csv');
const PROVINCE_CODE_SUFFIX = 'H04';
const CODES_FROM = '2019-01-01';

interface Row {
  level: 'province' | 'provincial-agency' | 'district' | 'district-office' | 'commune';
  name: string;
  short_name: string;
  parent_name: string;
  identifier_code: string;
  code_confirmed: string;
  source_note: string;
}

export function readDemoAgencyRows(): Row[] {
  return parse(readFileSync(CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
}

/**
 * Period of existence from the source note ("existed 01/2019-03/2023"); the README gives the days
 * (the 2023 split on 15/03). Agencies that existed throughout have no known start: `from` is null
 * and their codes open with the period the file covers. An end in 02/2025 lies after that period,
 * so those agencies stay open.
 */
export function periodOf(note: string): { from: string | null; to: string | null } {
  const m = /existed (\d{2})\/(\d{4})-(\d{2})\/(\d{4})/.exec(note);
  if (!m) return { from: null, to: null };
  const from = m[1] === '03' && m[2] === '2023' ? '2023-03-15' : `${m[2]}-${m[1]}-01`;
  const to = m[3] === '03' && m[4] === '2023' ? '2023-03-15' : m[3] === '02' && m[4] === '2025' ? null : `${m[4]}-${m[3]}-01`;
  return { from, to };
}

const LEVEL = { province: 'province', 'provincial-agency': 'provincial_agency', district: 'district', 'district-office': 'district_office', commune: 'commune' } as const;

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Place name used in document dates (địa danh, Decree 30 App. I): the province for provincial
 * bodies, the district's proper name for a district and its office, the commune's for a commune.
 */
export function placeNameOf(row: Pick<Row, 'level' | 'name' | 'parent_name'>): string {
  const district = (name: string) => name.replace(/^Ủy ban nhân dân (huyện|thị xã|thành phố) /, '');
  if (row.level === 'district') return district(row.name);
  if (row.level === 'district-office') return district(row.parent_name);
  if (row.level === 'commune') return row.name.replace(/^Ủy ban nhân dân (xã |thị trấn |phường )?/, '').replace(/ \(.*\)$/, '');
  return 'Bạc Liêu';
}

/** Sample notation abbreviation: initials of the name without the province ("Sở Nội vụ" → SNV). */
export function sampleAbbreviation(row: Row): string {
  if (row.level === 'province' || row.level === 'district' || row.level === 'commune') return 'UBND';
  if (row.level === 'district-office') return 'VP';
  const words = row.name.replace(/ tỉnh Bạc Liêu$/, '').replace(/,/g, '').split(/\s+/).filter((w) => !['và', '-', 'các'].includes(w));
  return fold(words.map((w) => w[0] ?? '').join('')).toUpperCase();
}

/** Inserts every agency with its sample code; returns ids by name. Runs inside the caller's transaction. */
export async function seedDemoAgencies(trx: Transaction<DB>): Promise<Map<string, string>> {
  const rows = readDemoAgencyRows();
  const ids = new Map<string, string>();
  const codes = new Map<string, string>();
  let level2 = 0;
  const level3ByParent = new Map<string, number>();
  for (const row of rows) {
    const parentId = row.parent_name ? ids.get(row.parent_name) : null;
    if (parentId === undefined) throw new Error(`seed: parent "${row.parent_name}" of "${row.name}" comes later or is missing`);
    let code: string;
    if (row.level === 'province') code = row.identifier_code || `000.00.00.${PROVINCE_CODE_SUFFIX}`;
    else if (row.level === 'provincial-agency' || row.level === 'district') code = `000.00.${String(++level2).padStart(2, '0')}.${PROVINCE_CODE_SUFFIX}`;
    else {
      const parentCode = codes.get(row.parent_name)!;
      const n = (level3ByParent.get(row.parent_name) ?? 0) + 1;
      level3ByParent.set(row.parent_name, n);
      code = `000.${String(n).padStart(2, '0')}.${parentCode.slice(7)}`;
    }
    const period = periodOf(row.source_note);
    const inserted = await trx
      .insertInto('agencies')
      .values({
        name: row.name,
        short_name: row.short_name,
        abbreviation: sampleAbbreviation(row),
        level: LEVEL[row.level],
        parent_id: parentId,
        served_by_id: null,
        place_name: placeNameOf(row),
        address: null,
        contact_email: null,
        existed_from: period.from,
        existed_to: period.to,
        active: period.to === null,
        note: `Dữ liệu mẫu. Nguồn: ${row.source_note}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(row.name, inserted.id);
    codes.set(row.name, code);
    await trx
      .insertInto('agency_codes')
      .values({ agency_id: inserted.id, code, valid_from: period.from ?? CODES_FROM, valid_to: period.to, is_sample: row.code_confirmed !== 'yes', source: row.identifier_code ? 'Mã suy luận từ thứ tự mã các tỉnh (chưa xác nhận)' : 'Mã mẫu do lienthong sinh (chưa xác nhận)' })
      .execute();
    const focal = focalUnitName(row);
    if (focal) await trx.insertInto('units').values({ agency_id: inserted.id, name: focal, abbreviation: 'VT', is_focal_point: true }).execute();
  }
  // The offices serve their committees (domain.md §3).
  const province = rows.find((r) => r.level === 'province')!;
  await trx.updateTable('agencies').set({ served_by_id: ids.get('Văn phòng Ủy ban nhân dân tỉnh Bạc Liêu')! }).where('id', '=', ids.get(province.name)!).execute();
  for (const office of rows.filter((r) => r.level === 'district-office')) {
    await trx.updateTable('agencies').set({ served_by_id: ids.get(office.name)! }).where('id', '=', ids.get(office.parent_name)!).execute();
  }
  return ids;
}

/**
 * The unit that sends and receives (domain.md §3). The provincial and district committees have
 * none of their own: their offices serve them, so their focal point is the office's.
 */
export function focalUnitName(row: Pick<Row, 'level' | 'name'>): string | null {
  if (row.level === 'province' || row.level === 'district') return null;
  if (row.level === 'provincial-agency' && row.name.startsWith('Sở')) return 'Văn phòng';
  if (row.level === 'district-office' || row.name.startsWith('Văn phòng')) return 'Bộ phận Văn thư';
  return 'Bộ phận hành chính';
}
