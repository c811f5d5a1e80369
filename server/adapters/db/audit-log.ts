import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditEventInput, AuditLog } from '../../app/ports/audit-log.ts';
import type { Clock } from '../../app/ports/clock.ts';
import { chainHash, GENESIS_HASH, type ChainedFields } from '../../domain/audit/chain.ts';
import type { DB } from './schema.ts';

/** Appends within the given transaction; the chain-head row lock orders appends across nodes. */
export class PgAuditLog implements AuditLog {
  constructor(
    private readonly trx: Transaction<DB>,
    private readonly clock: Clock,
  ) {}

  async record(event: AuditEventInput): Promise<void> {
    const head = await this.trx
      .selectFrom('audit_chain_head')
      .selectAll()
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const fields: ChainedFields = {
      seq: Number(head.last_seq) + 1,
      occurredAt: this.clock.now().toISOString(),
      type: event.type,
      actorUserId: event.actorUserId,
      actorAgencyId: event.actorAgencyId,
      agencyId: event.agencyId,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      data: event.data ?? {},
    };
    const hash = chainHash(head.last_hash, fields);
    await this.trx
      .insertInto('audit_events')
      .values({
        seq: fields.seq,
        occurred_at: fields.occurredAt,
        type: fields.type,
        actor_user_id: fields.actorUserId,
        actor_agency_id: fields.actorAgencyId,
        agency_id: fields.agencyId,
        subject_type: fields.subjectType,
        subject_id: fields.subjectId,
        data: JSON.stringify(fields.data),
        prev_hash: head.last_hash,
        hash,
      })
      .execute();
    await this.trx.updateTable('audit_chain_head').set({ last_seq: fields.seq, last_hash: hash }).where('id', '=', 1).execute();
  }
}

export type AuditVerification =
  | { ok: true; events: number; lastHash: string }
  | { ok: false; events: number; brokenSeq: number; eventId: string | null; reason: string };

/** Walks the chain from the first event; reports the first event that is altered, missing or out of order. */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 1000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, events: checked, brokenSeq: expectedSeq, eventId: null, reason: `event #${expectedSeq} is missing (next present is #${seq})` };
      }
      const fields: ChainedFields = {
        seq,
        occurredAt: new Date(row.occurred_at).toISOString(),
        type: row.type,
        actorUserId: row.actor_user_id,
        actorAgencyId: row.actor_agency_id,
        agencyId: row.agency_id,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        data: row.data,
      };
      if (row.prev_hash !== prevHash) {
        return { ok: false, events: checked, brokenSeq: seq, eventId: row.id, reason: `event #${seq} (${row.type}) does not link to the event before it` };
      }
      const hash = chainHash(prevHash, fields);
      if (hash !== row.hash) {
        return { ok: false, events: checked, brokenSeq: seq, eventId: row.id, reason: `event #${seq} (${row.type}, ${row.id}) was altered: its content no longer matches its hash` };
      }
      prevHash = hash;
      expectedSeq = seq + 1;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_chain_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && Number(head.last_seq) !== checked) {
    return { ok: false, events: checked, brokenSeq: checked + 1, eventId: null, reason: `the chain head records ${head.last_seq} events but only ${checked} are present: event #${checked + 1} and later are missing` };
  }
  return { ok: true, events: checked, lastHash: prevHash };
}

/** Used by tests and tools that need the count quickly. */
export async function countAuditEvents(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events`.execute(db);
  return r.rows[0]?.n ?? 0;
}
