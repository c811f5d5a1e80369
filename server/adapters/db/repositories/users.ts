import { sql, type Kysely, type Selectable } from 'kysely';
import type { NewUser, RoleGrant, SessionRecord, SessionRepository, UserRecord, UserRepository, UserSearch } from '../../../app/ports/users.ts';
import type { Role } from '../../../domain/access/roles.ts';
import type { DB, UsersTable } from '../schema.ts';

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    agencyId: row.agency_id,
    unitId: row.unit_id,
    username: row.username,
    fullName: row.full_name,
    title: row.title,
    email: row.email,
    passwordHash: row.password_hash,
    active: row.active,
    mustChangePassword: row.must_change_password,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
  };
}

export class PgUserRepository implements UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findById(id: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .executeTakeFirst();
    return row && toUser(row);
  }

  async listByAgency(agencyId: string): Promise<UserRecord[]> {
    const rows = await this.db.selectFrom('users').selectAll().where('agency_id', '=', agencyId).orderBy('full_name').execute();
    return rows.map(toUser);
  }

  async create(user: NewUser): Promise<UserRecord> {
    const row = await this.db
      .insertInto('users')
      .values({
        agency_id: user.agencyId,
        unit_id: user.unitId,
        username: user.username,
        full_name: user.fullName,
        title: user.title,
        email: user.email,
        password_hash: user.passwordHash,
        must_change_password: user.mustChangePassword,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async update(id: string, patch: Partial<Pick<UserRecord, 'fullName' | 'title' | 'email' | 'unitId' | 'active'>>): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        ...(patch.fullName !== undefined && { full_name: patch.fullName }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.email !== undefined && { email: patch.email }),
        ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
        ...(patch.active !== undefined && { active: patch.active }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  }

  async setLoginState(id: string, state: { failedLogins: number; lockedUntil: Date | null }): Promise<void> {
    await this.db.updateTable('users').set({ failed_logins: state.failedLogins, locked_until: state.lockedUntil }).where('id', '=', id).execute();
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean, at: Date): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: mustChange, password_changed_at: at, failed_logins: 0, locked_until: null, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async roles(userId: string): Promise<RoleGrant[]> {
    const rows = await this.db.selectFrom('user_roles').select(['agency_id', 'role']).where('user_id', '=', userId).orderBy('role').execute();
    return rows.map((r) => ({ agencyId: r.agency_id, role: r.role as Role }));
  }

  async setRoles(userId: string, grants: RoleGrant[]): Promise<void> {
    await this.db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (grants.length > 0) {
      await this.db
        .insertInto('user_roles')
        .values(grants.map((g) => ({ user_id: userId, agency_id: g.agencyId, role: g.role })))
        .execute();
    }
  }

  async search(filter: UserSearch): Promise<{ items: UserRecord[]; total: number }> {
    let q = this.db.selectFrom('users').where('agency_id', '=', filter.agencyId);
    if (filter.unitId !== undefined) q = q.where('unit_id', '=', filter.unitId);
    if (filter.active !== undefined) q = q.where('active', '=', filter.active);
    if (filter.role !== undefined) {
      const role = filter.role;
      q = q.where((eb) => eb.exists(eb.selectFrom('user_roles as r').select('r.user_id').whereRef('r.user_id', '=', 'users.id').where('r.role', '=', role)));
    }
    const text = filter.text?.trim();
    if (text) {
      const pattern = '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
      q = q.where(sql<boolean>`lt_fold(full_name || ' ' || username) LIKE lt_fold(${pattern})`);
    }
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('full_name').orderBy('username').limit(filter.limit).offset(filter.offset).execute(),
      q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toUser), total: Number(count.n) };
  }

  async rolesOfUsers(userIds: readonly string[]): Promise<Map<string, RoleGrant[]>> {
    const out = new Map<string, RoleGrant[]>();
    if (userIds.length === 0) return out;
    const rows = await this.db.selectFrom('user_roles').select(['user_id', 'agency_id', 'role']).where('user_id', 'in', [...userIds]).orderBy('role').execute();
    for (const r of rows) {
      const list = out.get(r.user_id) ?? [];
      list.push({ agencyId: r.agency_id, role: r.role as Role });
      out.set(r.user_id, list);
    }
    return out;
  }

  async countActiveWithRole(agencyId: string, role: Role): Promise<number> {
    const row = await this.db
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .where('r.agency_id', '=', agencyId)
      .where('r.role', '=', role)
      .where('u.active', '=', true)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

export class PgSessionRepository implements SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(s: SessionRecord & { ip: string | null; userAgent: string | null }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent })
      .execute();
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at) };
  }

  async touch(id: string, expiresAt: Date, at: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ expires_at: expiresAt, last_seen_at: at }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: string, exceptId?: string): Promise<void> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
  }
}
