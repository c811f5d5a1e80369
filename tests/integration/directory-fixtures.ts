import { DEMO_PASSWORD } from '../../server/adapters/db/seed/seed-demo.ts';
import { createUser } from '../../server/app/users/create-user.ts';
import { NAMES, type TestEnv } from './harness.ts';

/**
 * The demo seed has no administrator in Sở Tài chính; the directory tests need one to attack Sở
 * Nội vụ's units. Created once per database, with the demo password.
 */
export async function ensureStcAdmin(env: TestEnv): Promise<string> {
  const username = 'quantri.stc';
  const agencyId = await env.agencyId(NAMES.STC);
  await env.deps.uow.run(async (tx) => {
    if (await tx.users.findByUsername(username)) return;
    await createUser(tx, { hasher: env.deps.hasher, clock: env.clock }, null, {
      agencyId, username, fullName: 'Phan Văn Quản', title: 'Quản trị', roles: ['agency_admin'], password: DEMO_PASSWORD, skipPasswordPolicy: true,
    });
  });
  return username;
}

/** Id of one of an agency's units by name. */
export async function unitId(env: TestEnv, agencyName: string, unitName: string): Promise<string> {
  const agencyId = await env.agencyId(agencyName);
  const row = await env.database.db.selectFrom('units').select('id').where('agency_id', '=', agencyId).where('name', '=', unitName).executeTakeFirstOrThrow();
  return row.id;
}
