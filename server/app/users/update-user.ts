import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { assertAdminRemains, assertAgencyAccount, loadManagedUser } from '../policies/users.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { UserRecord } from '../ports/users.ts';
import { toUserView, type UserView } from './get-user.ts';

export interface UpdateUserInput {
  fullName?: string;
  title?: string;
  unitId?: string | null;
  email?: string | null;
  active?: boolean;
}

type Editable = 'fullName' | 'title' | 'unitId' | 'email' | 'active';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An administrator edits a user of their agency. Deactivating ends the user's sessions. */
export async function updateUser(tx: TxPorts, actor: Actor, userId: string, input: UpdateUserInput): Promise<UserView> {
  const { user, grants } = await loadManagedUser(tx, actor, userId);
  assertAgencyAccount(grants);
  const next: Partial<Pick<UserRecord, Editable>> = {};
  if (input.fullName !== undefined) {
    const fullName = input.fullName.trim();
    if (fullName === '') throw new AppError(ErrorCode.VALIDATION_FAILED, 'Họ và tên không được để trống.', { field: 'fullName' });
    next.fullName = fullName;
  }
  if (input.title !== undefined) next.title = input.title.trim();
  if (input.email !== undefined) {
    const email = input.email?.trim() || null;
    if (email !== null && !EMAIL.test(email)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Địa chỉ thư điện tử không hợp lệ: ${email}`, { field: 'email' });
    next.email = email;
  }
  if (input.unitId !== undefined) {
    if (input.unitId !== null) {
      const unit = await tx.agencies.findUnit(input.unitId);
      if (!unit || unit.agencyId !== user.agencyId) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Đơn vị không thuộc cơ quan của người dùng.', { field: 'unitId' });
      if (!unit.active && unit.id !== user.unitId) throw new AppError(ErrorCode.VALIDATION_FAILED, `Đơn vị "${unit.name}" đã ngừng hoạt động.`, { field: 'unitId' });
    }
    next.unitId = input.unitId;
  }
  if (input.active !== undefined) next.active = input.active;

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(next) as Editable[]) {
    if (next[key] !== user[key]) changes[key] = { from: user[key], to: next[key] };
  }
  if (Object.keys(changes).length === 0) return toUserView(user, grants);
  if (changes.active && next.active === false) {
    await assertAdminRemains(tx, user, grants);
    await tx.sessions.deleteForUser(user.id);
  }
  await tx.users.update(user.id, next);
  await tx.audit.record({
    type: 'user.updated',
    actorUserId: actor.userId,
    actorAgencyId: actor.agencyId,
    agencyId: user.agencyId,
    subjectType: 'user',
    subjectId: user.id,
    data: { changes },
  });
  return toUserView({ ...user, ...next }, grants);
}
