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
