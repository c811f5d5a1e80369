import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportAgencies, UTF8_BOM } from '../../../app/agencies/export-agencies.ts';
import { findAgencies, MAX_PAGE_SIZE } from '../../../app/agencies/find-agencies.ts';
import { runImport, type ImportProblem } from '../../../app/agencies/import-agencies.ts';
import { AppError, ErrorCode } from '../../../app/errors.ts';
import type { AgencyRecord } from '../../../app/ports/agencies.ts';
import { composeDeps } from '../../compose.ts';
import { withDatabase } from '../context.ts';

/** The directory at the command line; the machine's operator acts as the system operator (actor null). */
export function register(program: Command): void {
  const agency = program.command('agency').description('Agency directory: list, search, CSV import and export');
  agency
    .command('list')
    .description('List agencies with their open identifier codes (× marks an inactive agency)')
    .option('--json', 'print JSON')
    .option('--search <words>', 'accent-insensitive search in names and short names ("so noi vu")')
    .action(async (opts: { json?: boolean; search?: string }) => {
      const rows = await withDatabase(async (database, config) => {
        const deps = composeDeps(config, database);
        const all: AgencyRecord[] = [];
        for (let page = 1; ; page++) {
          const found = await deps.uow.run((tx) => findAgencies(tx, null, { ...(opts.search && { q: opts.search }), page, pageSize: MAX_PAGE_SIZE }));
          all.push(...found.items);
          if (all.length >= found.total || found.items.length === 0) break;
        }
        return all;
      });
      if (opts.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      for (const a of rows) console.log(`${(a.code ?? '(không mã)').padEnd(15)} ${a.active ? ' ' : '×'} ${a.name}`);
      console.log(`${rows.length} cơ quan.`);
    });

  agency
    .command('import')
    .description('Import agencies from a CSV file, all or nothing: any bad row prints a per-row report, stores nothing and exits 1')
    .argument('<file>', 'CSV file, UTF-8 (with or without BOM), header row first; see `agency export` for the columns')
    .option('--dry-run', 'check the file only, store nothing')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const csv = await readFile(file, 'utf8');
      await withDatabase(async (database, config) => {
        const deps = composeDeps(config, database);
        try {
          const s = await runImport(deps.uow, { clock: deps.clock }, null, csv, { dryRun: opts.dryRun ?? false });
          const verb = s.dryRun ? 'Kiểm tra xong (chưa lưu)' : 'Đã nhập';
          console.log(`${verb}: ${s.rows} dòng — thêm mới ${s.created}, cập nhật ${s.updated}, không đổi ${s.unchanged}.`);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== ErrorCode.DIRECTORY_IMPORT_INVALID) throw error;
          console.error(error.message);
          for (const p of (error.details?.problems ?? []) as ImportProblem[]) console.error(`  ${formatProblem(p)}`);
          process.exitCode = 1;
        }
      });
    });

  agency
    .command('export')
    .description('Export the whole directory as CSV (to FILE with a UTF-8 BOM for spreadsheets, or to standard output without)')
    .argument('[file]', 'where to write; standard output when absent')
    .action(async (file: string | undefined) => {
      const csv = await withDatabase(async (database, config) => composeDeps(config, database).uow.run((tx) => exportAgencies(tx, null)));
      if (file) {
        await writeFile(file, csv, 'utf8');
        console.error(`Đã ghi ${csv.split('\r\n').length - 2} cơ quan vào ${file}.`);
      } else {
        process.stdout.write(csv.startsWith(UTF8_BOM) ? csv.slice(1) : csv);
      }
    });
}

export function formatProblem(p: ImportProblem): string {
  const where = [p.row !== null && `Dòng ${p.row}`, p.column && `cột ${p.column}`].filter(Boolean).join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}
