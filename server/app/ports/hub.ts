/**
 * What the hub's use cases (app/hub) need: storage of packages in custody, deliveries, inboxes,
 * peers and the trace (inside a transaction). The wire side (reader for received bytes,
 * acknowledgements, the client that pushes to a peer hub) is in ./hub-wire.ts. exchange.md §4–§5.
 */
import type { RefusalOrigin } from '../../domain/exchange/refusal.ts';


export type PackageKind = 'document' | 'status';
export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'failed' | 'dead' | 'abandoned';
export type DeliveryRoute = 'local' | 'peer' | 'none';
export type SignaturePolicy = 'required' | 'unsigned-allowed';
/**
 * How far a peer's signing certificate is checked (§2.7): `registered` = it is the registered
 * certificate; `chain` = and it chains to a configured trust anchor (the signing module's anchors);
 * `chain-revocation` = and a current CRL says it is not revoked (no CRL: indeterminate, retried).
 */
export type CertificateCheck = 'registered' | 'chain' | 'chain-revocation';
export const CERTIFICATE_CHECKS: readonly CertificateCheck[] = ['registered', 'chain', 'chain-revocation'];
export const SIGNATURE_POLICIES: readonly SignaturePolicy[] = ['required', 'unsigned-allowed'];

export interface PeerRecord {
  id: string;
  name: string;
  /** Codes the peer serves and may send for: an exact code, or a level-1 group such as `H41`. */
  codePrefixes: string[];
  endpointUrl: string | null;
  certificatePem: string | null;
  /** Bearer token this hub presents when pushing to the peer. */
  outboundToken: string | null;
  signaturePolicy: SignaturePolicy;
  certificateCheck: CertificateCheck;
  maxPackageBytes: number | null;
  active: boolean;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  consecutiveFailures: number;
}

export interface NewPeer {
  name: string;
  codePrefixes: string[];
  endpointUrl: string | null;
  certificatePem: string | null;
  credentialsHash: string;
  outboundToken: string | null;
  signaturePolicy: SignaturePolicy;
  certificateCheck: CertificateCheck;
  maxPackageBytes: number | null;
}

/** What an operator may change of a registered peer (`credentialsHash` replaces the inbound token). */
export type PeerPatch = Partial<NewPeer & { active: boolean }>;

export interface OutboxRecord {
  id: string;
  packageId: string;
  kind: PackageKind;
  origin: 'local' | 'peer';
  fromPeerId: string | null;
  senderAgencyId: string | null;
  senderCode: string;
  receiverCodes: string[];
  businessType: string | null;
  documentId: string | null;
  documentKey: string;
  priority: number;
  payloadSha256: string;
  payloadSize: number;
  unsignedAdmitted: boolean;
  createdAt: Date;
  /** Statuses: the deduplication key (From, ResponseFor/DocumentId, StatusCode, Timestamp) of §4.2. */
  statusKey?: string | null;
}

export type NewOutbox = Omit<OutboxRecord, 'id'>;

export interface DeliveryRecord {
  id: string;
  seq: number;
  outboxId: string;
  packageId: string;
  senderCode: string;
  receiverCode: string;
  documentKey: string;
  route: DeliveryRoute;
  receiverAgencyId: string | null;
  peerId: string | null;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastErrorCode: string | null;
  lastErrorOrigin: RefusalOrigin | null;
  lastErrorMessage: string | null;
  deliveredAt: Date | null;
  ackResult: string | null;
  ackSha256: string | null;
  expiresAt: Date;
  createdAt: Date;
}

export type NewDelivery = Pick<
  DeliveryRecord,
  'outboxId' | 'packageId' | 'senderCode' | 'receiverCode' | 'documentKey' | 'route' | 'receiverAgencyId' | 'peerId' | 'state' | 'nextAttemptAt' | 'expiresAt' | 'createdAt'
> &
  Partial<Pick<DeliveryRecord, 'lastErrorCode' | 'lastErrorOrigin' | 'lastErrorMessage'>>;

export type DeliveryPatch = Partial<
  Pick<
    DeliveryRecord,
    | 'state' | 'attempts' | 'nextAttemptAt' | 'firstAttemptAt' | 'lastAttemptAt' | 'lastErrorCode' | 'lastErrorOrigin'
    | 'lastErrorMessage' | 'deliveredAt' | 'ackResult' | 'ackSha256' | 'expiresAt' | 'route' | 'receiverAgencyId' | 'peerId'
  >
> & { abandonedReason?: string; abandonedBy?: string; abandonedAt?: Date };

export interface NewInboxEntry {
  agencyId: string;
  packageId: string;
  deliveryId: string;
  kind: PackageKind;
  senderCode: string;
  receiverCode: string;
  businessType: string | null;
  documentId: string | null;
  payloadSha256: string;
  receivedAt: Date;
}

export interface InboxEntry extends NewInboxEntry {
  id: string;
}

/** A dead letter as operators see it (§4.4). */
export interface DeadLetter {
  deliveryId: string;
  packageId: string;
  documentId: string | null;
  kind: PackageKind;
  senderCode: string;
  receiverCode: string;
  code: string | null;
  origin: RefusalOrigin | null;
  message: string | null;
  attempts: number;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  createdAt: Date;
}

export interface QueueStats {
  state: DeliveryState;
  route: DeliveryRoute;
  count: number;
  oldestCreatedAt: Date | null;
}

