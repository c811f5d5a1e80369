import { Type } from '@sinclair/typebox';
import type { IncomingDetail } from '../../../../app/incoming/get-incoming-document.ts';
import type { AssignmentRecord, IncomingFileRecord, IncomingRecord } from '../../../../app/ports/incoming.ts';
import type { ChangeRequestRecord } from '../../../../app/ports/incoming-changes.ts';
import { INCOMING_STATE_LABELS } from '../../../../domain/document/incoming-states.ts';

const S = Type.String();
const N = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Local date YYYY-MM-DD' });
export const AgencyQuery = Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false });

export const IncomingBody = Type.Object({
  id: S, agencyId: S, state: S, stateLabel: S, channel: S, senderCode: N(S), senderName: S, codeNumber: S, codeNotation: S, promulgationDate: N(S),
  typeName: S, subject: S, signerName: N(S), dueDate: N(S), urgency: S, receivedAt: S, signatureStatus: S, warnings: Type.Array(S),
  duplicateOf: N(S), duplicateReason: N(S), registerId: N(S), arrivalNumber: N(Type.Integer()), arrivalYear: N(Type.Integer()), registeredAt: N(S),
  refusedAt: N(S), refusalReason: N(S), presentedTo: N(S), exchangeState: S, finishedAt: N(S), outcome: N(S), outcomeNote: N(S), documentId: N(S),
});

export function presentIncoming(d: IncomingRecord) {
  return {
    id: d.id, agencyId: d.agencyId, state: d.state, stateLabel: INCOMING_STATE_LABELS[d.state], channel: d.channel, senderCode: d.senderCode, senderName: d.senderName,
    codeNumber: d.codeNumber, codeNotation: d.codeNotation, promulgationDate: d.promulgationDate, typeName: d.typeName, subject: d.subject, signerName: d.signerName,
    dueDate: d.dueDate, urgency: d.urgency, receivedAt: d.receivedAt.toISOString(), signatureStatus: d.signatureStatus, warnings: d.warnings,
    duplicateOf: d.duplicateOf, duplicateReason: d.duplicateReason, registerId: d.registerId, arrivalNumber: d.arrivalNumber, arrivalYear: d.arrivalYear,
    registeredAt: iso(d.registeredAt), refusedAt: iso(d.refusedAt), refusalReason: d.refusalReason, presentedTo: d.presentedTo, exchangeState: d.exchangeState,
    finishedAt: iso(d.finishedAt), outcome: d.outcome, outcomeNote: d.outcomeNote, documentId: d.documentId,
  };
}

export const AssignmentBody = Type.Object({
  id: S, incomingId: S, parentId: N(S), kind: S, assigneeUnitId: N(S), assigneeUserId: N(S), assignedBy: S, onBehalfOf: N(S), instruction: S,
  deadline: N(S), state: S, startedAt: N(S), finishedAt: N(S), finishNote: N(S), createdAt: S,
});

export function presentAssignment(a: AssignmentRecord) {
  return {
    id: a.id, incomingId: a.incomingId, parentId: a.parentId, kind: a.kind, assigneeUnitId: a.assigneeUnitId, assigneeUserId: a.assigneeUserId, assignedBy: a.assignedBy,
    onBehalfOf: a.onBehalfOf, instruction: a.instruction, deadline: a.deadline, state: a.state, startedAt: iso(a.startedAt), finishedAt: iso(a.finishedAt),
    finishNote: a.finishNote, createdAt: a.createdAt.toISOString(),
  };
}

export const FileBody = Type.Object({
  id: S, role: S, name: S, size: Type.Integer(), mediaType: S, description: N(S), signatureStatus: N(S), signatureDetails: Type.Unknown(), assignmentId: N(S), createdAt: S,
});

export function presentFile(f: IncomingFileRecord) {
  return {
    id: f.id, role: f.role, name: f.name, size: f.size, mediaType: f.mediaType, description: f.description, signatureStatus: f.signatureStatus,
    signatureDetails: f.signatureDetails ?? null, assignmentId: f.assignmentId, createdAt: f.createdAt.toISOString(),
  };
}

const ChangeMetadataBody = Type.Object({
  subject: S, codeNumber: S, codeNotation: S, promulgationDate: N(S), typeName: S, signerName: N(S), dueDate: N(S), urgency: S,
});

export const ChangeRequestBody = Type.Object({
  id: S, kind: S, targetDocumentId: S, incomingId: N(S), replacementId: N(S), senderCode: S, reason: N(S), metadata: Type.Union([ChangeMetadataBody, Type.Null()]),
  previousMetadata: Type.Union([ChangeMetadataBody, Type.Null()]), state: S, answerReason: N(S), answeredBy: N(S), answeredAt: N(S), receivedAt: S, parkUntil: S,
});

export function presentChangeRequest(c: ChangeRequestRecord) {
  return {
    id: c.id, kind: c.kind, targetDocumentId: c.targetDocumentId, incomingId: c.incomingId, replacementId: c.replacementId, senderCode: c.senderCode, reason: c.reason,
    metadata: c.metadata, previousMetadata: c.previousMetadata, state: c.state, answerReason: c.answerReason, answeredBy: c.answeredBy, answeredAt: iso(c.answeredAt),
    receivedAt: c.receivedAt.toISOString(), parkUntil: c.parkUntil.toISOString(),
  };
}

export const DetailBody = Type.Object({
  document: IncomingBody,
  files: Type.Array(FileBody),
  assignments: Type.Array(AssignmentBody),
  events: Type.Array(Type.Object({ id: S, assignmentId: N(S), kind: S, actorUserId: N(S), onBehalfOf: N(S), text: N(S), data: Type.Unknown(), occurredAt: S })),
  extensions: Type.Array(Type.Object({
    id: S, assignmentId: S, requestedBy: S, reason: S, previousDeadline: N(S), proposedDeadline: S, state: S, decidedBy: N(S), decidedAt: N(S), decisionNote: N(S),
  })),
  changeRequests: Type.Array(ChangeRequestBody),
  names: Type.Record(S, S),
  can: Type.Object({
    register: Type.Boolean(), direct: Type.Boolean(), present: Type.Boolean(), passOn: Type.Array(S), work: Type.Array(S), decideExtensions: Type.Array(S), answerChanges: Type.Array(S),
  }),
});

export function presentDetail(d: IncomingDetail) {
  return {
    document: presentIncoming(d.document),
    files: d.files.map(presentFile),
    assignments: d.assignments.map(presentAssignment),
    events: d.events.map((e) => ({ id: e.id, assignmentId: e.assignmentId, kind: e.kind, actorUserId: e.actorUserId, onBehalfOf: e.onBehalfOf, text: e.text, data: e.data, occurredAt: e.occurredAt.toISOString() })),
    extensions: d.extensions.map((e) => ({
      id: e.id, assignmentId: e.assignmentId, requestedBy: e.requestedBy, reason: e.reason, previousDeadline: e.previousDeadline, proposedDeadline: e.proposedDeadline,
      state: e.state, decidedBy: e.decidedBy, decidedAt: iso(e.decidedAt), decisionNote: e.decisionNote,
    })),
    changeRequests: d.changeRequests.map(presentChangeRequest),
    names: d.names,
    can: d.can,
  };
}
