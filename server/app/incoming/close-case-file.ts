/**
 * Closing a case file (domain.md §13): when the work is done its keeper — or a leader or deputy —
 * closes it; nothing more can be filed into it. An empty case file is not closed (nothing to keep).
 */
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { CaseFileRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { requirePermission, rolesOrNotFound } from './incoming-access.ts';

const dmy = (at: Date) => localDateOf(at).split('-').reverse().join('/');

export function closedError(cf: CaseFileRecord): AppError {
  return new AppError(ErrorCode.CONFLICT, `Hồ sơ "${cf.notation}" đã đóng ngày ${dmy(cf.closedAt ?? new Date(0))}, không thể thêm văn bản.`);
}

export async function closeCaseFile(tx: TxPorts, deps: { clock: { now(): Date } }, actor: Actor, id: string): Promise<CaseFileRecord> {
  const cf = await tx.assignments.findCaseFile(id, { lock: true });
  if (!cf) throw notFound('Hồ sơ');
  const roles = rolesOrNotFound(actor, cf.agencyId, 'Hồ sơ');
  requirePermission(roles, 'casefile.manage', 'Bạn không có quyền đóng hồ sơ công việc.');
  if (cf.keeperUserId !== actor.userId && !roles.includes('leader') && !roles.includes('deputy_leader')) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ người lập hồ sơ hoặc lãnh đạo cơ quan được đóng hồ sơ.');
  }
  if (cf.closedAt) throw new AppError(ErrorCode.CONFLICT, `Hồ sơ "${cf.notation}" đã đóng ngày ${dmy(cf.closedAt)}.`);
  const documents = await tx.assignments.listCaseFileDocuments(cf.id);
  if (documents.length === 0) throw new AppError(ErrorCode.CONFLICT, `Hồ sơ "${cf.notation}" chưa có văn bản nào, chưa thể đóng.`);
  const now = deps.clock.now();
  await tx.assignments.closeCaseFile(cf.id, now);
  await tx.audit.record({
    type: 'casefile.closed', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: cf.agencyId, subjectType: 'case_file', subjectId: cf.id,
    data: { notation: cf.notation, documents: documents.length },
  });
  return { ...cf, closedAt: now };
}
