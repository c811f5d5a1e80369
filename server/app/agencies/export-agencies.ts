import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../actor.ts';
import type { AgencyRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { CSV_COLUMNS, type CsvColumn } from './csv-columns.ts';
import { assertDirectoryExport } from './directory-access.ts';
import { AGENCY_LEVELS, levelForCsv } from './directory-rules.ts';

/**
 * Leads the export so that spreadsheet programs that guess the encoding (Excel on Windows, common
 * in agencies) read Vietnamese diacritics as UTF-8; import strips it again.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * The whole directory as CSV in the import layout, open codes only (closed ones stay in the
 * history, not in the file). Importing the result into an empty database gives the same directory.
 */
export async function exportAgencies(tx: TxPorts, actor: Actor | null): Promise<string> {
  assertDirectoryExport(actor);
  const agencies = await tx.agencies.listAll();
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const nameOf = (id: string | null) => (id ? (byId.get(id)?.name ?? '') : '');
  const rank = (a: AgencyRecord) => AGENCY_LEVELS.indexOf(a.level);
  const sorted = [...agencies].sort((a, b) => rank(a) - rank(b) || nameOf(a.parentId).localeCompare(nameOf(b.parentId), 'vi') || a.name.localeCompare(b.name, 'vi'));
  const rows: string[][] = [];
  for (const a of sorted) {
    const focal = (await tx.agencies.listUnits(a.id)).find((u) => u.isFocalPoint);
    const code = a.code ? (await tx.agencies.codeHistory(a.id)).find((c) => c.validTo === null) : undefined;
    const values: Record<CsvColumn, string> = {
      level: levelForCsv(a.level),
      name: a.name,
      short_name: a.shortName,
      parent_name: nameOf(a.parentId),
      identifier_code: a.code ?? '',
      code_valid_from: code?.validFrom ?? '',
      code_is_sample: code ? String(code.isSample) : '',
      abbreviation: a.abbreviation ?? '',
      served_by_name: nameOf(a.servedById),
      place_name: a.placeName ?? '',
      address: a.address ?? '',
      contact_email: a.contactEmail ?? '',
      existed_from: a.existedFrom ?? '',
      existed_to: a.existedTo ?? '',
      active: String(a.active),
      focal_unit: focal?.name ?? '',
      note: a.note ?? '',
    };
    rows.push(CSV_COLUMNS.map((c) => values[c]));
  }
  return UTF8_BOM + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' });
}
