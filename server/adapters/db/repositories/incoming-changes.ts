import { sql, type Kysely, type Selectable } from 'kysely';
import type { ChangeMetadata, ChangeRequestRecord, ChangeRequestRepository, ForeignStatusArrival, NewChangeRequest } from '../../../app/ports/incoming-changes.ts';
import type { DB } from '../schema.ts';
import type { IncomingChangeRequestsTable } from '../schema-incoming-changes.ts';

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

function toRecord(r: Selectable<IncomingChangeRequestsTable>): ChangeRequestRecord {
  return {
    id: r.id, agencyId: r.agency_id, inboxId: r.inbox_id, packageId: r.package_id, kind: r.kind, targetDocumentId: r.target_document_id,
    incomingId: r.incoming_id, replacementId: r.replacement_id, senderCode: r.sender_code, reason: r.reason,
    metadata: json(r.metadata) as ChangeMetadata | null, previousMetadata: json(r.previous_metadata) as ChangeMetadata | null, state: r.state,
    answerReason: r.answer_reason, answeredBy: r.answered_by, answeredAt: r.answered_at ? new Date(r.answered_at) : null,
    receivedAt: new Date(r.received_at), parkUntil: new Date(r.park_until),
  };
}

export class PgChangeRequestRepository implements ChangeRequestRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async claimForeignStatus(): Promise<ForeignStatusArrival | undefined> {
    // The complement of the outgoing side's claim (repositories/outgoing.ts claimStatusArrivals).
    const r = await sql<{ id: string; agency_id: string; package_id: string; sender_code: string; document_id: string | null; payload_sha256: string; received_at: Date }>`
      SELECT i.id, i.agency_id, i.package_id, i.sender_code, i.document_id, i.payload_sha256, i.received_at FROM hub_inbox i
      WHERE i.kind = 'status' AND i.processed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM outgoing_documents o WHERE o.agency_id = i.agency_id AND o.edxml_document_id = i.document_id)
      ORDER BY i.received_at, i.id LIMIT 1 FOR UPDATE OF i SKIP LOCKED`.execute(this.db);
    const row = r.rows[0];
    return row && {
      inboxId: row.id, agencyId: row.agency_id, packageId: row.package_id, senderCode: row.sender_code, documentId: row.document_id,
      payloadSha256: row.payload_sha256, receivedAt: new Date(row.received_at),
    };
  }

  async markInboxProcessed(inboxId: string, at: Date): Promise<void> {
    await this.db.updateTable('hub_inbox').set({ processed_at: at }).where('id', '=', inboxId).execute();
  }

  async insert(r: NewChangeRequest): Promise<ChangeRequestRecord> {
    const row = await this.db.insertInto('incoming_change_requests').values({
      agency_id: r.agencyId, inbox_id: r.inboxId, package_id: r.packageId, kind: r.kind, target_document_id: r.targetDocumentId, incoming_id: r.incomingId,
      replacement_id: r.replacementId, sender_code: r.senderCode, reason: r.reason, metadata: r.metadata ? JSON.stringify(r.metadata) : null, state: r.state,
      received_at: r.receivedAt, park_until: r.parkUntil,
    }).returningAll().executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findById(id: string, options: { lock?: boolean } = {}): Promise<ChangeRequestRecord | undefined> {
    let q = this.db.selectFrom('incoming_change_requests').selectAll().where('id', '=', id);
    if (options.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && toRecord(row);
  }

  async listForDocument(incomingId: string): Promise<ChangeRequestRecord[]> {
    const rows = await this.db.selectFrom('incoming_change_requests').selectAll()
      .where((eb) => eb.or([eb('incoming_id', '=', incomingId), eb('replacement_id', '=', incomingId)])).orderBy('received_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  async listUnlinked(agencyId: string): Promise<ChangeRequestRecord[]> {
    const rows = await this.db.selectFrom('incoming_change_requests').selectAll().where('agency_id', '=', agencyId)
      .where('state', 'in', ['parked', 'unmatched']).orderBy('received_at', 'desc').limit(200).execute();
    return rows.map(toRecord);
  }

  async findParked(agencyId: string, documentId: string, now: Date): Promise<ChangeRequestRecord[]> {
    const rows = await this.db.selectFrom('incoming_change_requests').selectAll().where('agency_id', '=', agencyId)
      .where('target_document_id', '=', documentId).where('state', '=', 'parked').where('park_until', '>=', now).orderBy('received_at').forUpdate().execute();
    return rows.map(toRecord);
  }

  async update(id: string, patch: Partial<Pick<ChangeRequestRecord, 'state' | 'incomingId' | 'previousMetadata' | 'answerReason' | 'answeredBy' | 'answeredAt'>>): Promise<void> {
    await this.db.updateTable('incoming_change_requests').set({
      ...(patch.state !== undefined && { state: patch.state }),
      ...(patch.incomingId !== undefined && { incoming_id: patch.incomingId }),
      ...(patch.previousMetadata !== undefined && { previous_metadata: patch.previousMetadata ? JSON.stringify(patch.previousMetadata) : null }),
      ...(patch.answerReason !== undefined && { answer_reason: patch.answerReason }),
      ...(patch.answeredBy !== undefined && { answered_by: patch.answeredBy }),
      ...(patch.answeredAt !== undefined && { answered_at: patch.answeredAt }),
    }).where('id', '=', id).execute();
  }

  async expireParked(now: Date): Promise<ChangeRequestRecord[]> {
    const rows = await this.db.updateTable('incoming_change_requests').set({ state: 'unmatched' }).where('state', '=', 'parked').where('park_until', '<', now).returningAll().execute();
    return rows.map(toRecord);
  }
}
