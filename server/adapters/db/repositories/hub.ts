import { sql, type Selectable, type Transaction } from 'kysely';
import type {
  DeadLetter, DeliveryPatch, DeliveryRecord, HubRepository, InboxEntry, NewDelivery, NewInboxEntry, NewOutbox, NewPeer,
  OutboxRecord, PeerBacklog, PeerPatch, PeerRecord, QueueStats,
} from '../../../app/ports/hub.ts';
import type { DB, HubDeliveriesTable, HubOutboxTable, HubPeersTable } from '../schema.ts';

const d = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

function toPeer(r: Selectable<HubPeersTable>): PeerRecord {
  return {
    id: r.id, name: r.name, codePrefixes: r.code_prefixes, endpointUrl: r.endpoint_url, certificatePem: r.certificate_pem,
    outboundToken: r.outbound_token, signaturePolicy: r.signature_policy, certificateCheck: r.certificate_check, maxPackageBytes: r.max_package_bytes === null ? null : Number(r.max_package_bytes),
    active: r.active, lastSuccessAt: d(r.last_success_at), lastFailureAt: d(r.last_failure_at), consecutiveFailures: r.consecutive_failures,
  };
}

function toOutbox(r: Selectable<HubOutboxTable>): OutboxRecord {
  return {
    id: r.id, packageId: r.package_id, kind: r.kind, origin: r.origin, fromPeerId: r.from_peer_id, senderAgencyId: r.sender_agency_id,
    senderCode: r.sender_code, receiverCodes: r.receiver_codes, businessType: r.business_type, documentId: r.document_id,
    documentKey: r.document_key, priority: r.priority, payloadSha256: r.payload_sha256, payloadSize: Number(r.payload_size),
    unsignedAdmitted: r.unsigned_admitted, createdAt: new Date(r.created_at), statusKey: r.status_key,
  };
}

function toDelivery(r: Selectable<HubDeliveriesTable>): DeliveryRecord {
  return {
    id: r.id, seq: Number(r.seq), outboxId: r.outbox_id, packageId: r.package_id, senderCode: r.sender_code, receiverCode: r.receiver_code,
    documentKey: r.document_key, route: r.route, receiverAgencyId: r.receiver_agency_id, peerId: r.peer_id, state: r.state,
    attempts: r.attempts, nextAttemptAt: new Date(r.next_attempt_at), firstAttemptAt: d(r.first_attempt_at), lastAttemptAt: d(r.last_attempt_at),
    lastErrorCode: r.last_error_code, lastErrorOrigin: r.last_error_origin, lastErrorMessage: r.last_error_message,
    deliveredAt: d(r.delivered_at), ackResult: r.ack_result, ackSha256: r.ack_sha256, expiresAt: new Date(r.expires_at), createdAt: new Date(r.created_at),
  };
}

const COLUMN: Record<keyof DeliveryPatch, keyof HubDeliveriesTable> = {
  state: 'state', attempts: 'attempts', nextAttemptAt: 'next_attempt_at', firstAttemptAt: 'first_attempt_at', lastAttemptAt: 'last_attempt_at',
  lastErrorCode: 'last_error_code', lastErrorOrigin: 'last_error_origin', lastErrorMessage: 'last_error_message', deliveredAt: 'delivered_at',
  ackResult: 'ack_result', ackSha256: 'ack_sha256', expiresAt: 'expires_at', route: 'route', receiverAgencyId: 'receiver_agency_id', peerId: 'peer_id',
  abandonedReason: 'abandoned_reason', abandonedBy: 'abandoned_by', abandonedAt: 'abandoned_at',
};

export class PgHubRepository implements HubRepository {
  constructor(private readonly trx: Transaction<DB>) {}

  async findPackage(packageId: string): Promise<OutboxRecord | undefined> {
    const r = await this.trx.selectFrom('hub_outbox').selectAll().where('package_id', '=', packageId).executeTakeFirst();
    return r && toOutbox(r);
  }

  async findPackages(packageIds: readonly string[]): Promise<OutboxRecord[]> {
    if (packageIds.length === 0) return [];
    const rows = await this.trx.selectFrom('hub_outbox').selectAll().where('package_id', 'in', [...packageIds]).execute();
    return rows.map(toOutbox);
  }

