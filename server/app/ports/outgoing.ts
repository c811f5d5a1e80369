/**
 * Storage of outgoing documents (văn bản đi, domain.md §7): the document, its versions, the review
 * history, its recipients with their business status and the status events, the agencies' review
 * chains, and the hub's status arrivals addressed to the agency (exchange.md §3).
 */
import type { IssueStep } from '../../domain/document/issue-steps.ts';
import type { OutgoingState } from '../../domain/document/outgoing-states.ts';
import type { ResolvedReviewStep, ReviewStepConfig } from '../../domain/document/review-chain.ts';
import type { Urgency } from '../../domain/document/urgency.ts';
import type { SignerBox } from '../../domain/signature/signer-box.ts';

export interface FrozenFile {
  fileId: string;
  sha256: string;
  name: string;
}

export interface OutgoingDocumentRecord {
  id: string;
  agencyId: string;
  state: OutgoingState;
  typeCode: string;
  subject: string;
  urgency: Urgency;
  draftingUnitId: string | null;
  drafterId: string;
  signerId: string | null;
  signerCapacity: string | null;
  /** The "Nơi nhận" lines printed on the document, one per line. */
  toPlaces: string;
  replyBy: string | null;
  copies: number | null;
  responseForIncomingId: string | null;
  mainFileId: string | null;
  attachmentFileIds: string[];
  version: number;
  reviewChain: ResolvedReviewStep[];
  /** Index in reviewChain of the step waiting (in_review). */
  reviewStep: number;
  signedAt: Date | null;
  signedBy: string | null;
  signedFileId: string | null;
  registerId: string | null;
  numberId: string | null;
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
  issueStep: IssueStep | null;
  issueStartedBy: string | null;
  stampedFileId: string | null;
  finalMainFileId: string | null;
  finalMainSha256: string | null;
  finalAttachments: FrozenFile[];
  registeredAt: Date | null;
  packageId: string | null;
  packageSha256: string | null;
  packageSize: number | null;
  edxmlDocumentId: string | null;
  issuedAt: Date | null;
  sentAt: Date | null;
  recallReason: string | null;
  recalledAt: Date | null;
  recalledBy: string | null;
  recallPackageId: string | null;
  /** Where the signer's image goes (box 7c), chosen by the drafter or the signer; null: the standard box on the last page. */
  signerBox: SignerBox | null;
  /** Type 3: the issued document of the same agency this one replaces (domain.md §9). */
  replacesDocumentId: string | null;
  /** Set on the replaced document once its replacement is issued. */
  replacedById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewOutgoingDocument = Pick<
  OutgoingDocumentRecord,
  'agencyId' | 'state' | 'typeCode' | 'subject' | 'urgency' | 'draftingUnitId' | 'drafterId' | 'signerId' | 'signerCapacity' | 'toPlaces' | 'replyBy'
  | 'copies' | 'responseForIncomingId' | 'mainFileId' | 'attachmentFileIds' | 'createdAt'
> & Partial<Pick<OutgoingDocumentRecord, 'replacesDocumentId'>>;

export type OutgoingPatch = Partial<Omit<OutgoingDocumentRecord, 'id' | 'agencyId' | 'createdAt'>>;

export interface OutgoingVersionRecord {
  id: string;
  documentId: string;
  version: number;
  /** The draft's fields as saved (type, subject, urgency, signer, recipients, nơi nhận …). */
  fields: Record<string, unknown>;
  mainFileId: string | null;
  attachmentFileIds: string[];
  createdBy: string;
  createdAt: Date;
}

export type ReviewAction = 'submitted' | 'approved' | 'returned' | 'signed' | 'issued' | 'withdrawn' | 'form_returned';

export interface OutgoingReviewRecord {
  id: string;
  documentId: string;
  version: number;
  step: number | null;
  action: ReviewAction;
  actorId: string;
  comment: string | null;
  actedAt: Date;
}

export interface OutgoingRecipientRecord {
  id: string;
  documentId: string;
  /** A directory agency (electronic), a unit of the own agency (internal) or an organisation outside the exchange (paper). */
  kind: 'agency' | 'unit' | 'paper';
  recipientAgencyId: string | null;
  unitId: string | null;
  name: string;
  /** Paper recipients: the postal address the master copy goes to. */
  address: string | null;
  /** Paper recipients: when the clerk recorded the master copy as posted. */
  paperSentAt: Date | null;
  /** Internal units: when the issued document reached the unit's workspace. */
  deliveredAt: Date | null;
  /** The identifier code the package was addressed to (set at issue). */
  organCode: string | null;
  /** Latest applied business status (exchange.md §3.2), null before any. */
  businessStatus: string | null;
  statusDescription: string | null;
  statusAt: Date | null;
  refusedReason: string | null;
  /** A change request (recall, update, replacement) sent and not yet answered. */
  changeOpen: ChangeKind | null;
  /** The answer to the last change request: 15 accepted, 16 refused (with its reason). */
  changeAnswer: string | null;
  changeAnswerReason: string | null;
  changeAnsweredAt: Date | null;
}

export type ChangeKind = 'revoke' | 'update' | 'replace';

export type RecipientPatch = Partial<Pick<OutgoingRecipientRecord, 'paperSentAt' | 'deliveredAt' | 'organCode' | 'businessStatus' | 'statusDescription' | 'statusAt' | 'refusedReason' | 'changeOpen' | 'changeAnswer' | 'changeAnswerReason' | 'changeAnsweredAt'>>;

export type NewOutgoingRecipient = Pick<OutgoingRecipientRecord, 'kind' | 'recipientAgencyId' | 'unitId' | 'name'> & { address?: string | null };

/** An update or replacement of an issued document (domain.md §9), kept with what changed. */
export interface OutgoingChangeRecord {
  id: string;
  documentId: string;
  kind: 'update' | 'replace';
  reason: string;
  /** Update: each changed field with its value before and after. */
  changes: { field: string; before: unknown; after: unknown }[];
  /** Update: recipients added (names). */
  addedRecipients: string[];
  /** Replace: the replacing document. */
  replacementId: string | null;
  packageId: string | null;
  createdBy: string;
  createdAt: Date;
}

/** A signing capacity an agency grants a user (domain.md §5.3); TUQ. carries its authorisation's reference and validity. */
export interface SigningGrantRecord {
  id: string;
  agencyId: string;
  userId: string;
  capacity: 'TM.' | 'KT.' | 'Q.' | 'TL.' | 'TUQ.';
  /** Types it covers; null: every type. */
  typeCodes: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
  reference: string | null;
  grantedBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface RecipientEventRecord {
  id: string;
  documentId: string;
  recipientId: string;
  statusCode: string;
  description: string | null;
  occurredAt: Date;
  receivedAt: Date;
  inboxId: string | null;
  outcome: 'applied' | 'late' | 'flagged';
  note: string | null;
}

export interface StatusArrival {
  inboxId: string;
  agencyId: string;
  packageId: string;
  senderCode: string;
  documentId: string | null;
  payloadSha256: string;
  receivedAt: Date;
}

export interface OutgoingListFilter {
  states?: OutgoingState[];
  limit: number;
}

export interface OutgoingRepository {
  create(doc: NewOutgoingDocument): Promise<OutgoingDocumentRecord>;
  findById(id: string, options?: { lock?: boolean }): Promise<OutgoingDocumentRecord | undefined>;
  findByEdxmlDocumentId(agencyId: string, documentId: string): Promise<OutgoingDocumentRecord | undefined>;
  update(id: string, patch: OutgoingPatch): Promise<void>;
  /** The agency's documents, most recently changed first; visibility is the use case's. */
  listByAgency(agencyId: string, filter: OutgoingListFilter): Promise<OutgoingDocumentRecord[]>;
  /** Documents left between numbering and sending (a crashed issue), for the resume pass. */
  listIssuing(limit: number): Promise<OutgoingDocumentRecord[]>;

