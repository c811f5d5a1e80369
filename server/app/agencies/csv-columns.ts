/**
 * The directory's CSV layout. Export writes every column in this order; import needs the first
 * five and ignores columns it does not know (so the province's own data file, with its
 * `code_confirmed` and `source_note`, imports as it is).
 */
export const CSV_COLUMNS = [
  'level', 'name', 'short_name', 'parent_name', 'identifier_code', 'code_valid_from', 'code_is_sample', 'abbreviation',
  'served_by_name', 'place_name', 'address', 'contact_email', 'existed_from', 'existed_to', 'active', 'focal_unit', 'note',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['level', 'name', 'short_name', 'parent_name', 'identifier_code'];

export const MAX_IMPORT_ROWS = 5000;

const TRUE = new Set(['true', '1', 'yes', 'y', 'x', 'có', 'co']);
const FALSE = new Set(['false', '0', 'no', 'n', 'không', 'khong']);

/** A yes/no cell: undefined when blank, null when unreadable. */
export function parseFlag(value: string | undefined): boolean | undefined | null {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
}
