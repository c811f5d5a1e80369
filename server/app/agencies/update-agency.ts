import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { AgencyFields, AgencyRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertFields, assertNameFree, assertNoCycle, requireParent } from './agency-checks.ts';
import { assertDirectoryManage } from './directory-access.ts';
import { blankToNull, parseLevel } from './directory-rules.ts';

export interface UpdateAgencyInput {
  name?: string;
  shortName?: string;
  level?: string;
  abbreviation?: string | null;
  parentId?: string | null;
  servedById?: string | null;
  placeName?: string | null;
  address?: string | null;
  contactEmail?: string | null;
  existedFrom?: string | null;
  existedTo?: string | null;
  note?: string | null;
  /** false deactivates (history, codes and documents stay readable); true reactivates. */
  active?: boolean;
}

const NULLABLE = ['abbreviation', 'placeName', 'address', 'contactEmail', 'existedFrom', 'existedTo', 'note'] as const;

/**
 * Edits an agency (directory.manage). Codes change through assign-agency-code, never here, so
 * that every code keeps its period. Deactivation is this use case with `active: false`.
 */
export async function updateAgency(tx: TxPorts, actor: Actor | null, id: string, input: UpdateAgencyInput): Promise<AgencyRecord> {
  assertDirectoryManage(actor);
  const agency = await tx.agencies.findById(id);
  if (!agency) throw notFound('Cơ quan');

  const next: Partial<AgencyFields> = {};
  if (input.name !== undefined) next.name = input.name.trim();
  if (input.shortName !== undefined) next.shortName = input.shortName.trim();
  for (const key of NULLABLE) if (input[key] !== undefined) next[key] = blankToNull(input[key]);
  assertFields({
    ...(next.name !== undefined && { name: next.name }),
    ...(next.shortName !== undefined && { shortName: next.shortName }),
    abbreviation: next.abbreviation ?? null,
    contactEmail: next.contactEmail ?? null,
    existedFrom: next.existedFrom === undefined ? agency.existedFrom : next.existedFrom,
    existedTo: next.existedTo === undefined ? agency.existedTo : next.existedTo,
  });
  if (input.level !== undefined) {
    const level = parseLevel(input.level);
    if (!level) throw new AppError(ErrorCode.VALIDATION_FAILED, `Cấp cơ quan "${input.level}" không hợp lệ`, { field: 'level' });
    next.level = level;
  }
  if (input.parentId !== undefined) {
    const parentId = blankToNull(input.parentId);
    if (parentId) {
      await requireParent(tx, parentId);
      await assertNoCycle(tx, id, parentId);
    }
    next.parentId = parentId;
  }
  if ((next.level ?? agency.level) !== 'province' && (next.parentId === undefined ? agency.parentId : next.parentId) === null) {
    throw new AppError(ErrorCode.DIRECTORY_PARENT_MISSING, 'Cơ quan không phải UBND cấp tỉnh phải có cơ quan cấp trên', { field: 'parentId' });
  }
  if (input.servedById !== undefined) {
    const servedById = blankToNull(input.servedById);
    if (servedById) await requireParent(tx, servedById, 'servedById');
    next.servedById = servedById;
  }
  if (next.name !== undefined && next.name.toLowerCase() !== agency.name.toLowerCase()) await assertNameFree(tx, next.name, id);
  if (input.active !== undefined) next.active = input.active;

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(next) as [keyof AgencyFields, unknown][]) {
    if (key !== 'active' && agency[key] !== value) changes[key] = { from: agency[key], to: value };
  }
  const activeChanged = next.active !== undefined && next.active !== agency.active;
  if (Object.keys(changes).length === 0 && !activeChanged) return agency;

  await tx.agencies.update(id, next);
  const who = { actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: id, subjectType: 'agency', subjectId: id };
  if (Object.keys(changes).length > 0) await tx.audit.record({ ...who, type: 'agency.updated', data: { changes } });
  if (activeChanged) await tx.audit.record({ ...who, type: next.active ? 'agency.reactivated' : 'agency.deactivated', data: { name: next.name ?? agency.name } });
  return (await tx.agencies.findById(id))!;
}
