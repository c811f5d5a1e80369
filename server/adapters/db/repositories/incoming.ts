import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  EventRecord, IncomingFileRecord, IncomingPatch, IncomingRecord, IncomingRepository, NewEvent, NewIncoming, NewIncomingFile, PendingArrival, RegisterRow,
} from '../../../app/ports/incoming.ts';
import type { IncomingState } from '../../../domain/document/incoming-states.ts';
import type { DB } from '../schema.ts';
import type { IncomingDocumentsTable, IncomingFilesTable } from '../schema-incoming.ts';

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export function toIncoming(r: Selectable<IncomingDocumentsTable>): IncomingRecord {
  return {
    id: r.id, agencyId: r.agency_id, state: r.state as IncomingState, channel: r.channel, inboxId: r.inbox_id, packageId: r.package_id,
    documentId: r.document_id, senderCode: r.sender_code, receiverCode: r.receiver_code, senderName: r.sender_name, codeNumber: r.code_number,
    codeNotation: r.code_notation, promulgationDate: r.promulgation_date, typeName: r.type_name, subject: r.subject, signerName: r.signer_name,
    dueDate: r.due_date, urgency: r.urgency, receivedAt: new Date(r.received_at), signatureStatus: r.signature_status as IncomingRecord['signatureStatus'],
    signatureDetails: json(r.signature_details), warnings: json(r.warnings) as string[], duplicateOf: r.duplicate_of, duplicateReason: r.duplicate_reason,
    registerId: r.register_id, arrivalNumber: r.arrival_number === null ? null : Number(r.arrival_number),
    arrivalYear: r.arrival_year === null ? null : Number(r.arrival_year), registeredAt: date(r.registered_at), registeredBy: r.registered_by,
    refusedAt: date(r.refused_at), refusedBy: r.refused_by, refusalReason: r.refusal_reason, presentedTo: r.presented_to, exchangeState: r.exchange_state,
    firstPassedAt: date(r.first_passed_at), finishedAt: date(r.finished_at), outcome: r.outcome, outcomeNote: r.outcome_note, createdAt: new Date(r.created_at),
  };
}

function toFile(r: Selectable<IncomingFilesTable>): IncomingFileRecord {
  return {
    id: r.id, incomingId: r.incoming_id, agencyId: r.agency_id, role: r.role, sha256: r.sha256, size: Number(r.size), mediaType: r.media_type, name: r.name,
    description: r.description, signatureStatus: r.signature_status, signatureDetails: json(r.signature_details), uploadedBy: r.uploaded_by,
    assignmentId: r.assignment_id, createdAt: new Date(r.created_at),
  };
}

const COLUMNS: Record<string, string> = {
  agencyId: 'agency_id', state: 'state', channel: 'channel', inboxId: 'inbox_id', packageId: 'package_id', documentId: 'document_id', senderCode: 'sender_code',
  receiverCode: 'receiver_code', senderName: 'sender_name', codeNumber: 'code_number', codeNotation: 'code_notation', promulgationDate: 'promulgation_date',
  typeName: 'type_name', subject: 'subject', signerName: 'signer_name', dueDate: 'due_date', urgency: 'urgency', receivedAt: 'received_at',
  signatureStatus: 'signature_status', signatureDetails: 'signature_details', warnings: 'warnings', duplicateOf: 'duplicate_of', duplicateReason: 'duplicate_reason',
  registerId: 'register_id', registerNumberId: 'register_number_id', arrivalNumber: 'arrival_number', arrivalYear: 'arrival_year', registeredAt: 'registered_at',
  registeredBy: 'registered_by', refusedAt: 'refused_at', refusedBy: 'refused_by', refusalReason: 'refusal_reason', presentedTo: 'presented_to',
  exchangeState: 'exchange_state', firstPassedAt: 'first_passed_at', finishedAt: 'finished_at', outcome: 'outcome', outcomeNote: 'outcome_note', createdBy: 'created_by',
};

function toRow(fields: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    const col = COLUMNS[k];
    if (!col) throw new Error(`incoming_documents: unknown field ${k}`);
    row[col] = k === 'signatureDetails' || k === 'warnings' ? JSON.stringify(v) : v;
  }
  return row;
}

