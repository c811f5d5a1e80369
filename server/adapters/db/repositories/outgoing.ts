import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  ChangeKind, NewOutgoingDocument, NewOutgoingRecipient, OutgoingChangeRecord, SigningGrantRecord, OutgoingDocumentRecord, OutgoingListFilter, OutgoingPatch, OutgoingRecipientRecord,
  OutgoingRepository, OutgoingReviewRecord, OutgoingVersionRecord, RecipientEventRecord, RecipientPatch, StatusArrival,
} from '../../../app/ports/outgoing.ts';
import type { IssueStep } from '../../../domain/document/issue-steps.ts';
import type { OutgoingState } from '../../../domain/document/outgoing-states.ts';
import type { ReviewStepConfig } from '../../../domain/document/review-chain.ts';
import type { Urgency } from '../../../domain/document/urgency.ts';
import type { DB, OutgoingDocumentsTable, OutgoingRecipientsTable, OutgoingSigningGrantsTable } from '../schema.ts';

/** jsonb comes back parsed on both engines; a string would mean a driver without the parser. */
function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

function toDoc(r: Selectable<OutgoingDocumentsTable>): OutgoingDocumentRecord {
  return {
    id: r.id, agencyId: r.agency_id, state: r.state as OutgoingState, typeCode: r.type_code, subject: r.subject, urgency: r.urgency as Urgency,
    draftingUnitId: r.drafting_unit_id, drafterId: r.drafter_id, signerId: r.signer_id, signerCapacity: r.signer_capacity, toPlaces: r.to_places,
    replyBy: r.reply_by, copies: r.copies === null ? null : Number(r.copies), responseForIncomingId: r.response_for_incoming_id,
    mainFileId: r.main_file_id, attachmentFileIds: json(r.attachment_file_ids), version: Number(r.version), reviewChain: json(r.review_chain),
    reviewStep: Number(r.review_step), signedAt: date(r.signed_at), signedBy: r.signed_by, signedFileId: r.signed_file_id, registerId: r.register_id,
    numberId: r.number_id, codeNumber: r.code_number, codeNotation: r.code_notation, issuedDate: r.issued_date, issueStep: r.issue_step as IssueStep | null,
    issueStartedBy: r.issue_started_by, stampedFileId: r.stamped_file_id, finalMainFileId: r.final_main_file_id, finalMainSha256: r.final_main_sha256,
    finalAttachments: json(r.final_attachments), registeredAt: date(r.registered_at), packageId: r.package_id, packageSha256: r.package_sha256,
    packageSize: r.package_size === null ? null : Number(r.package_size), edxmlDocumentId: r.edxml_document_id, issuedAt: date(r.issued_at),
    sentAt: date(r.sent_at), recallReason: r.recall_reason, recalledAt: date(r.recalled_at), recalledBy: r.recalled_by, recallPackageId: r.recall_package_id,
    signerBox: r.signer_box === null || r.signer_box === undefined ? null : json(r.signer_box),
    replacesDocumentId: r.replaces_document_id, replacedById: r.replaced_by_id, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
  };
}

function toRecipient(r: Selectable<OutgoingRecipientsTable>): OutgoingRecipientRecord {
  return {
    id: r.id, documentId: r.document_id, kind: r.kind, recipientAgencyId: r.recipient_agency_id, unitId: r.unit_id, name: r.name, organCode: r.organ_code,
    businessStatus: r.business_status, statusDescription: r.status_description, statusAt: date(r.status_at), refusedReason: r.refused_reason,
    changeOpen: r.change_open as ChangeKind | null, address: r.address, paperSentAt: date(r.paper_sent_at), deliveredAt: date(r.delivered_at), changeAnswer: r.change_answer, changeAnswerReason: r.change_answer_reason, changeAnsweredAt: date(r.change_answered_at),
  };
}

