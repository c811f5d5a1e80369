/** One incoming document as its viewer may see it: files, assignments, history, extensions, what they may do. */
import type { Actor } from '../actor.ts';
import { can } from '../policies/permissions.ts';
import type { AssignmentRecord, EventRecord, ExtensionRecord, IncomingFileRecord, IncomingRecord } from '../ports/incoming.ts';
import type { ChangeRequestRecord } from '../ports/incoming-changes.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { isActiveAt } from '../delegations/acting-for.ts';
import { canActOn, loadVisible } from './incoming-access.ts';

export interface IncomingDetail {
  document: IncomingRecord;
  files: IncomingFileRecord[];
  assignments: AssignmentRecord[];
  events: EventRecord[];
  extensions: ExtensionRecord[];
  /** Revocations, updates and replacements naming this document (or replacing another with it). */
  changeRequests: ChangeRequestRecord[];
  /** Names of the people and units mentioned, by id. */
  names: Record<string, string>;
  can: { register: boolean; direct: boolean; present: boolean; passOn: string[]; work: string[]; decideExtensions: string[]; answerChanges: string[] };
}

export async function getIncomingDocument(tx: TxPorts, actor: Actor, id: string, now: Date): Promise<IncomingDetail> {
  const { doc, roles, assignments } = await loadVisible(tx, actor, id);
  const [files, events, extensions, changeRequests] = await Promise.all([
    tx.incoming.listFiles(doc.id), tx.incoming.listEvents(doc.id), tx.assignments.listExtensions(doc.id), tx.changeRequests.listForDocument(doc.id),
  ]);
  const names: Record<string, string> = {};
  const userIds = new Set<string>([...assignments.flatMap((a) => [a.assigneeUserId, a.assignedBy, a.onBehalfOf]), ...events.flatMap((e) => [e.actorUserId, e.onBehalfOf]), doc.registeredBy, doc.presentedTo]
    .filter((x): x is string => typeof x === 'string'));
  for (const u of userIds) {
    const user = await tx.users.findById(u);
    if (user) names[u] = user.fullName;
  }
  for (const unitId of new Set(assignments.map((a) => a.assigneeUnitId).filter((x): x is string => x !== null))) {
    const unit = await tx.agencies.findUnit(unitId);
    if (unit) names[unitId] = unit.name;
  }
  const open = assignments.filter((a) => a.state === 'pending' || a.state === 'in_progress');
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const handling = ['registered', 'awaiting_direction', 'assigned', 'in_progress'].includes(doc.state);
  const leaderish = roles.includes('leader') || roles.includes('deputy_leader');
  // A deputy directs what waits for someone else only inside that person's delegation interval (§4.3).
  const actingNow = doc.presentedTo !== null && (await tx.delegations.listBetween(doc.presentedTo, actor.userId)).some((d) => isActiveAt(d, now));
  return {
    document: doc, files, assignments, events, extensions, changeRequests, names,
    can: {
      register: doc.state === 'arrived' && can(roles, 'incoming.register'),
      present: (doc.state === 'registered' || doc.state === 'awaiting_direction') && can(roles, 'incoming.present'),
      direct: handling && can(roles, 'incoming.direct') && (roles.includes('leader') || !doc.presentedTo || doc.presentedTo === actor.userId || actingNow),
      passOn: open.filter((a) => a.assigneeUnitId !== null && (leaderish || (roles.includes('head_of_unit') && a.assigneeUnitId === actor.unitId))).map((a) => a.id),
      work: open.filter((a) => a.assigneeUserId === actor.userId || (canActOn(actor, roles, a, a.parentId ? byId.get(a.parentId) : undefined) && !leaderish)).map((a) => a.id),
      answerChanges: changeRequests.filter((c) => c.state === 'open' && c.incomingId === doc.id && can(roles, 'incoming.register')).map((c) => c.id),
      decideExtensions: extensions.filter((e) => e.state === 'pending' && (byId.get(e.assignmentId)?.assignedBy === actor.userId || leaderish)).map((e) => e.id),
    },
  };
}
