import { countBy, openWork, type WorkloadCounts } from '../../domain/report/workload.ts';
import type { Actor } from '../actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { workloadScope } from './supervision-access.ts';

export interface WorkloadRow extends WorkloadCounts {
  id: string | null;
  name: string;
}

export interface AgencyWorkload {
  agencyId: string;
  asOf: Date;
  scope: 'agency' | 'unit';
  totals: WorkloadCounts;
  byUnit: WorkloadRow[];
  byPerson: WorkloadRow[];
}

const UNASSIGNED_UNIT = 'Chưa giao đơn vị chủ trì';
const UNASSIGNED_PERSON = 'Chưa giao người xử lý';

/** The leaders' view: the agency's open, due-soon and overdue incoming work by unit and by person. */
export async function getAgencyWorkload(tx: TxPorts, deps: { clock: Clock }, actor: Actor, agencyId: string): Promise<AgencyWorkload> {
  const scope = workloadScope(actor, agencyId);
  const now = deps.clock.now();
  const facts = await tx.supervision.loadFacts(new Date(now.getTime() - 3 * 365 * 86_400_000), now, agencyId);
  const { units, users } = await tx.supervision.unitsAndUsers(agencyId);
  let items = openWork(facts, now, await tx.workCalendar.load());
  if (scope === 'unit') items = items.filter((i) => i.unitId === actor.unitId);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const rows = (counts: Map<string | null, WorkloadCounts>, names: Map<string, string>, none: string): WorkloadRow[] =>
    [...counts].map(([id, c]) => ({ id, name: id === null ? none : names.get(id) ?? 'Không còn trong danh sách', ...c }))
      .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.name.localeCompare(b.name, 'vi'));
  const totals = countBy(items, () => 'all').get('all') ?? { open: 0, dueSoon: 0, overdue: 0 };
  return {
    agencyId, asOf: now, scope: scope === 'unit' ? 'unit' : 'agency', totals,
    byUnit: rows(countBy(items, (i) => i.unitId), unitName, UNASSIGNED_UNIT),
    byPerson: rows(countBy(items, (i) => i.userId), userName, UNASSIGNED_PERSON),
  };
}
