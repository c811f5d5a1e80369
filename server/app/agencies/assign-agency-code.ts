import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { AgencyCodeRecord } from '../ports/agencies.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertCodeFitsParent, assertCodeFree, assertOrganId } from './agency-checks.ts';
import { assertDirectoryManage } from './directory-access.ts';
import { blankToNull, isDate, vietnamDate } from './directory-rules.ts';

export interface AssignAgencyCodeInput {
  code: string;
  /** The day the new code takes effect and the old one closes; default today (Vietnam). */
  validFrom?: string;
  isSample?: boolean;
  /** The decision that issued the code (number and date). */
  source?: string | null;
}

/**
 * Gives an agency a new identifier code (exchange.md §6.4): the open code closes on `validFrom`
 * naming the new one as its successor, the new one opens that day. Old codes stay in the history
 * so documents issued under them still read right.
 */
export async function assignAgencyCode(
  tx: TxPorts,
  deps: { clock: Clock },
  actor: Actor | null,
  agencyId: string,
  input: AssignAgencyCodeInput,
): Promise<AgencyCodeRecord[]> {
  assertDirectoryManage(actor);
  const agency = await tx.agencies.findById(agencyId);
  if (!agency) throw notFound('Cơ quan');
  const code = input.code.trim();
  assertOrganId(code);
  const validFrom = input.validFrom ?? vietnamDate(deps.clock.now());
  if (!isDate(validFrom)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày "${validFrom}" không hợp lệ (định dạng YYYY-MM-DD)`, { field: 'validFrom' });

  const history = await tx.agencies.codeHistory(agencyId);
  const open = history.find((c) => c.validTo === null);
  if (open?.code === code) throw new AppError(ErrorCode.VALIDATION_FAILED, `Cơ quan đang dùng mã ${code}`, { field: 'code' });
  if (open && validFrom <= open.validFrom) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày hiệu lực của mã mới phải sau ngày ${open.validFrom} (ngày mã ${open.code} bắt đầu hiệu lực)`, { field: 'validFrom' });
  }
  // Periods of one agency follow each other; a new code may not reach back into a closed one.
  const lastEnd = history.map((c) => c.validTo).filter((d): d is string => d !== null).sort().at(-1);
  if (!open && lastEnd && validFrom < lastEnd) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày hiệu lực của mã mới không được trước ngày ${lastEnd} (ngày mã cũ hết hiệu lực)`, { field: 'validFrom' });
  }
  const parent = agency.parentId ? ((await tx.agencies.findById(agency.parentId)) ?? null) : null;
  assertCodeFitsParent(code, parent);
  await assertCodeFree(tx, code, agencyId, validFrom);

  const who = { actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId, subjectType: 'agency', subjectId: agencyId };
  if (open) {
    await tx.agencies.closeCode(open.id, validFrom, code);
    await tx.audit.record({ ...who, type: 'agency.code_closed', data: { code: open.code, validTo: validFrom, successor: code } });
  }
  const isSample = input.isSample ?? false;
  await tx.agencies.openCode(agencyId, { code, validFrom, isSample, source: blankToNull(input.source) });
  await tx.audit.record({ ...who, type: 'agency.code_assigned', data: { code, validFrom, isSample, previous: open?.code ?? null } });
  return tx.agencies.codeHistory(agencyId);
}
