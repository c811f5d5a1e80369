import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { AgencyRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import {
  assertCodeFitsParent, assertCodeFree, assertFields, assertNameFree, assertOrganId, requireParent,
} from './agency-checks.ts';
import { assertDirectoryManage } from './directory-access.ts';
import { blankToNull, isDate, parseLevel, vietnamDate } from './directory-rules.ts';

export interface CreateAgencyInput {
  name: string;
  shortName: string;
  level: string;
  abbreviation?: string | null;
  parentId?: string | null;
  servedById?: string | null;
  placeName?: string | null;
  address?: string | null;
  contactEmail?: string | null;
  existedFrom?: string | null;
  note?: string | null;
  /** Identifier code (mã định danh); absent while the province has not issued one. */
  code?: string | null;
  codeValidFrom?: string;
  codeIsSample?: boolean;
  codeSource?: string | null;
  /** Name of the unit that sends and receives for the agency; created as its focal point. */
  focalUnitName?: string | null;
}

/** Adds an agency to the directory (directory.manage: the system operator). */
export async function createAgency(tx: TxPorts, deps: { clock: Clock }, actor: Actor | null, input: CreateAgencyInput): Promise<AgencyRecord> {
  assertDirectoryManage(actor);
  const name = input.name.trim();
  const shortName = input.shortName.trim();
  const abbreviation = blankToNull(input.abbreviation);
  const contactEmail = blankToNull(input.contactEmail);
  const existedFrom = blankToNull(input.existedFrom);
  assertFields({ name, shortName, abbreviation, contactEmail, existedFrom });
  const level = parseLevel(input.level);
  if (!level) throw new AppError(ErrorCode.VALIDATION_FAILED, `Cấp cơ quan "${input.level}" không hợp lệ`, { field: 'level' });
  const parentId = blankToNull(input.parentId);
  if (!parentId && level !== 'province') {
    throw new AppError(ErrorCode.DIRECTORY_PARENT_MISSING, 'Cơ quan không phải UBND cấp tỉnh phải có cơ quan cấp trên', { field: 'parentId' });
  }
  const parent = parentId ? await requireParent(tx, parentId) : null;
  const servedById = blankToNull(input.servedById);
  if (servedById) await requireParent(tx, servedById, 'servedById');
  await assertNameFree(tx, name, null);

  const code = blankToNull(input.code);
  const validFrom = input.codeValidFrom ?? existedFrom ?? vietnamDate(deps.clock.now());
  if (code) {
    assertOrganId(code);
    if (!isDate(validFrom)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày "${validFrom}" không hợp lệ (định dạng YYYY-MM-DD)`, { field: 'codeValidFrom' });
    assertCodeFitsParent(code, parent);
    await assertCodeFree(tx, code, null, validFrom);
  }

  const agency = await tx.agencies.create({
    name, shortName, abbreviation, level, parentId, servedById,
    placeName: blankToNull(input.placeName),
    address: blankToNull(input.address),
    contactEmail,
    existedFrom,
    existedTo: null,
    active: true,
    note: blankToNull(input.note),
  });
  const who = { actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: agency.id, subjectType: 'agency', subjectId: agency.id };
  await tx.audit.record({ ...who, type: 'agency.created', data: { name, level, parentId, by: actor ? 'user' : 'cli' } });
  if (code) {
    const isSample = input.codeIsSample ?? false;
    await tx.agencies.openCode(agency.id, { code, validFrom, isSample, source: blankToNull(input.codeSource) });
    await tx.audit.record({ ...who, type: 'agency.code_assigned', data: { code, validFrom, isSample } });
  }
  const focal = blankToNull(input.focalUnitName);
  if (focal) {
    const unit = await tx.agencies.createUnit({ agencyId: agency.id, parentId: null, name: focal, abbreviation: null, isFocalPoint: true, active: true });
    await tx.audit.record({ ...who, type: 'unit.created', subjectType: 'unit', subjectId: unit.id, data: { name: focal, isFocalPoint: true } });
  }
  return (await tx.agencies.findById(agency.id))!;
}
