import { Type } from '@sinclair/typebox';
import type { OutgoingDetail } from '../../../../app/outgoing/find-outgoing.ts';
import type { OutgoingDocumentRecord, OutgoingRecipientRecord } from '../../../../app/ports/outgoing.ts';
import { OUTGOING_STATE_LABELS } from '../../../../domain/document/outgoing-states.ts';

const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

/** Box 7c for this document: page (from 1; null = last page) and rectangle in PDF points from the bottom-left corner. */
export const SignerBoxBody = Type.Object({
  page: Type.Union([Type.Integer({ minimum: 1, maximum: 10000 }), Type.Null()]),
  x: Type.Number(), y: Type.Number(), width: Type.Number(), height: Type.Number(),
}, { additionalProperties: false });

export const DraftBody = Type.Object({
  agencyId: Type.Optional(Uuid),
  typeCode: Type.String({ maxLength: 40 }),
  subject: Type.String({ maxLength: 500 }),
  urgency: Type.Optional(Type.String({ maxLength: 20 })),
  secrecy: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  draftingUnitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  signerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  signerCapacity: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  mainFileId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  attachmentFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  recipientAgencyIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
  recipientGroups: Type.Optional(Type.Array(Type.Union([Type.Literal('province'), Type.Literal('provincial_agency'), Type.Literal('district'), Type.Literal('district_office'), Type.Literal('commune')]), { maxItems: 5 })),
  recipientUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 200 })),
  toPlaces: Type.Optional(Type.String({ maxLength: 1000 })),
  replyBy: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
  copies: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 999 }), Type.Null()])),
  responseForIncomingId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  signerBox: Type.Optional(Type.Union([SignerBoxBody, Type.Null()])),
  replacesDocumentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  paperRecipients: Type.Optional(Type.Array(Type.Object({ name: Type.String({ maxLength: 300 }), address: Type.String({ maxLength: 500 }) }, { additionalProperties: false }), { maxItems: 100 })),
}, { additionalProperties: false });

export const RecipientBody = Type.Object({
  id: Str, kind: Type.Union([Type.Literal('agency'), Type.Literal('unit'), Type.Literal('paper')]), recipientAgencyId: NStr, unitId: NStr, name: Str, organCode: NStr,
  address: NStr, paperSentAt: NStr, deliveredAt: NStr,
  businessStatus: NStr, statusDescription: NStr, statusAt: NStr, refusedReason: NStr,
  changeOpen: NStr, changeAnswer: NStr, changeAnswerReason: NStr, changeAnsweredAt: NStr,
});

export const DocumentBody = Type.Object({
  id: Str, agencyId: Str, state: Str, stateLabel: Str, typeCode: Str, subject: Str, urgency: Str, draftingUnitId: NStr, drafterId: Str, signerId: NStr,
  signerCapacity: NStr, toPlaces: Str, replyBy: NStr, copies: NInt, responseForIncomingId: NStr, mainFileId: NStr, attachmentFileIds: Type.Array(Str),
  version: Type.Integer(), reviewChain: Type.Array(Type.Object({ kind: Str, userId: Str, label: Str })), reviewStep: Type.Integer(),
  signedAt: NStr, signedBy: NStr, signedFileId: NStr, codeNumber: NStr, codeNotation: NStr, issuedDate: NStr, issueStep: NStr,
  finalMainFileId: NStr, finalMainSha256: NStr, finalAttachments: Type.Array(Type.Object({ fileId: Str, sha256: Str, name: Str })),
  packageId: NStr, edxmlDocumentId: NStr, issuedAt: NStr, sentAt: NStr, recallReason: NStr, recalledAt: NStr, createdAt: Str, updatedAt: Str,
  signerBox: Type.Union([SignerBoxBody, Type.Null()]),
  replacesDocumentId: NStr, replacedById: NStr,
});

export const DetailBody = Type.Object({
  document: DocumentBody,
  recipients: Type.Array(RecipientBody),
  versions: Type.Array(Type.Object({ version: Type.Integer(), fields: Type.Unknown(), mainFileId: NStr, attachmentFileIds: Type.Array(Str), createdBy: Str, createdAt: Str })),
  reviews: Type.Array(Type.Object({ version: Type.Integer(), step: NInt, action: Str, actorId: Str, actorName: Str, comment: NStr, actedAt: Str })),
  people: Type.Record(Type.String(), Type.String()),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentDocument(d: OutgoingDocumentRecord) {
  return {
    ...d, stateLabel: OUTGOING_STATE_LABELS[d.state], signedAt: iso(d.signedAt), issuedAt: iso(d.issuedAt), sentAt: iso(d.sentAt), recalledAt: iso(d.recalledAt),
    createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(),
  };
}

export function presentRecipient(r: OutgoingRecipientRecord) {
  return { ...r, statusAt: iso(r.statusAt), changeAnsweredAt: iso(r.changeAnsweredAt), paperSentAt: iso(r.paperSentAt), deliveredAt: iso(r.deliveredAt) };
}

export function presentDetail(x: OutgoingDetail) {
  return {
    document: presentDocument(x.document),
    recipients: x.recipients.map(presentRecipient),
    versions: x.versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    reviews: x.reviews.map((r) => ({ ...r, actedAt: r.actedAt.toISOString() })),
    people: x.people,
  };
}
