import type { Role } from '../../domain/access/roles.ts';

export interface UserRecord {
  id: string;
  agencyId: string;
  unitId: string | null;
  username: string;
  fullName: string;
  title: string;
  email: string | null;
  passwordHash: string | null;
  active: boolean;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
}

export interface RoleGrant {
  agencyId: string;
  role: Role;
}

export interface NewUser {
  agencyId: string;
  unitId: string | null;
  username: string;
  fullName: string;
  title: string;
  email: string | null;
  passwordHash: string | null;
  mustChangePassword: boolean;
}

export interface UserRepository {
  findById(id: string): Promise<UserRecord | undefined>;
  findByUsername(username: string): Promise<UserRecord | undefined>;
  listByAgency(agencyId: string): Promise<UserRecord[]>;
  create(user: NewUser): Promise<UserRecord>;
  update(id: string, patch: Partial<Pick<UserRecord, 'fullName' | 'title' | 'email' | 'unitId' | 'active'>>): Promise<void>;
  setLoginState(id: string, state: { failedLogins: number; lockedUntil: Date | null }): Promise<void>;
  setPassword(id: string, passwordHash: string, mustChange: boolean, at: Date): Promise<void>;
  roles(userId: string): Promise<RoleGrant[]>;
  setRoles(userId: string, grants: RoleGrant[]): Promise<void>;
  /** Users of one agency matching the filter, by name; `total` counts all matches. */
  search(filter: UserSearch): Promise<{ items: UserRecord[]; total: number }>;
  /** Role grants of several users at once, keyed by user id (users without roles are absent). */
  rolesOfUsers(userIds: readonly string[]): Promise<Map<string, RoleGrant[]>>;
  /** Active users holding `role` in `agencyId`. */
  countActiveWithRole(agencyId: string, role: Role): Promise<number>;
}

export interface UserSearch {
  agencyId: string;
  unitId?: string;
  /** Held in any agency (home or served). */
  role?: Role;
  active?: boolean;
  /** Matched accent-insensitively against the full name and the username. */
  text?: string;
  limit: number;
  offset: number;
}

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionRepository {
  create(session: SessionRecord & { ip: string | null; userAgent: string | null }): Promise<void>;
  find(id: string): Promise<SessionRecord | undefined>;
  touch(id: string, expiresAt: Date, at: Date): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string, exceptId?: string): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
