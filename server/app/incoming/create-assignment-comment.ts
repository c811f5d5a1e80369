/** Comments, coordinating opinions and working files on an assignment (domain.md §8.5). */
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { IncomingFileRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertMayAct, assertOpen, loadAssignment, markStarted } from './assignment-context.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { requirePermission, validationError } from './incoming-access.ts';
import { notifyUsers } from './notify.ts';

export async function createAssignmentComment(tx: TxPorts, deps: IncomingTxDeps, actor: Actor, assignmentId: string, input: { text: string }): Promise<void> {
  const text = input.text.trim();
  if (!text) throw validationError('Nội dung ý kiến không được để trống.', 'text');
  const ctx = await loadAssignment(tx, actor, assignmentId);
  requirePermission(ctx.roles, 'assignment.work');
  assertOpen(ctx.assignment);
  assertMayAct(ctx, actor);
  const now = deps.clock.now();
  const kind = ctx.assignment.kind === 'coordinating' ? 'opinion' : 'comment';
  await tx.incoming.insertEvent({ incomingId: ctx.doc.id, agencyId: ctx.doc.agencyId, assignmentId, kind, actorUserId: actor.userId, onBehalfOf: null, text, data: {}, occurredAt: now });
  await tx.audit.record({ type: 'assignment.commented', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: ctx.doc.agencyId, subjectType: 'assignment', subjectId: assignmentId, data: { kind } });
  if (kind === 'opinion') {
    const lead = ctx.assignments.filter((a) => a.kind === 'lead' && (a.state === 'pending' || a.state === 'in_progress'));
    await notifyUsers(tx, lead.map((a) => a.assigneeUserId).filter((x): x is string => x !== null), {
      agencyId: ctx.doc.agencyId, kind: 'assignment.opinion', title: `Ý kiến phối hợp: ${ctx.doc.subject}`, body: text, incomingId: ctx.doc.id, assignmentId, at: now,
    });
  }
  await markStarted(tx, deps, ctx, actor);
}

export async function createWorkingFile(tx: TxPorts, deps: IncomingTxDeps, actor: Actor, assignmentId: string, input: { fileId: string }): Promise<IncomingFileRecord> {
  const ctx = await loadAssignment(tx, actor, assignmentId);
  requirePermission(ctx.roles, 'assignment.work');
  assertOpen(ctx.assignment);
  assertMayAct(ctx, actor);
  const file = await tx.files.findById(input.fileId);
  if (!file || file.agencyId !== ctx.doc.agencyId) throw notFound('Tệp');
  const now = deps.clock.now();
  const row = await tx.incoming.insertFile({
    incomingId: ctx.doc.id, agencyId: ctx.doc.agencyId, role: 'working', sha256: file.sha256, size: file.size, mediaType: file.mediaType, name: file.originalName,
    description: null, signatureStatus: null, signatureDetails: null, uploadedBy: actor.userId, assignmentId, createdAt: now,
  });
  await tx.incoming.insertEvent({ incomingId: ctx.doc.id, agencyId: ctx.doc.agencyId, assignmentId, kind: 'file_attached', actorUserId: actor.userId, onBehalfOf: null, text: file.originalName, data: { fileId: row.id }, occurredAt: now });
  await tx.audit.record({ type: 'assignment.file_attached', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: ctx.doc.agencyId, subjectType: 'assignment', subjectId: assignmentId, data: { fileId: file.id, incomingFileId: row.id } });
  await markStarted(tx, deps, ctx, actor);
  return row;
}