  addVersion(v: Omit<OutgoingVersionRecord, 'id'>): Promise<OutgoingVersionRecord>;
  listVersions(documentId: string): Promise<OutgoingVersionRecord[]>;
  addReview(r: Omit<OutgoingReviewRecord, 'id'>): Promise<OutgoingReviewRecord>;
  listReviews(documentId: string): Promise<OutgoingReviewRecord[]>;
  /** Document ids where the user acted in or is named by the review (for visibility). */
  reviewedBy(userId: string): Promise<string[]>;

  replaceRecipients(documentId: string, recipients: NewOutgoingRecipient[]): Promise<OutgoingRecipientRecord[]>;
  /** Adds recipients to an issued document (an update's added organs), keeping the others and their statuses. */
  addRecipients(documentId: string, recipients: NewOutgoingRecipient[]): Promise<OutgoingRecipientRecord[]>;
  listRecipients(documentId: string): Promise<OutgoingRecipientRecord[]>;
  /** Documents of the agency delivered to one of its units as an internal recipient, most recently delivered first. */
  listDeliveredToUnit(agencyId: string, unitId: string, limit: number): Promise<OutgoingDocumentRecord[]>;
  updateRecipient(id: string, patch: RecipientPatch): Promise<void>;
  addRecipientEvent(e: Omit<RecipientEventRecord, 'id'>): Promise<RecipientEventRecord>;
  listRecipientEvents(documentId: string): Promise<RecipientEventRecord[]>;

  addChange(c: Omit<OutgoingChangeRecord, 'id'>): Promise<OutgoingChangeRecord>;
  listChanges(documentId: string): Promise<OutgoingChangeRecord[]>;
  /** Drafts and documents that replace the given one. */
  findReplacing(documentId: string): Promise<OutgoingDocumentRecord[]>;

  listSigningGrants(agencyId: string, userId?: string): Promise<SigningGrantRecord[]>;
  addSigningGrant(g: Omit<SigningGrantRecord, 'id' | 'revokedAt'>): Promise<SigningGrantRecord>;
  revokeSigningGrant(id: string, at: Date): Promise<void>;
  findSigningGrant(id: string): Promise<SigningGrantRecord | undefined>;

  reviewChain(agencyId: string): Promise<ReviewStepConfig[] | undefined>;
  setReviewChain(agencyId: string, steps: ReviewStepConfig[], by: string | null, at: Date): Promise<void>;

  /**
   * Status packages delivered to local agencies about their own outgoing documents and not yet applied,
   * oldest first, locked for this run (others, such as a 13 about a received document, are left alone).
   */
  claimStatusArrivals(limit: number): Promise<StatusArrival[]>;
  markArrivalProcessed(inboxId: string, at: Date): Promise<void>;
}