export interface PeerBacklog {
  peerId: string;
  waiting: number;
  dead: number;
  oldestWaitingAt: Date | null;
}

export interface HubRepository {
  findPackage(packageId: string): Promise<OutboxRecord | undefined>;
  /** The packages with these ids that are in custody (any order). */
  findPackages(packageIds: readonly string[]): Promise<OutboxRecord[]>;
  /** The status package already in custody with this deduplication key, if any. */
  findPackageByStatusKey(statusKey: string): Promise<OutboxRecord | undefined>;
  /** Inserts a package taken into custody; undefined when its id is already there (a racing duplicate). */
  insertPackage(pkg: NewOutbox): Promise<OutboxRecord | undefined>;
  insertDelivery(delivery: NewDelivery): Promise<DeliveryRecord>;
  /**
   * Locks and returns the next delivery that is due at `now` and not blocked behind an earlier,
   * undelivered one of the same (sender, receiver, document); `sending` rows whose attempt began
   * before `staleBefore` count as due (their worker died). Skips rows other workers hold, and peers
   * paused by the circuit breaker (`failures` in a row, the last one after `pausedSince`).
   */
  claimDueDelivery(now: Date, staleBefore: Date, breaker: { failures: number; pausedSince: Date }): Promise<DeliveryRecord | undefined>;
  /** The same as `claimDueDelivery`, up to `limit` rows in one statement (in claim order). */
  claimDueDeliveries(now: Date, staleBefore: Date, breaker: { failures: number; pausedSince: Date }, limit: number): Promise<DeliveryRecord[]>;
  findDelivery(id: string, options?: { lock?: boolean }): Promise<DeliveryRecord | undefined>;
  /** The deliveries with these ids (any order), locked FOR UPDATE when `lock`. */
  findDeliveries(ids: readonly string[], options?: { lock?: boolean }): Promise<DeliveryRecord[]>;
  updateDelivery(id: string, patch: DeliveryPatch): Promise<void>;
  listDeliveriesOfPackage(packageId: string): Promise<DeliveryRecord[]>;
  /** Packages in custody about one document (its key, §4.5) that have a delivery to `receiverCode`, oldest first. */
  listPackagesOfDocument(documentKey: string, receiverCode: string): Promise<{ pkg: OutboxRecord; delivery: DeliveryRecord }[]>;
  /** Deliveries the peer fetches itself (pull), oldest first. */
  listPendingForPeer(peerId: string, limit: number): Promise<DeliveryRecord[]>;
  /** False when the organ already holds this package (nothing inserted). */
  insertInbox(entry: NewInboxEntry): Promise<boolean>;
  listInbox(agencyId: string): Promise<InboxEntry[]>;

  insertPeer(peer: NewPeer): Promise<PeerRecord>;
  findPeerById(id: string): Promise<PeerRecord | undefined>;
  findPeerByCredentialsHash(hash: string): Promise<PeerRecord | undefined>;
  listPeers(): Promise<PeerRecord[]>;
  /** Changes a peer's registration (not its health); the updated peer, undefined for an unknown id. */
  updatePeer(id: string, patch: PeerPatch): Promise<PeerRecord | undefined>;
  updatePeerHealth(id: string, patch: Partial<Pick<PeerRecord, 'lastSuccessAt' | 'lastFailureAt' | 'consecutiveFailures'>>): Promise<void>;

  queueStats(): Promise<QueueStats[]>;
  peerBacklog(): Promise<PeerBacklog[]>;
  listDeadLetters(page: { limit: number; offset: number }): Promise<{ items: DeadLetter[]; total: number }>;
}

/** Every hop event a hub records about a package (§4.7). */
export const TRACE_KINDS = [
  'custody', 'duplicate', 'refused', 'queued', 'attempt', 'attempt_failed', 'delivered', 'receipt', 'dead', 'resent', 'expired', 'abandoned',
] as const;
export type TraceKind = (typeof TRACE_KINDS)[number];

export interface TraceEventInput {
  kind: TraceKind;
  packageId: string;
  documentId?: string | null;
  fromNode?: string | null;
  toNode?: string | null;
  packageSha256?: string | null;
  errorCode?: string | null;
  errorOrigin?: RefusalOrigin | null;
  data?: Record<string, unknown>;
}

export interface TraceRecord extends Required<Omit<TraceEventInput, 'data'>> {
  seq: number;
  occurredAt: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Appends to the hub's hash chain inside the caller's transaction. */
export interface HubTrace {
  record(event: TraceEventInput): Promise<TraceRecord>;
  listForPackage(packageId: string): Promise<TraceRecord[]>;
}

/** Settings of the hub that use cases read (defaults in app/hub/hub-settings.ts). */
export interface HubSettings {
  /** Identifier of this hub in the trace's from/to columns. */
  nodeName: string;
  maxPackageBytes: number;
  /** A `sending` delivery older than this is taken up again (its worker died mid-attempt). */
  sendingLeaseMs: number;
  /** Circuit breaker (§4.4): this many temporary failures in a row pause a peer for breakerPauseMs. */
  breakerFailures: number;
  breakerPauseMs: number;
  /** Peer batch push (`POST /api/hub/batch`): at most this many packages and this many body bytes per request, both ways. */
  batchMaxPackages: number;
  batchMaxBytes: number;
}
