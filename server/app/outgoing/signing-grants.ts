import { isLocalDate } from '../../domain/calendar/vietnam-time.ts';
import { documentTypeByCode } from '../../domain/document/document-types.ts';
import type { Actor } from '../actor.ts';
import { rolesIn } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { Clock } from '../ports/clock.ts';
import type { SigningGrantRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

/**
 * Signing capacities the agency grants (domain.md §5.3, Decree 30 Art. 13), kept by the agency
 * administrator: "Q." (acting head) for a leader or deputy, "TL." (by order) and "TUQ." (written
 * authorisation, with its reference and validity) for a head of unit, each for some document types
 * or all, optionally from/until a date. "TM." and "KT." follow from the roles (the head, a deputy) and
 * are not granted. Revoking keeps the row (revoked_at). Signing checks them (draft-input.ts).
 */
export type GrantableCapacity = 'Q.' | 'TL.' | 'TUQ.';
export const GRANTABLE: readonly GrantableCapacity[] = ['Q.', 'TL.', 'TUQ.'];

export interface GrantInput {
  userId: string;
  capacity: string;
  typeCodes: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
  reference: string | null;
}

export interface GrantView extends SigningGrantRecord {
  userName: string;
  userTitle: string;
}

function assertAdmin(actor: Actor, agencyId: string): void {
  const roles = rolesIn(actor, agencyId);
  if (roles.length === 0) throw notFound('Cơ quan');
  if (!can(roles, 'agency.configure')) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ quản trị cơ quan giao thẩm quyền ký.');
}

const invalid = (field: string, message: string) => new AppError(ErrorCode.VALIDATION_FAILED, message, { field });

/** The agency's grants in force (not revoked), newest first, with the grantee's name and title. */
export async function findSigningGrants(tx: TxPorts, actor: Actor, agencyId: string): Promise<GrantView[]> {
  assertAdmin(actor, agencyId);
  const grants = await tx.outgoing.listSigningGrants(agencyId);
  const out: GrantView[] = [];
  for (const g of grants) {
    const u = await tx.users.findById(g.userId);
    out.push({ ...g, userName: u?.fullName ?? '', userTitle: u?.title ?? '' });
  }
  return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export async function grantSigningCapacity(tx: TxPorts, deps: { clock: Clock }, actor: Actor, agencyId: string, input: GrantInput): Promise<SigningGrantRecord> {
  assertAdmin(actor, agencyId);
  const capacity = input.capacity as GrantableCapacity;
  if (input.capacity === 'TM.' || input.capacity === 'KT.') {
    throw invalid('capacity', `"${input.capacity}" không cần giao: người đứng đầu ký "TM.", cấp phó ký "KT." theo vai trò của họ.`);
  }
  if (!GRANTABLE.includes(capacity)) throw invalid('capacity', 'Thẩm quyền ký phải là "Q.", "TL." hoặc "TUQ.".');
  const user = await tx.users.findById(input.userId);
  const roles = user?.active ? (await tx.users.roles(user.id)).filter((g) => g.agencyId === agencyId).map((g) => g.role) : [];
  if (roles.length === 0) throw invalid('userId', 'Người được giao phải là cán bộ đang làm việc tại cơ quan.');
  if (capacity === 'Q.' && !roles.some((r) => r === 'leader' || r === 'deputy_leader')) {
    throw invalid('userId', `Chỉ giao "Q." (quyền người đứng đầu) cho lãnh đạo hoặc cấp phó; ${user!.fullName} không phải.`);
  }
  if (capacity !== 'Q.' && !roles.some((r) => r === 'head_of_unit' || r === 'deputy_leader' || r === 'leader')) {
    throw invalid('userId', `Chỉ giao "${capacity}" cho lãnh đạo đơn vị; ${user!.fullName} không giữ vai trò lãnh đạo đơn vị.`);
  }
  const typeCodes = input.typeCodes && input.typeCodes.length > 0 ? [...new Set(input.typeCodes)] : null;
  for (const code of typeCodes ?? []) if (!documentTypeByCode(code)) throw invalid('typeCodes', `Loại văn bản "${code}" không có trong danh mục.`);
  for (const [field, value] of [['validFrom', input.validFrom], ['validUntil', input.validUntil]] as const) {
    if (value !== null && !isLocalDate(value)) throw invalid(field, 'Ngày không hợp lệ (YYYY-MM-DD).');
  }
  if (input.validFrom && input.validUntil && input.validFrom > input.validUntil) throw invalid('validUntil', 'Ngày hết hiệu lực phải từ ngày bắt đầu trở đi.');
  const reference = input.reference?.trim() || null;
  if (capacity === 'TUQ.' && (!input.validFrom || !input.validUntil || !reference)) {
    throw invalid('reference', 'Ủy quyền "TUQ." cần số giấy ủy quyền và thời hạn (từ ngày, đến ngày).');
  }
  const grant = await tx.outgoing.addSigningGrant({
    agencyId, userId: user!.id, capacity, typeCodes, validFrom: input.validFrom, validUntil: input.validUntil, reference, grantedBy: actor.userId, createdAt: deps.clock.now(),
  });
  await tx.audit.record({
    type: 'outgoing.signing_grant_set', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId, subjectType: 'user', subjectId: user!.id,
    data: { action: 'granted', grantId: grant.id, capacity, typeCodes, validFrom: input.validFrom, validUntil: input.validUntil, reference },
  });
  return grant;
}

/** Withdraws a grant from now on; documents already signed under it stay as they are. */
export async function revokeSigningGrant(tx: TxPorts, deps: { clock: Clock }, actor: Actor, id: string): Promise<SigningGrantRecord> {
  const grant = await tx.outgoing.findSigningGrant(id);
  if (!grant || rolesIn(actor, grant.agencyId).length === 0) throw notFound('Thẩm quyền ký');
  assertAdmin(actor, grant.agencyId);
  if (grant.revokedAt) throw new AppError(ErrorCode.CONFLICT, 'Thẩm quyền ký này đã được thu hồi.');
  const now = deps.clock.now();
  await tx.outgoing.revokeSigningGrant(id, now);
  await tx.audit.record({
    type: 'outgoing.signing_grant_set', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: grant.agencyId, subjectType: 'user', subjectId: grant.userId,
    data: { action: 'revoked', grantId: grant.id, capacity: grant.capacity },
  });
  return { ...grant, revokedAt: now };
}
