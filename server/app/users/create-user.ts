import { ROLE_LABELS, isRole, type Role } from '../../domain/access/roles.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { scopeOf } from '../policies/permissions.ts';
import { isAgencyRole } from '../policies/users.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { PasswordHasher, UserRecord } from '../ports/users.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';

export interface CreateUserInput {
  agencyId: string;
  unitId?: string | null;
  username: string;
  fullName: string;
  title?: string;
  email?: string | null;
  roles: string[];
  /** Absent: the account cannot log in until a password is set. */
  password?: string;
  mustChangePassword?: boolean;
  /** Demo seeding only: skips the strength rule for the documented demo passwords. */
  skipPasswordPolicy?: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/**
 * Creates a user. `actor` null means the machine's operator at the command line. An agency
 * administrator creates users of their own agency; a system operator only bootstraps an
 * agency's first administrator (domain.md §4.4, user.manage "bootstrap").
 */
export async function createUser(
  tx: TxPorts,
  deps: { hasher: PasswordHasher; clock: Clock },
  actor: Actor | null,
  input: CreateUserInput,
): Promise<UserRecord> {
  const agency = await tx.agencies.findById(input.agencyId);
  if (actor) {
    const scope = scopeOf(actor.roles, 'user.manage');
    const ownAgency = actor.agencyId === input.agencyId;
    const bootstrap = scope === 'bootstrap' && input.roles.length === 1 && input.roles[0] === 'agency_admin';
    if (!agency || !((scope === 'all' && ownAgency) || bootstrap)) throw notFound('Cơ quan');
    const foreign = input.roles.find((r) => isRole(r) && !isAgencyRole(r));
    if (foreign) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `Vai trò "${ROLE_LABELS[foreign as Role]}" chỉ do quản trị hệ thống cấp bằng dòng lệnh.`, { field: 'roles' });
    }
    if (scope === 'bootstrap' && (await tx.users.countActiveWithRole(input.agencyId, 'agency_admin')) > 0) {
      throw new AppError(ErrorCode.USER_ADMIN_EXISTS, `${agency.name} đã có quản trị viên; người dùng khác do quản trị viên của cơ quan tạo.`);
    }
  } else if (!agency) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `Không có cơ quan với mã ${input.agencyId}.`);
  }
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (3–40 ký tự).', { field: 'username' });
  }
  if (input.fullName.trim() === '') throw new AppError(ErrorCode.VALIDATION_FAILED, 'Họ và tên không được để trống.', { field: 'fullName' });
  const roles: Role[] = [];
  for (const r of input.roles) {
    if (!isRole(r)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Vai trò không hợp lệ: ${r}`, { field: 'roles' });
    roles.push(r);
  }
  if (roles.length === 0) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Người dùng cần ít nhất một vai trò.', { field: 'roles' });
  if (await tx.users.findByUsername(username)) {
    throw new AppError(ErrorCode.USER_USERNAME_TAKEN, `Tên đăng nhập "${username}" đã có người dùng.`, { field: 'username' });
  }
  if (input.password !== undefined && !input.skipPasswordPolicy) assertStrongPassword(input.password, username);
  const user = await tx.users.create({
    agencyId: input.agencyId,
    unitId: input.unitId ?? null,
    username,
    fullName: input.fullName.trim(),
    title: input.title?.trim() ?? '',
    email: input.email ?? null,
    passwordHash: input.password === undefined ? null : await deps.hasher.hash(input.password),
    mustChangePassword: input.mustChangePassword ?? false,
  });
  await tx.users.setRoles(user.id, roles.map((role) => ({ agencyId: input.agencyId, role })));
  await tx.audit.record({
    type: 'user.created',
    actorUserId: actor?.userId ?? null,
    actorAgencyId: actor?.agencyId ?? null,
    agencyId: input.agencyId,
    subjectType: 'user',
    subjectId: user.id,
    data: { username, roles, by: actor ? 'user' : 'cli' },
  });
  return user;
}
