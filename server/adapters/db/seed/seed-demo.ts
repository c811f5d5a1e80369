import type { Kysely } from 'kysely';
import type { Clock } from '../../../app/ports/clock.ts';
import type { PasswordHasher } from '../../../app/ports/users.ts';
import { createUser } from '../../../app/users/create-user.ts';
import type { DB } from '../schema.ts';
import { txPorts } from '../unit-of-work.ts';
import { seedDemoAgencies } from './demo-agencies.ts';
import { seedDemoSearch } from './demo-search.ts';

export const DEMO_PASSWORD = 'lienthong@2024';

interface DemoUser {
  username: string;
  fullName: string;
  title: string;
  agency: string;
  unit?: string;
  roles: string[];
  /** Roles held in the agency this one serves (the office's clerks act for the committee). */
  servedRoles?: string[];
}

const VP_TINH = 'Văn phòng Ủy ban nhân dân tỉnh Bạc Liêu';
const SNV = 'Sở Nội vụ tỉnh Bạc Liêu';
const STC = 'Sở Tài chính tỉnh Bạc Liêu';
const UBND_TINH = 'Ủy ban nhân dân tỉnh Bạc Liêu';
const VP_TPBL = 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố Bạc Liêu';
const UBND_TPBL = 'Ủy ban nhân dân thành phố Bạc Liêu';

export const DEMO_USERS: DemoUser[] = [
  { username: 'vanhanh', fullName: 'Trần Quốc Vận', title: 'Quản trị hệ thống', agency: VP_TINH, roles: ['system_operator'] },
  { username: 'giamsat', fullName: 'Lê Thị Giám', title: 'Chuyên viên giám sát', agency: VP_TINH, roles: ['provincial_supervisor'] },
  { username: 'vanthu.vp', fullName: 'Nguyễn Thị Thu', title: 'Văn thư', agency: VP_TINH, roles: ['clerk'], servedRoles: ['clerk'] },
  { username: 'chutich', fullName: 'Phạm Văn Chủ', title: 'Chủ tịch', agency: UBND_TINH, roles: ['leader'] },
  { username: 'vanthu.snv', fullName: 'Võ Thị Hạnh', title: 'Văn thư', agency: SNV, roles: ['clerk'] },
  { username: 'giamdoc.snv', fullName: 'Huỳnh Văn Đức', title: 'Giám đốc', agency: SNV, roles: ['leader'] },
  { username: 'phogiamdoc.snv', fullName: 'Đặng Thị Phó', title: 'Phó Giám đốc', agency: SNV, roles: ['deputy_leader'] },
  { username: 'truongphong.snv', fullName: 'Lý Văn Trưởng', title: 'Trưởng phòng', agency: SNV, unit: 'Phòng Công chức, viên chức', roles: ['head_of_unit'] },
  { username: 'chuyenvien.snv', fullName: 'Ngô Thị Chuyên', title: 'Chuyên viên', agency: SNV, unit: 'Phòng Công chức, viên chức', roles: ['specialist'] },
  { username: 'quantri.snv', fullName: 'Bùi Văn Trị', title: 'Quản trị', agency: SNV, roles: ['agency_admin'] },
  { username: 'vanthu.stc', fullName: 'Trương Thị Tài', title: 'Văn thư', agency: STC, roles: ['clerk'] },
  { username: 'giamdoc.stc', fullName: 'Hồ Văn Chính', title: 'Giám đốc', agency: STC, roles: ['leader'] },
  { username: 'vanthu.tpbl', fullName: 'Mai Thị Lan', title: 'Văn thư', agency: VP_TPBL, roles: ['clerk'], servedRoles: ['clerk'] },
  { username: 'chutich.tpbl', fullName: 'Châu Văn Thành', title: 'Chủ tịch', agency: UBND_TPBL, roles: ['leader'] },
];

const DEMO_UNITS: Record<string, string[]> = {
  [SNV]: ['Phòng Công chức, viên chức', 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ'],
  [STC]: ['Phòng Quản lý ngân sách'],
};
/** Notation abbreviations of the demo units, so a công văn gets "SNV-CCVC" (domain.md §6.1). */
const UNIT_ABBREVIATIONS: Record<string, string> = {
  'Phòng Công chức, viên chức': 'CCVC', 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ': 'TCBC', 'Phòng Quản lý ngân sách': 'QLNS',
};

/** Seeds agencies, a few units and the demo users into an empty database, in one transaction. */
export async function seedDemo(db: Kysely<DB>, deps: { hasher: PasswordHasher; clock: Clock }): Promise<{ agencies: number; users: number }> {
  return db.transaction().execute(async (trx) => {
    const ids = await seedDemoAgencies(trx);
    const units = new Map<string, string>();
    for (const [agency, names] of Object.entries(DEMO_UNITS)) {
      for (const name of names) {
        const row = await trx.insertInto('units').values({ agency_id: ids.get(agency)!, name, abbreviation: UNIT_ABBREVIATIONS[name] ?? null }).returning('id').executeTakeFirstOrThrow();
        units.set(`${agency}/${name}`, row.id);
      }
    }
    const tx = txPorts(trx, deps.clock);
    for (const u of DEMO_USERS) {
      const agencyId = ids.get(u.agency)!;
      const user = await createUser(tx, deps, null, {
        agencyId,
        unitId: u.unit ? units.get(`${u.agency}/${u.unit}`)! : null,
        username: u.username,
        fullName: u.fullName,
        title: u.title,
        roles: u.roles,
        password: DEMO_PASSWORD,
      });
      if (u.servedRoles) {
        const served = await tx.agencies.listServedBy(agencyId);
        const grants = [...u.roles.map((role) => ({ agencyId, role })), ...served.flatMap((a) => u.servedRoles!.map((role) => ({ agencyId: a.id, role })))];
        await tx.users.setRoles(user.id, grants as never);
      }
    }
    // DEMO DATA ONLY: search entries without documents, until the document modules seed real ones.
    const specialist = await trx.selectFrom('users').select('id').where('username', '=', 'chuyenvien.snv').executeTakeFirst();
    await seedDemoSearch(tx, { snv: ids.get(SNV)!, stc: ids.get(STC)! }, specialist?.id);
    await tx.audit.record({ type: 'seed.demo_loaded', actorUserId: null, actorAgencyId: null, agencyId: null, subjectType: 'system', subjectId: 'demo', data: { agencies: ids.size, users: DEMO_USERS.length } });
    return { agencies: ids.size, users: DEMO_USERS.length };
  });
}

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