  async findPackageByStatusKey(statusKey: string): Promise<OutboxRecord | undefined> {
    const r = await this.trx.selectFrom('hub_outbox').selectAll().where('status_key', '=', statusKey).executeTakeFirst();
    return r && toOutbox(r);
  }

  async insertPackage(p: NewOutbox): Promise<OutboxRecord | undefined> {
    const r = await this.trx
      .insertInto('hub_outbox')
      .values({
        package_id: p.packageId, kind: p.kind, origin: p.origin, from_peer_id: p.fromPeerId, sender_agency_id: p.senderAgencyId,
        sender_code: p.senderCode, receiver_codes: p.receiverCodes, business_type: p.businessType, document_id: p.documentId,
        document_key: p.documentKey, priority: p.priority, payload_sha256: p.payloadSha256, payload_size: p.payloadSize,
        unsigned_admitted: p.unsignedAdmitted, created_at: p.createdAt, status_key: p.statusKey ?? null,
      })
      // Package id or status key already there: a racing duplicate, answered as such by the caller.
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    return r && toOutbox(r);
  }

  async insertDelivery(n: NewDelivery): Promise<DeliveryRecord> {
    const r = await this.trx
      .insertInto('hub_deliveries')
      .values({
        outbox_id: n.outboxId, package_id: n.packageId, sender_code: n.senderCode, receiver_code: n.receiverCode, document_key: n.documentKey,
        route: n.route, receiver_agency_id: n.receiverAgencyId, peer_id: n.peerId, state: n.state, next_attempt_at: n.nextAttemptAt,
        expires_at: n.expiresAt, created_at: n.createdAt, last_error_code: n.lastErrorCode ?? null, last_error_origin: n.lastErrorOrigin ?? null,
        last_error_message: n.lastErrorMessage ?? null, delivered_at: null, first_attempt_at: null, last_attempt_at: null, ack_result: null, ack_sha256: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDelivery(r);
  }

  async claimDueDelivery(now: Date, staleBefore: Date, breaker: { failures: number; pausedSince: Date }): Promise<DeliveryRecord | undefined> {
    return (await this.claimDueDeliveries(now, staleBefore, breaker, 1))[0];
  }

  async claimDueDeliveries(now: Date, staleBefore: Date, breaker: { failures: number; pausedSince: Date }, limit: number): Promise<DeliveryRecord[]> {
    // A later delivery of a document stays blocked while an earlier one is undelivered: the
    // NOT EXISTS sees the earlier row's state in this statement's snapshot, so one claim never
    // takes two deliveries of the same (sender, receiver, document).
    // Pull-mode peers fetch their own deliveries, so only rows with an endpoint (or local) are pushed.
    const r = await sql<Selectable<HubDeliveriesTable>>`
      SELECT d.* FROM hub_deliveries d
      LEFT JOIN hub_peers p ON p.id = d.peer_id
      WHERE ((d.state IN ('pending','failed') AND d.next_attempt_at <= ${now})
             OR (d.state = 'sending' AND d.last_attempt_at < ${staleBefore}))
        AND (d.route = 'local' OR (d.route = 'peer' AND p.endpoint_url IS NOT NULL AND p.active
             AND NOT (p.consecutive_failures >= ${breaker.failures} AND p.last_failure_at > ${breaker.pausedSince})))
        AND NOT EXISTS (
          SELECT 1 FROM hub_deliveries e
          WHERE e.sender_code = d.sender_code AND e.receiver_code = d.receiver_code AND e.document_key = d.document_key
            AND e.seq < d.seq AND e.state NOT IN ('delivered','abandoned'))
      ORDER BY d.next_attempt_at, d.seq
      LIMIT ${Math.max(1, Math.floor(limit))}
      FOR UPDATE OF d SKIP LOCKED`.execute(this.trx);
    return r.rows.map(toDelivery);
  }

  async findDelivery(id: string, options: { lock?: boolean } = {}): Promise<DeliveryRecord | undefined> {
    let q = this.trx.selectFrom('hub_deliveries').selectAll().where('id', '=', id);
    if (options.lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toDelivery(r);
  }

  async findDeliveries(ids: readonly string[], options: { lock?: boolean } = {}): Promise<DeliveryRecord[]> {
    if (ids.length === 0) return [];
    // In id order, so that two transactions locking overlapping sets take the locks in the same order.
    let q = this.trx.selectFrom('hub_deliveries').selectAll().where('id', 'in', [...ids]).orderBy('id');
    if (options.lock) q = q.forUpdate();
    return (await q.execute()).map(toDelivery);
  }

  async updateDelivery(id: string, patch: DeliveryPatch): Promise<void> {
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) values[COLUMN[k as keyof DeliveryPatch]] = v;
    if (Object.keys(values).length === 0) return;
    await this.trx.updateTable('hub_deliveries').set(values).where('id', '=', id).execute();
  }

  async listDeliveriesOfPackage(packageId: string): Promise<DeliveryRecord[]> {
    const rows = await this.trx.selectFrom('hub_deliveries').selectAll().where('package_id', '=', packageId).orderBy('seq').execute();
    return rows.map(toDelivery);
  }

  async listPackagesOfDocument(documentKey: string, receiverCode: string): Promise<{ pkg: OutboxRecord; delivery: DeliveryRecord }[]> {
    const outboxes = await this.trx.selectFrom('hub_outbox').selectAll().where('document_key', '=', documentKey).orderBy('created_at').orderBy('id').execute();
    if (outboxes.length === 0) return [];
    const deliveries = await this.trx.selectFrom('hub_deliveries').selectAll()
      .where('outbox_id', 'in', outboxes.map((o) => o.id)).where('receiver_code', '=', receiverCode).orderBy('seq').execute();
    return outboxes.flatMap((o) => {
      const d = deliveries.find((x) => x.outbox_id === o.id);
      return d ? [{ pkg: toOutbox(o), delivery: toDelivery(d) }] : [];
    });
  }

  async listPendingForPeer(peerId: string, limit: number): Promise<DeliveryRecord[]> {
    const r = await sql<Selectable<HubDeliveriesTable>>`
      SELECT d.* FROM hub_deliveries d
      WHERE d.peer_id = ${peerId} AND d.state IN ('pending','failed','sending')
        AND NOT EXISTS (
          SELECT 1 FROM hub_deliveries e
          WHERE e.sender_code = d.sender_code AND e.receiver_code = d.receiver_code AND e.document_key = d.document_key
            AND e.seq < d.seq AND e.state NOT IN ('delivered','abandoned'))
      ORDER BY d.seq LIMIT ${limit}`.execute(this.trx);
    return r.rows.map(toDelivery);
  }

  async insertInbox(e: NewInboxEntry): Promise<boolean> {
    const r = await this.trx
      .insertInto('hub_inbox')
      .values({
        agency_id: e.agencyId, package_id: e.packageId, delivery_id: e.deliveryId, kind: e.kind, sender_code: e.senderCode, receiver_code: e.receiverCode,
        business_type: e.businessType, document_id: e.documentId, payload_sha256: e.payloadSha256, received_at: e.receivedAt, processed_at: null,
      })
      .onConflict((oc) => oc.columns(['package_id', 'agency_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  }

  async listInbox(agencyId: string): Promise<InboxEntry[]> {
    const rows = await this.trx.selectFrom('hub_inbox').selectAll().where('agency_id', '=', agencyId).orderBy('received_at').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id, agencyId: r.agency_id, packageId: r.package_id, deliveryId: r.delivery_id, kind: r.kind, senderCode: r.sender_code,
      receiverCode: r.receiver_code, businessType: r.business_type, documentId: r.document_id, payloadSha256: r.payload_sha256, receivedAt: new Date(r.received_at),
    }));
  }

  async insertPeer(p: NewPeer): Promise<PeerRecord> {
    const r = await this.trx
      .insertInto('hub_peers')
      .values({
        name: p.name, code_prefixes: p.codePrefixes, endpoint_url: p.endpointUrl, certificate_pem: p.certificatePem, credentials_hash: p.credentialsHash,
        outbound_token: p.outboundToken, signature_policy: p.signaturePolicy, certificate_check: p.certificateCheck, max_package_bytes: p.maxPackageBytes, last_success_at: null, last_failure_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPeer(r);
  }

  async findPeerById(id: string): Promise<PeerRecord | undefined> {
    const r = await this.trx.selectFrom('hub_peers').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toPeer(r);
  }

  async findPeerByCredentialsHash(hash: string): Promise<PeerRecord | undefined> {
    const r = await this.trx.selectFrom('hub_peers').selectAll().where('credentials_hash', '=', hash).executeTakeFirst();
    return r && toPeer(r);
  }

  async listPeers(): Promise<PeerRecord[]> {
    return (await this.trx.selectFrom('hub_peers').selectAll().orderBy('name').execute()).map(toPeer);
  }

  async updatePeer(id: string, patch: PeerPatch): Promise<PeerRecord | undefined> {
    const columns: Record<keyof PeerPatch, keyof HubPeersTable> = {
      name: 'name', codePrefixes: 'code_prefixes', endpointUrl: 'endpoint_url', certificatePem: 'certificate_pem', credentialsHash: 'credentials_hash',
      outboundToken: 'outbound_token', signaturePolicy: 'signature_policy', certificateCheck: 'certificate_check', maxPackageBytes: 'max_package_bytes', active: 'active',
    };
    const values: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(columns) as [keyof PeerPatch, string][]) if (patch[key] !== undefined) values[column] = patch[key];
    if (Object.keys(values).length === 0) return this.findPeerById(id);
    const r = await this.trx.updateTable('hub_peers').set(values).where('id', '=', id).returningAll().executeTakeFirst();
    return r && toPeer(r);
  }

  async updatePeerHealth(id: string, patch: Partial<Pick<PeerRecord, 'lastSuccessAt' | 'lastFailureAt' | 'consecutiveFailures'>>): Promise<void> {
    const values: Record<string, unknown> = {};
    if (patch.lastSuccessAt !== undefined) values.last_success_at = patch.lastSuccessAt;
    if (patch.lastFailureAt !== undefined) values.last_failure_at = patch.lastFailureAt;
    if (patch.consecutiveFailures !== undefined) values.consecutive_failures = patch.consecutiveFailures;
    if (Object.keys(values).length > 0) await this.trx.updateTable('hub_peers').set(values).where('id', '=', id).execute();
  }

  async queueStats(): Promise<QueueStats[]> {
    const r = await sql<{ state: DeliveryRecord['state']; route: DeliveryRecord['route']; count: number; oldest: Date | string | null }>`
      SELECT state, route, count(*)::int AS count, min(created_at) AS oldest
      FROM hub_deliveries WHERE state NOT IN ('delivered','abandoned') GROUP BY state, route ORDER BY state, route`.execute(this.trx);
    return r.rows.map((x) => ({ state: x.state, route: x.route, count: Number(x.count), oldestCreatedAt: d(x.oldest) }));
  }

  async peerBacklog(): Promise<PeerBacklog[]> {
    const r = await sql<{ peer_id: string; waiting: number; dead: number; oldest: Date | string | null }>`
      SELECT peer_id,
        count(*) FILTER (WHERE state IN ('pending','sending','failed'))::int AS waiting,
        count(*) FILTER (WHERE state = 'dead')::int AS dead,
        min(created_at) FILTER (WHERE state IN ('pending','sending','failed')) AS oldest
      FROM hub_deliveries WHERE peer_id IS NOT NULL AND state NOT IN ('delivered','abandoned') GROUP BY peer_id`.execute(this.trx);
    return r.rows.map((x) => ({ peerId: x.peer_id, waiting: Number(x.waiting), dead: Number(x.dead), oldestWaitingAt: d(x.oldest) }));
  }

  async listDeadLetters(page: { limit: number; offset: number }): Promise<{ items: DeadLetter[]; total: number }> {
    const rows = await this.trx
      .selectFrom('hub_deliveries as d')
      .innerJoin('hub_outbox as o', 'o.id', 'd.outbox_id')
      .select(['d.id', 'd.package_id', 'o.document_id', 'o.kind', 'd.sender_code', 'd.receiver_code', 'd.last_error_code', 'd.last_error_origin',
        'd.last_error_message', 'd.attempts', 'd.first_attempt_at', 'd.last_attempt_at', 'd.created_at'])
      .where('d.state', '=', 'dead')
      .orderBy('d.created_at')
      .orderBy('d.seq')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const total = await this.trx.selectFrom('hub_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'dead').executeTakeFirstOrThrow();
    return {
      total: Number(total.n),
      items: rows.map((r) => ({
        deliveryId: r.id, packageId: r.package_id, documentId: r.document_id, kind: r.kind, senderCode: r.sender_code, receiverCode: r.receiver_code,
        code: r.last_error_code, origin: r.last_error_origin, message: r.last_error_message, attempts: r.attempts,
        firstAttemptAt: d(r.first_attempt_at), lastAttemptAt: d(r.last_attempt_at), createdAt: new Date(r.created_at),
      })),
    };
  }
}
