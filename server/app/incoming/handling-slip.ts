/**
 * The handling slip (phiếu xử lý văn bản đến) of an incoming document: what arrived, the leader's
 * instruction (and for whom a delegate acted), who leads, coordinates and is informed with their
 * deadlines, the pass-ons, and the outcome. Printing is logged and the printout names who printed
 * it and when (domain.md §4.2.4). The rendering is an adapter's.
 */
import type { Actor } from '../actor.ts';
import type { AssignmentRecord, IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { getIncomingDocument } from './get-incoming-document.ts';

export interface HandlingSlip {
  agencyName: string;
  document: IncomingRecord;
  /** Directions in order: instruction, by whom (and for whom), when. */
  directions: { at: Date; by: string; onBehalfOf: string | null; instruction: string }[];
  /** Open and closed assignments, top level first, with the assignee's and assigner's names. */
  assignments: (AssignmentRecord & { assigneeName: string; assignedByName: string })[];
  printedBy: string;
  printedAt: Date;
}

export async function getHandlingSlip(tx: TxPorts, actor: Actor, id: string, now: Date): Promise<HandlingSlip> {
  const d = await getIncomingDocument(tx, actor, id, now);
  const name = (uid: string | null) => (uid ? d.names[uid] ?? '' : '');
  const agency = await tx.agencies.findById(d.document.agencyId);
  const directions = d.events.filter((e) => e.kind === 'directed' || e.kind === 'reassigned' || e.kind === 'filed_for_information')
    .map((e) => ({ at: e.occurredAt, by: name(e.actorUserId), onBehalfOf: e.onBehalfOf ? name(e.onBehalfOf) : null, instruction: e.text ?? '' }));
  const assignments = [...d.assignments].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((a) => ({ ...a, assigneeName: name(a.assigneeUnitId ?? a.assigneeUserId), assignedByName: name(a.assignedBy) }));
  await tx.audit.record({
    type: 'incoming.slip_printed', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: d.document.agencyId, subjectType: 'incoming_document', subjectId: d.document.id,
    data: { printedAt: now.toISOString() },
  });
  return { agencyName: agency?.name ?? '', document: d.document, directions, assignments, printedBy: actor.fullName, printedAt: now };
}