export class PgIncomingRepository implements IncomingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async claimArrival(): Promise<PendingArrival | undefined> {
    const r = await sql<{ id: string; agency_id: string; package_id: string; sender_code: string; receiver_code: string; document_id: string | null; payload_sha256: string; received_at: Date }>`
      SELECT id, agency_id, package_id, sender_code, receiver_code, document_id, payload_sha256, received_at FROM hub_inbox
      WHERE kind = 'document' AND processed_at IS NULL ORDER BY received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`.execute(this.db);
    const row = r.rows[0];
    if (!row) return undefined;
    const source = await this.db.selectFrom('hub_inbox as i').innerJoin('hub_deliveries as d', 'd.id', 'i.delivery_id').innerJoin('hub_outbox as o', 'o.id', 'd.outbox_id')
      .select(['o.origin', 'o.created_at', 'o.payload_size']).where('i.id', '=', row.id).executeTakeFirst();
    return {
      inboxId: row.id, agencyId: row.agency_id, packageId: row.package_id, senderCode: row.sender_code, receiverCode: row.receiver_code,
      documentId: row.document_id, payloadSha256: row.payload_sha256, receivedAt: new Date(row.received_at),
      origin: source?.origin ?? 'local', custodyAt: source ? new Date(source.created_at) : null,
      ...(source ? { payloadSize: Number(source.payload_size) } : {}),
    };
  }

  async markArrivalProcessed(inboxId: string, at: Date): Promise<void> {
    await this.db.updateTable('hub_inbox').set({ processed_at: at }).where('id', '=', inboxId).execute();
  }

  async insert(doc: NewIncoming): Promise<IncomingRecord> {
    const row = await this.db.insertInto('incoming_documents').values({ ...toRow(doc), created_at: doc.receivedAt } as never).returningAll().executeTakeFirstOrThrow();
    return toIncoming(row);
  }

  async findById(id: string, options: { lock?: boolean } = {}): Promise<IncomingRecord | undefined> {
    let q = this.db.selectFrom('incoming_documents').selectAll().where('id', '=', id);
    if (options.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && toIncoming(row);
  }

  async findByInbox(inboxId: string): Promise<IncomingRecord | undefined> {
    const row = await this.db.selectFrom('incoming_documents').selectAll().where('inbox_id', '=', inboxId).executeTakeFirst();
    return row && toIncoming(row);
  }

  async update(id: string, patch: IncomingPatch): Promise<void> {
    const row = toRow(patch);
    if (Object.keys(row).length > 0) await this.db.updateTable('incoming_documents').set(row as never).where('id', '=', id).execute();
  }

  async findByDocumentId(agencyId: string, documentId: string, states?: readonly string[]): Promise<IncomingRecord | undefined> {
    let q = this.db.selectFrom('incoming_documents').selectAll().where('agency_id', '=', agencyId)
      .where('document_id', 'in', [...new Set([documentId, documentId.trim().normalize('NFC')])]).orderBy('created_at', 'desc').orderBy('id');
    if (states) q = q.where('state', 'in', [...states]);
    const row = await q.executeTakeFirst();
    return row && toIncoming(row);
  }

  async findDuplicate(
    agencyId: string, key: { documentId: string | null; senderKey: string; codeNumber: string; codeNotation: string; year: string | null }, excludeId?: string,
  ): Promise<{ id: string; reason: string } | undefined> {
    const base = () => {
      let q = this.db.selectFrom('incoming_documents').select(['id']).where('agency_id', '=', agencyId).orderBy('created_at');
      if (excludeId) q = q.where('id', '<>', excludeId);
      return q;
    };
    if (key.documentId) {
      const same = await base().where('document_id', '=', key.documentId).executeTakeFirst();
      if (same) return { id: same.id, reason: 'Trùng mã văn bản (DocumentId)' };
    }
    if (!key.codeNumber || !key.codeNotation) return undefined;
    let q = base()
      .where((eb) => eb.or([eb('sender_code', '=', key.senderKey), eb(sql`lower(sender_name)`, '=', key.senderKey.toLowerCase())]))
      .where(sql`ltrim(code_number, '0')`, '=', key.codeNumber.replace(/^0+/, ''))
      .where(sql`lower(code_notation)`, '=', key.codeNotation.toLowerCase());
    q = key.year === null ? q.where('promulgation_date', 'is', null) : q.where(sql`substr(promulgation_date, 1, 4)`, '=', key.year);
    const same = await q.executeTakeFirst();
    return same && { id: same.id, reason: 'Trùng cơ quan ban hành, số, ký hiệu và năm' };
  }

  async list(agencyId: string, filter: { states?: readonly string[]; visibleTo?: { userId: string; unitId: string | null }; limit: number }): Promise<IncomingRecord[]> {
    let q = this.db.selectFrom('incoming_documents as d').selectAll('d').where('d.agency_id', '=', agencyId);
    if (filter.states) q = q.where('d.state', 'in', [...filter.states]);
    const v = filter.visibleTo;
    if (v) {
      q = q.where((eb) => eb.exists(
        eb.selectFrom('assignments as a').select('a.id').whereRef('a.incoming_id', '=', 'd.id')
          .where((w) => (v.unitId ? w.or([w('a.assignee_user_id', '=', v.userId), w('a.assignee_unit_id', '=', v.unitId)]) : w('a.assignee_user_id', '=', v.userId))),
      ));
    }
    const rows = await q.orderBy('d.received_at', 'desc').orderBy('d.id').limit(filter.limit).execute();
    return rows.map(toIncoming);
  }

  async insertFile(file: NewIncomingFile): Promise<IncomingFileRecord> {
    const row = await this.db.insertInto('incoming_files').values({
      incoming_id: file.incomingId, agency_id: file.agencyId, role: file.role, sha256: file.sha256, size: file.size, media_type: file.mediaType, name: file.name,
      description: file.description, signature_status: file.signatureStatus, signature_details: file.signatureDetails === null ? null : JSON.stringify(file.signatureDetails),
      uploaded_by: file.uploadedBy, assignment_id: file.assignmentId, created_at: file.createdAt,
    }).returningAll().executeTakeFirstOrThrow();
    return toFile(row);
  }

  async listFiles(incomingId: string): Promise<IncomingFileRecord[]> {
    const rows = await this.db.selectFrom('incoming_files').selectAll().where('incoming_id', '=', incomingId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toFile);
  }

  async findFile(id: string): Promise<IncomingFileRecord | undefined> {
    const row = await this.db.selectFrom('incoming_files').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toFile(row);
  }

  async insertEvent(e: NewEvent): Promise<void> {
    await this.db.insertInto('assignment_events').values({
      incoming_id: e.incomingId, agency_id: e.agencyId, assignment_id: e.assignmentId, kind: e.kind, actor_user_id: e.actorUserId,
      on_behalf_of: e.onBehalfOf, text: e.text, data: JSON.stringify(e.data), occurred_at: e.occurredAt,
    }).execute();
  }

  async listEvents(incomingId: string): Promise<EventRecord[]> {
    const rows = await this.db.selectFrom('assignment_events').selectAll().where('incoming_id', '=', incomingId).orderBy('seq').execute();
    return rows.map((r) => ({
      id: r.id, incomingId: r.incoming_id, assignmentId: r.assignment_id, kind: r.kind, actorUserId: r.actor_user_id, onBehalfOf: r.on_behalf_of,
      text: r.text, data: json(r.data) as Record<string, unknown>, occurredAt: new Date(r.occurred_at),
    }));
  }

  async ensureIncomingRegister(agencyId: string, year: number): Promise<string> {
    const find = () => this.db.selectFrom('registers').select('id').where('agency_id', '=', agencyId).where('direction', '=', 'incoming')
      .where('state', '=', 'open').where('year', '<=', year).orderBy('year', 'desc').orderBy('created_at').executeTakeFirst();
    const found = await find();
    if (found) return found.id;
    // Two clerks registering the year's first arrival at once: the unique name makes the second insert a no-op.
    await sql`INSERT INTO registers (agency_id, direction, name, year) VALUES (${agencyId}, 'incoming', 'Sổ đăng ký văn bản đến', ${year}) ON CONFLICT DO NOTHING`.execute(this.db);
    return (await find())!.id;
  }

  async registerRows(agencyId: string, registerId: string, year: number): Promise<RegisterRow[]> {
    const docs = await this.db.selectFrom('incoming_documents').selectAll().where('agency_id', '=', agencyId).where('register_id', '=', registerId)
      .where('arrival_year', '=', year).orderBy('arrival_number').execute();
    if (docs.length === 0) return [];
    const ids = docs.map((d) => d.id);
    const leads = await this.db.selectFrom('assignments as a').leftJoin('units as un', 'un.id', 'a.assignee_unit_id').leftJoin('users as us', 'us.id', 'a.assignee_user_id')
      .select(['a.incoming_id', 'un.name as unit_name', 'us.full_name as user_name']).where('a.incoming_id', 'in', ids).where('a.kind', '=', 'lead')
      .where('a.parent_id', 'is', null).orderBy('a.created_at').execute();
    const clerks = await this.db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', docs.map((d) => d.registered_by).filter((x): x is string => x !== null).concat(['00000000-0000-0000-0000-000000000000'])).execute();
    const clerkName = new Map(clerks.map((c) => [c.id, c.full_name]));
    return docs.map((d) => ({
      document: toIncoming(d),
      passedTo: leads.filter((l) => l.incoming_id === d.id).map((l) => l.unit_name ?? l.user_name ?? ''),
      receivedBy: d.registered_by ? clerkName.get(d.registered_by) ?? null : null,
    }));
  }

  async deadlineDays(agencyId: string, typeCode: string, urgency: string): Promise<number | undefined> {
    const rows = await this.db.selectFrom('incoming_deadline_settings').select(['type_code', 'working_days']).where('agency_id', '=', agencyId)
      .where('urgency', '=', urgency).where('type_code', 'in', [typeCode, '*']).execute();
    const exact = rows.find((r) => r.type_code === typeCode) ?? rows.find((r) => r.type_code === '*');
    return exact?.working_days;
  }

  async listDeadlineSettings(agencyId: string): Promise<{ typeCode: string; urgency: string; workingDays: number }[]> {
    const rows = await this.db.selectFrom('incoming_deadline_settings').selectAll().where('agency_id', '=', agencyId).orderBy('type_code').orderBy('urgency').execute();
    return rows.map((r) => ({ typeCode: r.type_code, urgency: r.urgency, workingDays: r.working_days }));
  }

  async upsertDeadlineSetting(agencyId: string, s: { typeCode: string; urgency: string; workingDays: number }, by: string, at: Date): Promise<void> {
    await this.db.insertInto('incoming_deadline_settings')
      .values({ agency_id: agencyId, type_code: s.typeCode, urgency: s.urgency, working_days: s.workingDays, updated_by: by, updated_at: at })
      .onConflict((oc) => oc.columns(['agency_id', 'type_code', 'urgency']).doUpdateSet({ working_days: s.workingDays, updated_by: by, updated_at: at }))
      .execute();
  }
}
