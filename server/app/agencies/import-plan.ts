import { parse } from 'csv-parse/sync';
import type { AgencyCodeRecord, AgencyLevel, AgencyRecord } from '../ports/agencies.ts';
import { CSV_COLUMNS, MAX_IMPORT_ROWS, REQUIRED_COLUMNS, parseFlag, type CsvColumn } from './csv-columns.ts';
import { agencyFieldProblems, blankToNull, codeParentProblem, isDate, organIdProblem, overlappingUse, parseLevel } from './directory-rules.ts';

/** One problem of an import: the spreadsheet row (header = 1), the column, and what is wrong. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportRow {
  row: number;
  /** Columns present in the file: an update leaves absent ones as they are. */
  present: ReadonlySet<CsvColumn>;
  level: AgencyLevel;
  name: string;
  shortName: string;
  parentName: string | null;
  code: string | null;
  codeValidFrom: string | null;
  codeIsSample: boolean;
  abbreviation: string | null;
  servedByName: string | null;
  placeName: string | null;
  address: string | null;
  contactEmail: string | null;
  existedFrom: string | null;
  existedTo: string | null;
  active: boolean;
  focalUnit: string | null;
  note: string | null;
  /** The agency of the same name already in the directory: the row updates it. */
  existing: AgencyRecord | undefined;
}

const FIELD_COLUMN: Record<string, CsvColumn> = {
  name: 'name', shortName: 'short_name', abbreviation: 'abbreviation', contactEmail: 'contact_email', existedFrom: 'existed_from', existedTo: 'existed_to',
};

export function readCsv(text: string): { header: string[]; records: { row: number; cells: string[] }[] } | ImportProblem {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return { row: e.lines ?? null, column: null, message: `Tệp CSV không đọc được: ${e.message}` };
  }
  const [head, ...rest] = parsed;
  if (!head) return { row: null, column: null, message: 'Tệp CSV trống' };
  return { header: head.record.map((h) => h.trim().toLowerCase()), records: rest.map((r) => ({ row: r.info.lines, cells: r.record })) };
}

/**
 * Reads and checks every row against the file and the directory before anything is stored, so
 * that the report names every bad row at once. `codeUses` holds every period of every code the
 * file or the matched agencies mention.
 */
export function planImport(
  text: string,
  directory: readonly AgencyRecord[],
  codeUses: ReadonlyMap<string, readonly AgencyCodeRecord[]>,
  today: string,
): { rows: ImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const read = readCsv(text);
  if (!('header' in read)) return { rows: [], problems: [read] };
  const missing = REQUIRED_COLUMNS.filter((c) => !read.header.includes(c));
  if (missing.length > 0) return { rows: [], problems: [{ row: 1, column: null, message: `Thiếu cột: ${missing.join(', ')} (các cột cần có: ${REQUIRED_COLUMNS.join(', ')})` }] };
  if (read.records.length === 0) return { rows: [], problems: [{ row: null, column: null, message: 'Tệp CSV không có dòng dữ liệu nào' }] };
  if (read.records.length > MAX_IMPORT_ROWS) return { rows: [], problems: [{ row: null, column: null, message: `Tệp có ${read.records.length} dòng, vượt quá ${MAX_IMPORT_ROWS} dòng cho phép` }] };
  const present = new Set(read.header.filter((h): h is CsvColumn => (CSV_COLUMNS as readonly string[]).includes(h)));
  const byName = new Map(directory.map((a) => [a.name.toLowerCase(), a]));

  const rows: ImportRow[] = [];
  const seenNames = new Map<string, number>();
  for (const { row, cells } of read.records) {
    const problem = (column: string | null, message: string) => problems.push({ row, column, message });
    if (cells.length !== read.header.length) {
      problem(null, `Dòng có ${cells.length} cột, dòng tiêu đề có ${read.header.length} cột`);
      continue;
    }
    const cell = (c: string) => (cells[read.header.indexOf(c)] ?? '').trim();
    const opt = (c: CsvColumn) => (present.has(c) ? blankToNull(cell(c)) : null);
    const name = cell('name');
    const level = parseLevel(cell('level'));
    if (!level) problem('level', cell('level') === '' ? 'Thiếu cấp cơ quan' : `Cấp cơ quan "${cell('level')}" không hợp lệ (province, provincial-agency, district, district-office, commune)`);
    const fields = { name, shortName: cell('short_name'), abbreviation: opt('abbreviation'), contactEmail: opt('contact_email'), existedFrom: opt('existed_from'), existedTo: opt('existed_to') };
    for (const p of agencyFieldProblems(fields)) problem(FIELD_COLUMN[p.field] ?? p.field, p.message);
    if (name !== '') {
      const first = seenNames.get(name.toLowerCase());
      if (first !== undefined) problem('name', `Tên cơ quan "${name}" trùng với dòng ${first}`);
      else seenNames.set(name.toLowerCase(), row);
    }
    const code = blankToNull(cell('identifier_code'));
    if (code) {
      const bad = organIdProblem(code);
      if (bad) problem('identifier_code', bad);
    }
    const codeValidFrom = opt('code_valid_from');
    if (codeValidFrom && !isDate(codeValidFrom)) problem('code_valid_from', `Ngày "${codeValidFrom}" không hợp lệ (định dạng YYYY-MM-DD)`);
    const active = parseFlag(cell('active'));
    if (active === null) problem('active', `Giá trị "${cell('active')}" không hợp lệ (true hoặc false)`);
    let codeIsSample = parseFlag(cell('code_is_sample'));
    if (codeIsSample === null) problem('code_is_sample', `Giá trị "${cell('code_is_sample')}" không hợp lệ (true hoặc false)`);
    if (codeIsSample === undefined && read.header.includes('code_confirmed')) codeIsSample = cell('code_confirmed').toLowerCase() !== 'yes';
    rows.push({
      row, present, level: level ?? 'provincial_agency', name, shortName: fields.shortName,
      parentName: blankToNull(cell('parent_name')), code, codeValidFrom, codeIsSample: codeIsSample ?? false,
      abbreviation: fields.abbreviation, servedByName: opt('served_by_name'), placeName: opt('place_name'), address: opt('address'),
      contactEmail: fields.contactEmail, existedFrom: fields.existedFrom, existedTo: fields.existedTo,
      active: active ?? (fields.existedTo ? fields.existedTo > today : true), focalUnit: opt('focal_unit'), note: opt('note'),
      existing: byName.get(name.toLowerCase()),
    });
  }
  checkRelations(rows, directory, codeUses, today, problems);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { rows, problems };
}