function toGrant(r: Selectable<OutgoingSigningGrantsTable>): SigningGrantRecord {
  const day = (v: unknown) => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return {
    id: r.id, agencyId: r.agency_id, userId: r.user_id, capacity: r.capacity as SigningGrantRecord['capacity'], typeCodes: r.type_codes === null ? null : json(r.type_codes),
    validFrom: day(r.valid_from), validUntil: day(r.valid_until), reference: r.reference, grantedBy: r.granted_by, createdAt: new Date(r.created_at), revokedAt: date(r.revoked_at),
  };
}

const COLUMN: Record<keyof OutgoingPatch, keyof OutgoingDocumentsTable> = {
  state: 'state', typeCode: 'type_code', subject: 'subject', urgency: 'urgency', draftingUnitId: 'drafting_unit_id', drafterId: 'drafter_id',
  signerId: 'signer_id', signerCapacity: 'signer_capacity', toPlaces: 'to_places', replyBy: 'reply_by', copies: 'copies',
  responseForIncomingId: 'response_for_incoming_id', mainFileId: 'main_file_id', attachmentFileIds: 'attachment_file_ids', version: 'version',
  reviewChain: 'review_chain', reviewStep: 'review_step', signedAt: 'signed_at', signedBy: 'signed_by', signedFileId: 'signed_file_id',
  registerId: 'register_id', numberId: 'number_id', codeNumber: 'code_number', codeNotation: 'code_notation', issuedDate: 'issued_date',
  issueStep: 'issue_step', issueStartedBy: 'issue_started_by', stampedFileId: 'stamped_file_id', finalMainFileId: 'final_main_file_id',
  finalMainSha256: 'final_main_sha256', finalAttachments: 'final_attachments', registeredAt: 'registered_at', packageId: 'package_id',
  packageSha256: 'package_sha256', packageSize: 'package_size', edxmlDocumentId: 'edxml_document_id', issuedAt: 'issued_at', sentAt: 'sent_at',
  signerBox: 'signer_box',
  recallReason: 'recall_reason', recalledAt: 'recalled_at', recalledBy: 'recalled_by', recallPackageId: 'recall_package_id', replacesDocumentId: 'replaces_document_id', replacedById: 'replaced_by_id', updatedAt: 'updated_at',
};
const JSON_FIELDS = new Set<keyof OutgoingPatch>(['attachmentFileIds', 'reviewChain', 'finalAttachments', 'signerBox']);

