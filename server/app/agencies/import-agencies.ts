import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { AgencyCodeRecord } from '../ports/agencies.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts, UnitOfWork } from '../ports/unit-of-work.ts';
import { assignAgencyCode } from './assign-agency-code.ts';
import { createAgency } from './create-agency.ts';
import { createUnit } from './create-unit.ts';
import { assertDirectoryManage } from './directory-access.ts';
import { vietnamDate } from './directory-rules.ts';
import { planImport, type ImportProblem, type ImportRow } from './import-plan.ts';
import { updateAgency, type UpdateAgencyInput } from './update-agency.ts';
import { updateUnit } from './update-unit.ts';

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** True when only checked (dryRun): nothing was stored. */
  dryRun: boolean;
}

export type { ImportProblem };

/**
 * Imports the directory from CSV, all or nothing (directory.manage). Every row is checked first;
 * any bad row fails the whole import with DIRECTORY_IMPORT_INVALID and a per-row report in
 * `details.problems`, and nothing is stored. Rows whose name is already in the directory update
 * that agency; a changed code closes the old one (history kept). Runs inside the caller's
 * transaction, so a failure part-way also stores nothing. Callers wanting `dryRun` use runImport.
 */
export async function importAgencies(
  tx: TxPorts,
  deps: { clock: Clock },
  actor: Actor | null,
  csv: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportSummary> {
  assertDirectoryManage(actor);
  const today = vietnamDate(deps.clock.now());
  const directory = await tx.agencies.listAll();
  const codeUses = new Map<string, AgencyCodeRecord[]>();
  // A first read learns which codes the file and its matched agencies mention; the second checks
  // them against every period those codes were held.
  const first = planImport(csv, directory, new Map(), today);
  const codes = new Set<string>();
  for (const r of first.rows) {
    if (r.code) codes.add(r.code);
    if (r.existing?.code) codes.add(r.existing.code);
  }
  for (const code of codes) codeUses.set(code, await tx.agencies.codeUses(code));
  const { rows, problems } = planImport(csv, directory, codeUses, today);
  if (problems.length > 0) {
    const bad = new Set(problems.map((p) => p.row)).size;
    throw new AppError(ErrorCode.DIRECTORY_IMPORT_INVALID, `Tệp CSV có ${problems.length} lỗi ở ${bad} dòng; chưa nhập dữ liệu nào.`, { problems });
  }
  const summary: ImportSummary = { rows: rows.length, created: 0, updated: 0, unchanged: 0, dryRun: options.dryRun ?? false };

  const ids = new Map(directory.map((a) => [a.name.toLowerCase(), a.id]));
  for (const r of parentsFirst(rows)) {
    const parentId = r.parentName ? ids.get(r.parentName.toLowerCase())! : null;
    if (!r.existing) {
      const created = await createAgency(tx, deps, actor, {
        name: r.name, shortName: r.shortName, level: r.level, parentId, abbreviation: r.abbreviation, placeName: r.placeName,
        address: r.address, contactEmail: r.contactEmail, existedFrom: r.existedFrom, note: r.note, code: r.code,
        codeIsSample: r.codeIsSample, focalUnitName: r.focalUnit, ...(r.codeValidFrom && { codeValidFrom: r.codeValidFrom }),
      });
      ids.set(r.name.toLowerCase(), created.id);
      summary.created++;
    } else {
      const changed = await applyUpdate(tx, deps, actor, r, parentId, today);
      if (changed) summary.updated++;
      else summary.unchanged++;
    }
  }
  // Second pass: serving agencies may come later in the file (the office serves its own parent),
  // and closed agencies are closed once everything exists.
  for (const r of rows) {
    const id = ids.get(r.name.toLowerCase())!;
    const patch: UpdateAgencyInput = {};
    if (r.present.has('served_by_name')) patch.servedById = r.servedByName ? ids.get(r.servedByName.toLowerCase())! : null;
    if (!r.existing) {
      if (r.existedTo) patch.existedTo = r.existedTo;
      if (!r.active) patch.active = false;
    }
    if (Object.keys(patch).length > 0) await updateAgency(tx, actor, id, patch);
  }
  await tx.audit.record({
    type: 'agency.imported',
    actorUserId: actor?.userId ?? null,
    actorAgencyId: actor?.agencyId ?? null,
    agencyId: null,
    subjectType: 'directory',
    subjectId: 'import',
    data: { rows: summary.rows, created: summary.created, updated: summary.updated, unchanged: summary.unchanged, by: actor ? 'user' : 'cli' },
  });
  // A dry run applies everything, so its counts are exact, then undoes it by failing the transaction.
  if (options.dryRun) throw new DryRunRollback(summary);
  return summary;
}

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run: rolled back');
  }
}

/** Runs an import in its own transaction; a dry run comes back with its counts and nothing stored. */
export async function runImport(uow: UnitOfWork, deps: { clock: Clock }, actor: Actor | null, csv: string, options: { dryRun?: boolean } = {}): Promise<ImportSummary> {
  try {
    return await uow.run((tx) => importAgencies(tx, deps, actor, csv, options));
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

/** Updates a matched agency from its row: the columns present, its code, its focal point. */
async function applyUpdate(tx: TxPorts, deps: { clock: Clock }, actor: Actor | null, r: ImportRow, parentId: string | null, today: string): Promise<boolean> {
  const a = r.existing!;
  const patch: UpdateAgencyInput = { name: r.name, shortName: r.shortName, level: r.level, parentId };
  const optional = { abbreviation: r.abbreviation, placeName: r.placeName, address: r.address, contactEmail: r.contactEmail, existedFrom: r.existedFrom, existedTo: r.existedTo, note: r.note };
  const columnOf = { abbreviation: 'abbreviation', placeName: 'place_name', address: 'address', contactEmail: 'contact_email', existedFrom: 'existed_from', existedTo: 'existed_to', note: 'note' } as const;
  for (const key of Object.keys(optional) as (keyof typeof optional)[]) if (r.present.has(columnOf[key])) patch[key] = optional[key];
  if (r.present.has('active')) patch.active = r.active;
  const before = JSON.stringify(a);
  const after = await updateAgency(tx, actor, a.id, patch);
  let changed = JSON.stringify(after) !== before;
  if (r.code && r.code !== a.code) {
    await assignAgencyCode(tx, deps, actor, a.id, { code: r.code, validFrom: r.codeValidFrom ?? today, isSample: r.codeIsSample });
    changed = true;
  }
  if (r.focalUnit) {
    const units = await tx.agencies.listUnits(a.id);
    const named = units.find((u) => u.name.toLowerCase() === r.focalUnit!.toLowerCase());
    if (!named) {
      await createUnit(tx, actor, a.id, { name: r.focalUnit, isFocalPoint: true });
      changed = true;
    } else if (!named.isFocalPoint) {
      await updateUnit(tx, actor, named.id, { isFocalPoint: true, active: true });
      changed = true;
    }
  }
  return changed;
}

/** Rows in an order where each parent named in the file comes before its children (cycles were refused). */
function parentsFirst(rows: ImportRow[]): ImportRow[] {
  const inFile = new Set(rows.map((r) => r.name.toLowerCase()));
  const done = new Set<string>();
  const out: ImportRow[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: ImportRow[] = [];
    for (const r of pending) {
      const p = r.parentName?.toLowerCase();
      if (!p || !inFile.has(p) || done.has(p)) {
        out.push(r);
        done.add(r.name.toLowerCase());
      } else next.push(r);
    }
    if (next.length === pending.length) throw new Error('import: parent cycle survived validation');
    pending = next;
  }
  return out;
}