/** Parents, serving agencies, cycles and codes: checked against the file and the directory together. */
function checkRelations(
  rows: ImportRow[],
  directory: readonly AgencyRecord[],
  codeUses: ReadonlyMap<string, readonly AgencyCodeRecord[]>,
  today: string,
  problems: ImportProblem[],
): void {
  const fileRows = new Map(rows.map((r) => [r.name.toLowerCase(), r]));
  const dirByName = new Map(directory.map((a) => [a.name.toLowerCase(), a]));
  const dirById = new Map(directory.map((a) => [a.id, a]));
  const known = (name: string) => fileRows.has(name.toLowerCase()) || dirByName.has(name.toLowerCase());
  /** Parent name after the import: the file's word wins over the directory's. */
  const parentAfter = (name: string): string | null => {
    const r = fileRows.get(name.toLowerCase());
    if (r) return r.parentName;
    const a = dirByName.get(name.toLowerCase());
    return a?.parentId ? (dirById.get(a.parentId)?.name ?? null) : null;
  };
  const codeAfter = (name: string): string | null => {
    const r = fileRows.get(name.toLowerCase());
    return r?.code ?? r?.existing?.code ?? dirByName.get(name.toLowerCase())?.code ?? null;
  };
  const codeRows = new Map<string, number>();
  for (const r of rows) {
    const problem = (column: string, message: string) => problems.push({ row: r.row, column, message });
    if (r.parentName) {
      if (r.parentName.toLowerCase() === r.name.toLowerCase()) problem('parent_name', 'Cơ quan không thể là cấp trên của chính nó');
      else if (!known(r.parentName)) problem('parent_name', `Không có cơ quan cấp trên "${r.parentName}" trong tệp hay trong danh mục`);
      else {
        const seen = new Set([r.name.toLowerCase()]);
        for (let p: string | null = r.parentName; p; p = parentAfter(p)) {
          if (seen.has(p.toLowerCase())) {
            problem('parent_name', `Quan hệ cấp trên tạo thành vòng lặp qua "${p}"`);
            break;
          }
          seen.add(p.toLowerCase());
        }
      }
    } else if (r.level !== 'province') {
      problem('parent_name', 'Thiếu cơ quan cấp trên (chỉ UBND cấp tỉnh không có cấp trên)');
    }
    if (r.servedByName && !known(r.servedByName)) problem('served_by_name', `Không có cơ quan "${r.servedByName}" trong tệp hay trong danh mục`);
    if (!r.code || organIdProblem(r.code)) continue;
    const firstRow = codeRows.get(r.code);
    if (firstRow !== undefined) {
      problem('identifier_code', `Mã định danh ${r.code} trùng với dòng ${firstRow}`);
      continue;
    }
    codeRows.set(r.code, r.row);
    const parentCode = r.parentName && known(r.parentName) ? codeAfter(r.parentName) : null;
    const misfit = codeParentProblem(r.code, r.parentName ? { name: r.parentName, code: parentCode } : null);
    if (misfit) problem('identifier_code', misfit);
    const from = r.codeValidFrom ?? (r.existing ? today : (r.existedFrom ?? today));
    if (r.existing?.code && r.existing.code !== r.code) {
      const open = (codeUses.get(r.existing.code) ?? []).find((u) => u.agencyId === r.existing!.id && u.validTo === null);
      if (open && from <= open.validFrom) problem('code_valid_from', `Ngày hiệu lực của mã mới phải sau ngày ${open.validFrom} (ngày mã ${open.code} bắt đầu hiệu lực)`);
    }
    // Swapping codes between agencies in one file is refused too: close one code first, then import.
    const clash = overlappingUse(codeUses.get(r.code) ?? [], r.existing?.id ?? null, from);
    if (clash) {
      const until = clash.validTo ? ` đến ngày ${clash.validTo}` : '';
      problem('identifier_code', `Mã định danh ${r.code} đang thuộc cơ quan "${dirById.get(clash.agencyId)?.name ?? '?'}"${until}`);
    }
  }
}
