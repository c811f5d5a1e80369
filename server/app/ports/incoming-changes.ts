/**
 * Change requests at the receiving organ (exchange.md §2.8, §3.3): what a received revocation
 * (type 1), update (type 2) or replacement (type 3) asks of the clerk. Parked while the target is
 * unknown (one TTL), then unmatched.
 */
export type ChangeRequestKind = 'revoke' | 'update' | 'replace';
export type ChangeRequestState = 'parked' | 'open' | 'accepted' | 'refused' | 'unmatched';

/** The metadata a type 2 package carries (and the previous version kept on acceptance). */
export interface ChangeMetadata {
  subject: string;
  codeNumber: string;
  codeNotation: string;
  promulgationDate: string | null;
  typeName: string;
  signerName: string | null;
  dueDate: string | null;
  urgency: string;
}

export interface ChangeRequestRecord {
  id: string;
  agencyId: string;
  inboxId: string;
  packageId: string;
  kind: ChangeRequestKind;
  targetDocumentId: string;
  incomingId: string | null;
  /** Type 3: the new document that replaces the target. */
  replacementId: string | null;
  senderCode: string;
  reason: string | null;
  metadata: ChangeMetadata | null;
  previousMetadata: ChangeMetadata | null;
  state: ChangeRequestState;
  answerReason: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  receivedAt: Date;
  parkUntil: Date;
}

export type NewChangeRequest = Omit<ChangeRequestRecord, 'id' | 'previousMetadata' | 'answerReason' | 'answeredBy' | 'answeredAt'>;

/** A status package in an agency's inbox about a document that agency did not send (a recall request `13` is the incoming side's). */
export interface ForeignStatusArrival {
  inboxId: string;
  agencyId: string;
  packageId: string;
  senderCode: string;
  documentId: string | null;
  payloadSha256: string;
  receivedAt: Date;
}

export interface ChangeRequestRepository {
  /** One such unprocessed status package, locked (SKIP LOCKED); statuses about the agency's outgoing documents are the outgoing side's. */
  claimForeignStatus(): Promise<ForeignStatusArrival | undefined>;
  markInboxProcessed(inboxId: string, at: Date): Promise<void>;
  insert(r: NewChangeRequest): Promise<ChangeRequestRecord>;
  findById(id: string, options?: { lock?: boolean }): Promise<ChangeRequestRecord | undefined>;
  listForDocument(incomingId: string): Promise<ChangeRequestRecord[]>;
  /** Parked or unmatched requests of the agency, newest first. */
  listUnlinked(agencyId: string): Promise<ChangeRequestRecord[]>;
  /** Parked requests naming `documentId` whose TTL has not passed at `now`. */
  findParked(agencyId: string, documentId: string, now: Date): Promise<ChangeRequestRecord[]>;
  update(id: string, patch: Partial<Pick<ChangeRequestRecord, 'state' | 'incomingId' | 'previousMetadata' | 'answerReason' | 'answeredBy' | 'answeredAt'>>): Promise<void>;
  /** Parked requests past their TTL become unmatched; returns them. */
  expireParked(now: Date): Promise<ChangeRequestRecord[]>;
}
