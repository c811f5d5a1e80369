/**
 * Delegations (domain.md §4.3, permission `delegation.manage`): a leader or deputy records "absent
 * from–to, X acts for me"; the agency administrator may record one for any absent leader or deputy
 * of the agency. The delegate must be a leader or deputy of the same agency (someone who may direct).
 * One principal has at most one delegation at a time (intervals may not overlap). Cancelling keeps
 * the record; a running delegation stops at once.
 */
import type { Role } from '../../domain/access/roles.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { DelegationRecord } from '../ports/delegations.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { vnDateTime } from './acting-for.ts';

const WHAT = 'Ủy quyền';
const DIRECTING: readonly Role[] = ['leader', 'deputy_leader'];
const MAX_DAYS = 366;

function rolesHere(actor: Actor, agencyId: string): Role[] {
  const roles = agencyId === actor.agencyId ? actor.roles : actor.servedRoles[agencyId] ?? [];
  if (!can(roles, 'delegation.manage')) throw notFound('Cơ quan');
  return roles;
}

const isAdmin = (roles: readonly Role[]) => roles.includes('agency_admin');
const invalid = (message: string, field: string) => new AppError(ErrorCode.VALIDATION_FAILED, message, { field });

async function directsIn(tx: TxPorts, userId: string, agencyId: string): Promise<boolean> {
  const user = await tx.users.findById(userId);
  if (!user || !user.active) return false;
  return (await tx.users.roles(userId)).some((g) => g.agencyId === agencyId && DIRECTING.includes(g.role));
}

/** The agency administrator and the leader see every delegation of the agency; others those naming them. */
export async function findDelegations(tx: TxPorts, actor: Actor, agencyId: string): Promise<DelegationRecord[]> {
  const roles = rolesHere(actor, agencyId);
  const all = isAdmin(roles) || roles.includes('leader');
  return tx.delegations.list(agencyId, all ? {} : { userId: actor.userId });
}

export interface NewDelegationInput {
  agencyId: string;
  /** Absent person; default the caller. Only the agency administrator names someone else. */
  principalUserId?: string;
  delegateUserId: string;
  startsAt: string;
  endsAt: string;
  reason?: string;
}

export async function createDelegation(tx: TxPorts, deps: { clock: { now(): Date } }, actor: Actor, input: NewDelegationInput): Promise<DelegationRecord> {
  const roles = rolesHere(actor, input.agencyId);
  const principalUserId = input.principalUserId ?? actor.userId;
  if (principalUserId !== actor.userId && !isAdmin(roles)) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ quản trị cơ quan được ghi ủy quyền cho người khác vắng mặt.');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (Number.isNaN(startsAt.getTime())) throw invalid('Thời điểm bắt đầu vắng mặt không hợp lệ.', 'startsAt');
  if (Number.isNaN(endsAt.getTime())) throw invalid('Thời điểm kết thúc vắng mặt không hợp lệ.', 'endsAt');
  if (endsAt <= startsAt) throw invalid('Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'endsAt');
  if (endsAt <= deps.clock.now()) throw invalid('Thời gian vắng mặt đã qua.', 'endsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_DAYS * 86_400_000) throw invalid('Một lần ủy quyền không quá một năm.', 'endsAt');
  if (!(await directsIn(tx, principalUserId, input.agencyId))) throw invalid('Người vắng mặt phải là lãnh đạo hoặc cấp phó của cơ quan.', 'principalUserId');
  if (input.delegateUserId === principalUserId) throw invalid('Không thể ủy quyền cho chính mình.', 'delegateUserId');
  if (!(await directsIn(tx, input.delegateUserId, input.agencyId))) throw invalid('Người được ủy quyền phải là lãnh đạo hoặc cấp phó đang làm việc tại cơ quan.', 'delegateUserId');
  const reason = (input.reason ?? '').trim();
  if (reason.length > 500) throw invalid('Lý do tối đa 500 ký tự.', 'reason');
  const clash = await tx.delegations.listOverlapping(principalUserId, startsAt, endsAt);
  if (clash[0]) {
    throw new AppError(ErrorCode.CONFLICT, `Đã có ủy quyền cho ${clash[0].delegateName} từ ${vnDateTime(clash[0].startsAt)} đến ${vnDateTime(clash[0].endsAt)}; hủy ủy quyền đó trước.`);
  }
  const d = await tx.delegations.insert({ agencyId: input.agencyId, principalUserId, delegateUserId: input.delegateUserId, startsAt, endsAt, reason, createdBy: actor.userId });
  await tx.audit.record({
    type: 'delegation.created', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: d.agencyId, subjectType: 'delegation', subjectId: d.id,
    data: { principalUserId, delegateUserId: d.delegateUserId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
  });
  return d;
}

/** The principal, whoever recorded it, or the agency administrator cancels; other agencies' ids are not found. */
export async function cancelDelegation(tx: TxPorts, deps: { clock: { now(): Date } }, actor: Actor, id: string): Promise<DelegationRecord> {
  const d = await tx.delegations.findById(id);
  if (!d) throw notFound(WHAT);
  const roles = agencyRoles(actor, d.agencyId);
  const mine = d.principalUserId === actor.userId || d.createdBy === actor.userId;
  if (!mine && !(isAdmin(roles) || d.delegateUserId === actor.userId)) throw notFound(WHAT);
  if (!mine && !isAdmin(roles)) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ người vắng mặt hoặc quản trị cơ quan được hủy ủy quyền.');
  if (d.cancelledAt) throw new AppError(ErrorCode.CONFLICT, 'Ủy quyền này đã được hủy.');
  const now = deps.clock.now();
  if (d.endsAt <= now) throw new AppError(ErrorCode.CONFLICT, 'Ủy quyền này đã hết hạn.');
  await tx.delegations.cancel(d.id, actor.userId, now);
  await tx.audit.record({
    type: 'delegation.cancelled', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: d.agencyId, subjectType: 'delegation', subjectId: d.id,
    data: { principalUserId: d.principalUserId, delegateUserId: d.delegateUserId, running: d.startsAt <= now },
  });
  return { ...d, cancelledAt: now };
}

function agencyRoles(actor: Actor, agencyId: string): Role[] {
  const roles = agencyId === actor.agencyId ? actor.roles : actor.servedRoles[agencyId] ?? [];
  if (roles.length === 0) throw notFound(WHAT);
  return roles;
}
