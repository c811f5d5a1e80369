/** The agency administrator's deadline defaults per (type, urgency) (domain.md §8.6, agency.configure). */
import { URGENCIES, isUrgency } from '../../domain/document/urgency.ts';
import { isDocumentTypeCode } from '../../domain/document/document-types.ts';
import type { Actor } from '../actor.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { SEED_WORKING_DAYS } from './deadline-defaults.ts';
import { requirePermission, rolesOrNotFound, validationError } from './incoming-access.ts';

export interface DeadlineSetting {
  typeCode: string;
  urgency: string;
  workingDays: number;
}

/** Every urgency for "any type" (seed values where the agency set none), then the agency's per-type rows. */
export async function findDeadlineSettings(tx: TxPorts, actor: Actor, agencyId: string): Promise<DeadlineSetting[]> {
  rolesOrNotFound(actor, agencyId, 'Cơ quan');
  const rows = await tx.incoming.listDeadlineSettings(agencyId);
  const any = URGENCIES.map((u) => rows.find((r) => r.typeCode === '*' && r.urgency === u) ?? { typeCode: '*', urgency: u, workingDays: SEED_WORKING_DAYS[u] });
  return [...any, ...rows.filter((r) => r.typeCode !== '*')];
}

export async function updateDeadlineSettings(tx: TxPorts, deps: { clock: { now(): Date } }, actor: Actor, agencyId: string, settings: DeadlineSetting[]): Promise<DeadlineSetting[]> {
  const roles = rolesOrNotFound(actor, agencyId, 'Cơ quan');
  requirePermission(roles, 'agency.configure', 'Chỉ quản trị cơ quan được đặt hạn xử lý mặc định.');
  settings.forEach((s, i) => {
    if (s.typeCode !== '*' && !isDocumentTypeCode(s.typeCode)) throw validationError(`Loại văn bản "${s.typeCode}" không tồn tại.`, `settings[${i}].typeCode`);
    if (!isUrgency(s.urgency)) throw validationError(`Độ khẩn "${s.urgency}" không hợp lệ.`, `settings[${i}].urgency`);
    if (!Number.isInteger(s.workingDays) || s.workingDays < 0 || s.workingDays > 365) throw validationError('Số ngày làm việc phải từ 0 đến 365.', `settings[${i}].workingDays`);
  });
  const now = deps.clock.now();
  for (const s of settings) await tx.incoming.upsertDeadlineSetting(agencyId, s, actor.userId, now);
  await tx.audit.record({ type: 'incoming.deadlines_configured', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId, subjectType: 'agency', subjectId: agencyId, data: { settings } });
  return findDeadlineSettings(tx, actor, agencyId);
}
