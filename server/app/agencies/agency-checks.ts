import { AppError, ErrorCode } from '../errors.ts';
import type { AgencyRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { agencyFieldProblems, codeParentProblem, organIdProblem, overlappingUse, type AgencyFieldInput } from './directory-rules.ts';

/** Checks shared by create-agency, update-agency and assign-agency-code; each throws the first problem. */

export function assertFields(input: AgencyFieldInput): void {
  const problems = agencyFieldProblems(input);
  if (problems.length > 0) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, problems.map((p) => p.message).join('; '), { field: problems[0]!.field, problems });
  }
}

export function assertOrganId(code: string): void {
  const problem = organIdProblem(code);
  if (problem) throw new AppError(ErrorCode.DIRECTORY_INVALID_ORGAN_ID, problem, { field: 'code', code });
}

export async function requireParent(tx: TxPorts, parentId: string, field = 'parentId'): Promise<AgencyRecord> {
  const parent = await tx.agencies.findById(parentId);
  if (!parent) throw new AppError(ErrorCode.DIRECTORY_PARENT_MISSING, 'Cơ quan cấp trên không có trong danh mục', { field });
  return parent;
}

export async function assertNameFree(tx: TxPorts, name: string, exceptId: string | null): Promise<void> {
  const other = await tx.agencies.findByName(name);
  if (other && other.id !== exceptId) {
    throw new AppError(ErrorCode.DIRECTORY_NAME_TAKEN, `Đã có cơ quan tên "${other.name}" trong danh mục`, { field: 'name' });
  }
}

/** The code is not held by another agency on `from` or after (a closed code may be reused later). */
export async function assertCodeFree(tx: TxPorts, code: string, agencyId: string | null, from: string): Promise<void> {
  const clash = overlappingUse(await tx.agencies.codeUses(code), agencyId, from);
  if (!clash) return;
  const holder = await tx.agencies.findById(clash.agencyId);
  const until = clash.validTo ? ` đến ngày ${clash.validTo}` : '';
  throw new AppError(ErrorCode.DIRECTORY_CODE_IN_USE, `Mã định danh ${code} đang thuộc cơ quan "${holder?.name ?? '?'}"${until}`, { field: 'code', code });
}

export function assertCodeFitsParent(code: string, parent: AgencyRecord | null): void {
  const problem = codeParentProblem(code, parent);
  if (problem) throw new AppError(ErrorCode.DIRECTORY_INVALID_ORGAN_ID, problem, { field: 'code', code });
}

/** Walks up from the proposed parent: an agency may not end up under itself. */
export async function assertNoCycle(tx: TxPorts, agencyId: string, parentId: string): Promise<void> {
  let current: string | null = parentId;
  for (let depth = 0; current && depth < 50; depth++) {
    if (current === agencyId) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Không thể đặt cơ quan làm cấp dưới của chính nó', { field: 'parentId' });
    current = (await tx.agencies.findById(current))?.parentId ?? null;
  }
}
