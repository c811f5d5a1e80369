import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Clock } from '../../app/ports/clock.ts';
import type { HubTrace, TraceEventInput, TraceRecord } from '../../app/ports/hub.ts';
import type { RefusalOrigin } from '../../domain/exchange/refusal.ts';
import { chainHash, GENESIS_HASH, type ChainedFields } from '../../domain/audit/chain.ts';
import type { DB, HubTraceTable } from './schema.ts';

/**
 * The hub's trace (exchange.md §4.7) is its own chain, apart from the audit log, so a package's
 * hops can be verified and exported without anyone's audit events. Records are hashed with the
 * audit chain's function: the record maps onto its fields one to one.
 */
function chained(r: Omit<TraceRecord, 'prevHash' | 'hash'>): ChainedFields {
  return {
    seq: r.seq,
    occurredAt: r.occurredAt,
    type: r.kind,
    actorUserId: null,
    actorAgencyId: null,
    agencyId: null,
    subjectType: 'package',
    subjectId: r.packageId,
    data: {
      documentId: r.documentId,
      fromNode: r.fromNode,
      toNode: r.toNode,
      packageSha256: r.packageSha256,
      errorCode: r.errorCode,
      errorOrigin: r.errorOrigin,
      details: r.data,
    },
  };
}

function toRecord(row: Selectable<HubTraceTable>): TraceRecord {
  return {
    seq: Number(row.seq),
    occurredAt: new Date(row.occurred_at).toISOString(),
    kind: row.kind as TraceRecord['kind'],
    packageId: row.package_id,
    documentId: row.document_id,
    fromNode: row.from_node,
    toNode: row.to_node,
    packageSha256: row.package_sha256,
    errorCode: row.error_code,
    errorOrigin: row.error_origin as RefusalOrigin | null,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The chain's head as each open transaction last wrote it. The first record of a transaction locks
 * the head row (FOR UPDATE) and the lock is held until commit, so no other transaction can move the
 * head in between: the later records of the same transaction need not read it again. Keyed by the
 * transaction, not the trace object: a unit of work joined by a nested one (ambient transaction)
 * builds a second trace object on the same transaction.
 */
const heads = new WeakMap<Transaction<DB>, { last_seq: number; last_hash: string }>();

export class PgHubTrace implements HubTrace {
  constructor(
    private readonly trx: Transaction<DB>,
    private readonly clock: Clock,
  ) {}

  async record(e: TraceEventInput): Promise<TraceRecord> {
    const head = heads.get(this.trx) ?? (await this.trx.selectFrom('hub_trace_head').select(['last_seq', 'last_hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow());
    const body = {
      seq: Number(head.last_seq) + 1,
      occurredAt: this.clock.now().toISOString(),
      kind: e.kind,
      packageId: e.packageId,
      documentId: e.documentId ?? null,
      fromNode: e.fromNode ?? null,
      toNode: e.toNode ?? null,
      packageSha256: e.packageSha256 ?? null,
      errorCode: e.errorCode ?? null,
      errorOrigin: e.errorOrigin ?? null,
      data: e.data ?? {},
    };
    const hash = chainHash(head.last_hash, chained(body));
    // The record and the new head in one statement (a data-modifying WITH): one round trip less per record.
    await this.trx
      .with('added', (db) =>
        db
          .insertInto('hub_trace')
          .values({
            seq: body.seq, occurred_at: body.occurredAt, kind: body.kind, package_id: body.packageId, document_id: body.documentId,
            from_node: body.fromNode, to_node: body.toNode, package_sha256: body.packageSha256, error_code: body.errorCode,
            error_origin: body.errorOrigin, data: JSON.stringify(body.data), prev_hash: head.last_hash, hash,
          })
          .returning('seq'),
      )
      .updateTable('hub_trace_head')
      .set({ last_seq: body.seq, last_hash: hash })
      .where('id', '=', 1)
      .execute();
    heads.set(this.trx, { last_seq: body.seq, last_hash: hash });
    return { ...body, prevHash: head.last_hash, hash };
  }

  async listForPackage(packageId: string): Promise<TraceRecord[]> {
    const rows = await this.trx.selectFrom('hub_trace').selectAll().where('package_id', '=', packageId).orderBy('seq').execute();
    return rows.map(toRecord);
  }
}

export type TraceVerification =
  | { ok: true; records: number; lastHash: string }
  | { ok: false; records: number; brokenSeq: number; reason: string };

/** Recomputes the whole chain and names the first record altered, removed or reordered (C68). */
export async function verifyHubTrace(db: Kysely<DB>, batchSize = 1000): Promise<TraceVerification> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await db.selectFrom('hub_trace').selectAll().where('seq', '>=', expected).orderBy('seq').limit(batchSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const r = toRecord(row);
      if (r.seq !== expected) return { ok: false, records: expected - 1, brokenSeq: expected, reason: `bản ghi #${expected} bị mất (bản ghi kế tiếp là #${r.seq})` };
      if (r.prevHash !== prevHash) return { ok: false, records: expected - 1, brokenSeq: r.seq, reason: `bản ghi #${r.seq} (${r.kind}) không nối với bản ghi trước` };
      const hash = chainHash(prevHash, chained(r));
      if (hash !== r.hash) return { ok: false, records: expected - 1, brokenSeq: r.seq, reason: `bản ghi #${r.seq} (${r.kind}, gói ${r.packageId}) đã bị sửa` };
      prevHash = hash;
      expected++;
    }
  }
  const head = await db.selectFrom('hub_trace_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && Number(head.last_seq) !== expected - 1) {
    return { ok: false, records: expected - 1, brokenSeq: expected, reason: `đầu chuỗi ghi ${head.last_seq} bản ghi nhưng chỉ có ${expected - 1}` };
  }
  return { ok: true, records: expected - 1, lastHash: prevHash };
}
