import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { ArchivedReport, SupervisionComment } from '../ports/supervision.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { parsePeriod } from './compute-report.ts';
import { assertSupervisor } from './supervision-access.ts';

export async function findEvaluationReports(tx: TxPorts, actor: Actor): Promise<ArchivedReport[]> {
  assertSupervisor(actor);
  return tx.supervision.listArchive(200);
}

export async function getEvaluationReportFile(tx: TxPorts, actor: Actor, id: string, format: 'xlsx' | 'pdf'): Promise<{ report: ArchivedReport; bytes: Uint8Array }> {
  assertSupervisor(actor);
  const found = await tx.supervision.archivedFile(id, format);
  if (!found) throw new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy báo cáo trong kho lưu.');
  return found;
}

export async function findEvaluationComments(tx: TxPorts, actor: Actor, input: { start: string; end: string }): Promise<SupervisionComment[]> {
  assertSupervisor(actor);
  return tx.supervision.listComments(parsePeriod(input.start, input.end));
}

/** A supervisor's comment on an evaluation period, for the whole province or one agency (§4.1: annotate evaluations). */
export async function createEvaluationComment(tx: TxPorts, deps: { clock: Clock }, actor: Actor, input: { start: string; end: string; agencyId?: string | null; body: string }): Promise<SupervisionComment> {
  assertSupervisor(actor);
  const p = parsePeriod(input.start, input.end);
  const body = input.body.trim();
  if (!body) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ý kiến không được để trống.', { field: 'body' });
  if (input.agencyId && !(await tx.agencies.findById(input.agencyId))) throw new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy cơ quan.');
  const comment = await tx.supervision.addComment({ period: p, agencyId: input.agencyId ?? null, authorId: actor.userId, body, createdAt: deps.clock.now() });
  await tx.audit.record({
    type: 'report.comment_added', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: input.agencyId ?? null,
    subjectType: 'evaluation_comment', subjectId: comment.id, data: { start: p.start, end: p.end, length: body.length },
  });
  return comment;
}
