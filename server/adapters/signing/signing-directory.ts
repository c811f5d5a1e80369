import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Who is behind an agency code or a signer's username, for certificates issued by the test CA and
 * for the appearance (agency name on the fallback seal rim, the signer's name under the image).
 * Reads outside any transaction: names only, nothing secret.
 */
export interface SigningAgency {
  id: string;
  code: string;
  name: string;
  /** Superior body printed on the seal rim, e.g. "Ủy ban nhân dân tỉnh Bạc Liêu". */
  parentName: string | undefined;
}

export interface SigningPerson {
  id: string;
  username: string;
  fullName: string;
  title: string;
  /** Roles held in the agency of the code (not in served agencies). */
  roles: string[];
}

/** Roles whose holders are competent signers and get a personal test-CA certificate in demo mode. */
export const SIGNER_ROLES = ['leader', 'deputy_leader'] as const;

export class SigningDirectory {
  constructor(private readonly db: Kysely<DB>) {}

  /** The agency holding this identifier code; a current code wins over a closed one. */
  async agency(code: string): Promise<SigningAgency | undefined> {
    const row = await this.db
      .selectFrom('agency_codes as c')
      .innerJoin('agencies as a', 'a.id', 'c.agency_id')
      .leftJoin('agencies as p', 'p.id', 'a.parent_id')
      .select(['a.id', 'a.name', 'p.name as parentName', 'c.valid_to'])
      .where('c.code', '=', code)
      .orderBy('c.valid_to', 'desc')
      .execute();
    const best = row.find((r) => r.valid_to === null) ?? row[0];
    if (!best) return undefined;
    return { id: best.id, code, name: best.name, parentName: best.parentName ?? undefined };
  }

  async person(agencyId: string, username: string): Promise<SigningPerson | undefined> {
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'username', 'full_name', 'title'])
      .where('agency_id', '=', agencyId)
      .where('username', '=', username)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!user) return undefined;
    const roles = await this.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', user.id)
      .where('agency_id', '=', agencyId)
      .execute();
    return { id: user.id, username: user.username, fullName: user.full_name, title: user.title, roles: roles.map((r) => r.role) };
  }
}