export class PgOutgoingRepository implements OutgoingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(d: NewOutgoingDocument): Promise<OutgoingDocumentRecord> {
    const row = await this.db.insertInto('outgoing_documents').values({
      agency_id: d.agencyId, state: d.state, type_code: d.typeCode, subject: d.subject, urgency: d.urgency, drafting_unit_id: d.draftingUnitId,
      drafter_id: d.drafterId, signer_id: d.signerId, signer_capacity: d.signerCapacity, to_places: d.toPlaces, reply_by: d.replyBy, copies: d.copies,
      response_for_incoming_id: d.responseForIncomingId, main_file_id: d.mainFileId, attachment_file_ids: JSON.stringify(d.attachmentFileIds),
      replaces_document_id: d.replacesDocumentId ?? null, created_at: d.createdAt, updated_at: d.createdAt,
    }).returningAll().executeTakeFirstOrThrow();
    return toDoc(row);
  }

  async findById(id: string, options: { lock?: boolean } = {}): Promise<OutgoingDocumentRecord | undefined> {
    let q = this.db.selectFrom('outgoing_documents').selectAll().where('id', '=', id);
    if (options.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && toDoc(row);
  }

  async findByEdxmlDocumentId(agencyId: string, documentId: string): Promise<OutgoingDocumentRecord | undefined> {
    const row = await this.db.selectFrom('outgoing_documents').selectAll().where('agency_id', '=', agencyId).where('edxml_document_id', '=', documentId).executeTakeFirst();
    return row && toDoc(row);
  }

  async update(id: string, patch: OutgoingPatch): Promise<void> {
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(patch) as [keyof OutgoingPatch, unknown][]) {
      if (v === undefined) continue;
      values[COLUMN[k]] = JSON_FIELDS.has(k) ? JSON.stringify(v) : v;
    }
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('outgoing_documents').set(values as never).where('id', '=', id).execute();
  }

  async listByAgency(agencyId: string, filter: OutgoingListFilter): Promise<OutgoingDocumentRecord[]> {
    let q = this.db.selectFrom('outgoing_documents').selectAll().where('agency_id', '=', agencyId);
    if (filter.states && filter.states.length > 0) q = q.where('state', 'in', filter.states);
    const rows = await q.orderBy('updated_at', 'desc').limit(filter.limit).execute();
    return rows.map(toDoc);
  }

  async listIssuing(limit: number): Promise<OutgoingDocumentRecord[]> {
    const rows = await this.db.selectFrom('outgoing_documents').selectAll().where('state', '=', 'issuing').orderBy('updated_at').limit(limit).execute();
    return rows.map(toDoc);
  }

  async addVersion(v: Omit<OutgoingVersionRecord, 'id'>): Promise<OutgoingVersionRecord> {
    const row = await this.db.insertInto('outgoing_versions').values({
      document_id: v.documentId, version: v.version, fields: JSON.stringify(v.fields), main_file_id: v.mainFileId,
      attachment_file_ids: JSON.stringify(v.attachmentFileIds), created_by: v.createdBy, created_at: v.createdAt,
    }).returning('id').executeTakeFirstOrThrow();
    return { ...v, id: row.id };
  }

  async listVersions(documentId: string): Promise<OutgoingVersionRecord[]> {
    const rows = await this.db.selectFrom('outgoing_versions').selectAll().where('document_id', '=', documentId).orderBy('version').execute();
    return rows.map((r) => ({
      id: r.id, documentId: r.document_id, version: Number(r.version), fields: json(r.fields), mainFileId: r.main_file_id,
      attachmentFileIds: json(r.attachment_file_ids), createdBy: r.created_by, createdAt: new Date(r.created_at),
    }));
  }

  async addReview(r: Omit<OutgoingReviewRecord, 'id'>): Promise<OutgoingReviewRecord> {
    const row = await this.db.insertInto('outgoing_reviews').values({
      document_id: r.documentId, version: r.version, step: r.step, action: r.action, actor_id: r.actorId, comment: r.comment, acted_at: r.actedAt,
    }).returning('id').executeTakeFirstOrThrow();
    return { ...r, id: row.id };
  }

  async listReviews(documentId: string): Promise<OutgoingReviewRecord[]> {
    const rows = await this.db.selectFrom('outgoing_reviews').selectAll().where('document_id', '=', documentId).orderBy('seq').execute();
    return rows.map((r) => ({
      id: r.id, documentId: r.document_id, version: Number(r.version), step: r.step === null ? null : Number(r.step),
      action: r.action as OutgoingReviewRecord['action'], actorId: r.actor_id, comment: r.comment, actedAt: new Date(r.acted_at),
    }));
  }

  async reviewedBy(userId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('outgoing_reviews').select('document_id').distinct().where('actor_id', '=', userId).execute();
    return rows.map((r) => r.document_id);
  }

  async replaceRecipients(documentId: string, recipients: NewOutgoingRecipient[]): Promise<OutgoingRecipientRecord[]> {
    await this.db.deleteFrom('outgoing_recipients').where('document_id', '=', documentId).execute();
    if (recipients.length === 0) return [];
    const rows = await this.db.insertInto('outgoing_recipients').values(recipients.map((r) => ({
      document_id: documentId, kind: r.kind, recipient_agency_id: r.recipientAgencyId, unit_id: r.unitId, name: r.name, address: r.address ?? null,
    }))).returningAll().execute();
    return rows.map(toRecipient);
  }

  async addRecipients(documentId: string, recipients: NewOutgoingRecipient[]): Promise<OutgoingRecipientRecord[]> {
    if (recipients.length === 0) return [];
    const rows = await this.db.insertInto('outgoing_recipients').values(recipients.map((r) => ({
      document_id: documentId, kind: r.kind, recipient_agency_id: r.recipientAgencyId, unit_id: r.unitId, name: r.name, address: r.address ?? null,
    }))).returningAll().execute();
    return rows.map(toRecipient);
  }

  async listRecipients(documentId: string): Promise<OutgoingRecipientRecord[]> {
    const rows = await this.db.selectFrom('outgoing_recipients').selectAll().where('document_id', '=', documentId).orderBy('kind').orderBy('name').execute();
    return rows.map(toRecipient);
  }

  async listDeliveredToUnit(agencyId: string, unitId: string, limit: number): Promise<OutgoingDocumentRecord[]> {
    const rows = await this.db.selectFrom('outgoing_documents as d').innerJoin('outgoing_recipients as r', 'r.document_id', 'd.id').selectAll('d')
      .where('d.agency_id', '=', agencyId).where('r.kind', '=', 'unit').where('r.unit_id', '=', unitId).where('r.delivered_at', 'is not', null)
      .orderBy('r.delivered_at', 'desc').limit(limit).execute();
    return rows.map(toDoc);
  }

  async updateRecipient(id: string, patch: RecipientPatch): Promise<void> {
    await this.db.updateTable('outgoing_recipients').set({
      ...(patch.organCode !== undefined && { organ_code: patch.organCode }),
      ...(patch.paperSentAt !== undefined && { paper_sent_at: patch.paperSentAt }),
      ...(patch.deliveredAt !== undefined && { delivered_at: patch.deliveredAt }),
      ...(patch.businessStatus !== undefined && { business_status: patch.businessStatus }),
      ...(patch.statusDescription !== undefined && { status_description: patch.statusDescription }),
      ...(patch.statusAt !== undefined && { status_at: patch.statusAt }),
      ...(patch.refusedReason !== undefined && { refused_reason: patch.refusedReason }),
      ...(patch.changeOpen !== undefined && { change_open: patch.changeOpen }),
      ...(patch.changeAnswer !== undefined && { change_answer: patch.changeAnswer }),
      ...(patch.changeAnswerReason !== undefined && { change_answer_reason: patch.changeAnswerReason }),
      ...(patch.changeAnsweredAt !== undefined && { change_answered_at: patch.changeAnsweredAt }),
    }).where('id', '=', id).execute();
  }

  async addRecipientEvent(e: Omit<RecipientEventRecord, 'id'>): Promise<RecipientEventRecord> {
    const row = await this.db.insertInto('outgoing_recipient_events').values({
      document_id: e.documentId, recipient_id: e.recipientId, status_code: e.statusCode, description: e.description, occurred_at: e.occurredAt,
      received_at: e.receivedAt, inbox_id: e.inboxId, outcome: e.outcome, note: e.note,
    }).returning('id').executeTakeFirstOrThrow();
    return { ...e, id: row.id };
  }

  async listRecipientEvents(documentId: string): Promise<RecipientEventRecord[]> {
    const rows = await this.db.selectFrom('outgoing_recipient_events').selectAll().where('document_id', '=', documentId).orderBy('occurred_at').orderBy('seq').execute();
    return rows.map((r) => ({
      id: r.id, documentId: r.document_id, recipientId: r.recipient_id, statusCode: r.status_code, description: r.description,
      occurredAt: new Date(r.occurred_at), receivedAt: new Date(r.received_at), inboxId: r.inbox_id, outcome: r.outcome, note: r.note,
    }));
  }

  async addChange(c: Omit<OutgoingChangeRecord, 'id'>): Promise<OutgoingChangeRecord> {
    const row = await this.db.insertInto('outgoing_changes').values({
      document_id: c.documentId, kind: c.kind, reason: c.reason, changes: JSON.stringify(c.changes), added_recipients: JSON.stringify(c.addedRecipients),
      replacement_id: c.replacementId, package_id: c.packageId, created_by: c.createdBy, created_at: c.createdAt,
    }).returning('id').executeTakeFirstOrThrow();
    return { ...c, id: row.id };
  }

  async listChanges(documentId: string): Promise<OutgoingChangeRecord[]> {
    const rows = await this.db.selectFrom('outgoing_changes').selectAll().where('document_id', '=', documentId).orderBy('seq').execute();
    return rows.map((r) => ({
      id: r.id, documentId: r.document_id, kind: r.kind, reason: r.reason, changes: json(r.changes), addedRecipients: json(r.added_recipients),
      replacementId: r.replacement_id, packageId: r.package_id, createdBy: r.created_by, createdAt: new Date(r.created_at),
    }));
  }

  async findReplacing(documentId: string): Promise<OutgoingDocumentRecord[]> {
    const rows = await this.db.selectFrom('outgoing_documents').selectAll().where('replaces_document_id', '=', documentId).orderBy('created_at').execute();
    return rows.map(toDoc);
  }

  async listSigningGrants(agencyId: string, userId?: string): Promise<SigningGrantRecord[]> {
    let q = this.db.selectFrom('outgoing_signing_grants').selectAll().where('agency_id', '=', agencyId).where('revoked_at', 'is', null);
    if (userId) q = q.where('user_id', '=', userId);
    return (await q.orderBy('created_at').execute()).map(toGrant);
  }

  async addSigningGrant(g: Omit<SigningGrantRecord, 'id' | 'revokedAt'>): Promise<SigningGrantRecord> {
    const row = await this.db.insertInto('outgoing_signing_grants').values({
      agency_id: g.agencyId, user_id: g.userId, capacity: g.capacity, type_codes: g.typeCodes ? JSON.stringify(g.typeCodes) : null,
      valid_from: g.validFrom, valid_until: g.validUntil, reference: g.reference, granted_by: g.grantedBy, created_at: g.createdAt,
    }).returningAll().executeTakeFirstOrThrow();
    return toGrant(row);
  }

  async revokeSigningGrant(id: string, at: Date): Promise<void> {
    await this.db.updateTable('outgoing_signing_grants').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  async findSigningGrant(id: string): Promise<SigningGrantRecord | undefined> {
    const row = await this.db.selectFrom('outgoing_signing_grants').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toGrant(row);
  }

  async reviewChain(agencyId: string): Promise<ReviewStepConfig[] | undefined> {
    const row = await this.db.selectFrom('outgoing_review_chains').select('steps').where('agency_id', '=', agencyId).executeTakeFirst();
    return row && json(row.steps);
  }

  async setReviewChain(agencyId: string, steps: ReviewStepConfig[], by: string | null, at: Date): Promise<void> {
    await this.db.insertInto('outgoing_review_chains').values({ agency_id: agencyId, steps: JSON.stringify(steps), updated_by: by, updated_at: at })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet({ steps: JSON.stringify(steps), updated_by: by, updated_at: at })).execute();
  }

  async claimStatusArrivals(limit: number): Promise<StatusArrival[]> {
    // Same arrival instant: the hub's delivery order decides (a 03 sent after a 01 is applied after it).
    const rows = await this.db.selectFrom('hub_inbox as i')
      .innerJoin('hub_deliveries as d', 'd.id', 'i.delivery_id')
      .select(['i.id', 'i.agency_id', 'i.package_id', 'i.sender_code', 'i.document_id', 'i.payload_sha256', 'i.received_at'])
      .where('i.kind', '=', 'status').where('i.processed_at', 'is', null)
      // Only statuses about the agency's own outgoing documents (01–06, 15, 16); a recall request (13) about
      // a document the agency received is the incoming side's, and stays unprocessed for it.
      .where((eb) => eb.exists(eb.selectFrom('outgoing_documents as o').select('o.id').whereRef('o.agency_id', '=', 'i.agency_id').whereRef('o.edxml_document_id', '=', 'i.document_id')))
      .orderBy('i.received_at').orderBy('d.seq').limit(limit)
      .modifyEnd(sql`FOR UPDATE OF i SKIP LOCKED`)
      .execute();
    return rows.map((r) => ({
      inboxId: r.id, agencyId: r.agency_id, packageId: r.package_id, senderCode: r.sender_code, documentId: r.document_id,
      payloadSha256: r.payload_sha256, receivedAt: new Date(r.received_at),
    }));
  }

  async markArrivalProcessed(inboxId: string, at: Date): Promise<void> {
    await this.db.updateTable('hub_inbox').set({ processed_at: at }).where('id', '=', inboxId).execute();
  }
}
