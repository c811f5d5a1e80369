/**
 * Case files (hồ sơ công việc, domain.md §13), basic: open one (title, notation, retention; keeper
 * = the opener), file a visible document into it (one document may sit in several), list them.
 */
import { localYearOf } from '../../domain/calendar/vietnam-time.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { CaseFileRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { closedError } from './close-case-file.ts';
import { loadVisible, requirePermission, rolesOrNotFound, validationError } from './incoming-access.ts';

export async function createCaseFile(tx: TxPorts, deps: { clock: { now(): Date } }, actor: Actor, input: { agencyId: string; title: string; notation: string; retention?: string }): Promise<CaseFileRecord> {
  const roles = rolesOrNotFound(actor, input.agencyId, 'Cơ quan');
  requirePermission(roles, 'casefile.manage', 'Bạn không có quyền lập hồ sơ công việc.');
  const title = input.title.trim();
  const notation = input.notation.trim();
  if (!title) throw validationError('Thiếu tiêu đề hồ sơ.', 'title');
  if (!/^[\p{L}\p{N}.\-/]{1,40}$/u.test(notation)) throw validationError('Ký hiệu hồ sơ chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch chéo (tối đa 40 ký tự).', 'notation');
  const now = deps.clock.now();
  const row = await tx.assignments.insertCaseFile({ agencyId: input.agencyId, year: localYearOf(now), notation, title, retention: input.retention?.trim() ?? '', keeperUserId: actor.userId, openedAt: now });
  if (!row) throw new AppError(ErrorCode.CASEFILE_NOTATION_TAKEN, `Ký hiệu hồ sơ "${notation}" đã dùng trong năm.`, { field: 'notation' });
  await tx.audit.record({ type: 'casefile.opened', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: input.agencyId, subjectType: 'case_file', subjectId: row.id, data: { notation, title } });
  return row;
}

export async function archiveDocument(tx: TxPorts, deps: { clock: { now(): Date } }, actor: Actor, caseFileId: string, incomingId: string): Promise<{ filed: boolean }> {
  const cf = await tx.assignments.findCaseFile(caseFileId, { lock: true });
  if (!cf) throw notFound('Hồ sơ');
  const roles = rolesOrNotFound(actor, cf.agencyId, 'Hồ sơ');
  requirePermission(roles, 'casefile.manage', 'Bạn không có quyền cập nhật hồ sơ công việc.');
  if (cf.closedAt) throw closedError(cf);
  const { doc } = await loadVisible(tx, actor, incomingId);
  if (doc.agencyId !== cf.agencyId) throw notFound('Văn bản đến');
  const now = deps.clock.now();
  const filed = await tx.assignments.fileDocument(cf.id, doc.id, actor.userId, now);
  if (filed) {
    await tx.audit.record({ type: 'casefile.document_filed', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: cf.agencyId, subjectType: 'case_file', subjectId: cf.id, data: { incomingId: doc.id } });
  }
  return { filed };
}

export async function findCaseFiles(tx: TxPorts, actor: Actor, agencyId: string) {
  const roles = rolesOrNotFound(actor, agencyId, 'Cơ quan');
  requirePermission(roles, 'casefile.manage', 'Bạn không có quyền xem hồ sơ công việc.');
  return tx.assignments.listCaseFiles(agencyId);
}

export async function getCaseFile(tx: TxPorts, actor: Actor, id: string) {
  const cf = await tx.assignments.findCaseFile(id);
  if (!cf) throw notFound('Hồ sơ');
  const roles = rolesOrNotFound(actor, cf.agencyId, 'Hồ sơ');
  requirePermission(roles, 'casefile.manage', 'Bạn không có quyền xem hồ sơ công việc.');
  return { caseFile: cf, documents: await tx.assignments.listCaseFileDocuments(cf.id) };
}
