/**
 * Storage of incoming documents (domain.md §8), their files and history, assignments, extensions,
 * deadline defaults, case files (§13), notifications and reminders. The use cases in app/incoming
 * define what they need; one transaction holds all of it (TxPorts.incoming).
 */
import type { IncomingState } from '../../domain/document/incoming-states.ts';

export type Channel = 'electronic' | 'paper';
export type SignatureCheckStatus = 'valid' | 'invalid' | 'indeterminate' | 'unsigned' | 'not_checked';
export type AssignmentKind = 'lead' | 'coordinating' | 'informed';
export type AssignmentState = 'pending' | 'in_progress' | 'done' | 'returned' | 'closed';

export interface IncomingRecord {
  id: string;
  agencyId: string;
  state: IncomingState;
  channel: Channel;
  inboxId: string | null;
  packageId: string | null;
  documentId: string | null;
  senderCode: string | null;
  receiverCode: string | null;
  senderName: string;
  codeNumber: string;
  codeNotation: string;
  /** Local date YYYY-MM-DD. */
  promulgationDate: string | null;
  typeName: string;
  subject: string;
  signerName: string | null;
  /** The sender's reply-by date (DueDate), local YYYY-MM-DD. */
  dueDate: string | null;
  urgency: string;
  receivedAt: Date;
  signatureStatus: SignatureCheckStatus;
  signatureDetails: unknown;
  warnings: string[];
  duplicateOf: string | null;
  duplicateReason: string | null;
  registerId: string | null;
  arrivalNumber: number | null;
  arrivalYear: number | null;
  registeredAt: Date | null;
  registeredBy: string | null;
  refusedAt: Date | null;
  refusedBy: string | null;
  refusalReason: string | null;
  presentedTo: string | null;
  /** Last status code sent to the sender ('none', '01'…'06'). */
  exchangeState: string;
  firstPassedAt: Date | null;
  finishedAt: Date | null;
  outcome: string | null;
  outcomeNote: string | null;
  createdAt: Date;
}

export type NewIncoming = Pick<IncomingRecord, 'agencyId' | 'state' | 'channel' | 'senderName' | 'subject' | 'receivedAt' | 'signatureStatus'> &
  Partial<Omit<IncomingRecord, 'id' | 'createdAt'>> & { createdBy?: string | null };

export type IncomingPatch = Partial<Omit<IncomingRecord, 'id' | 'agencyId' | 'createdAt'>> & { registerNumberId?: string | null };

export interface IncomingFileRecord {
  id: string;
  incomingId: string;
  agencyId: string;
  role: 'attachment' | 'working';
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  description: string | null;
  signatureStatus: string | null;
  signatureDetails: unknown;
  uploadedBy: string | null;
  assignmentId: string | null;
  createdAt: Date;
}

export type NewIncomingFile = Omit<IncomingFileRecord, 'id'>;

export interface AssignmentRecord {
  id: string;
  incomingId: string;
  agencyId: string;
  parentId: string | null;
  kind: AssignmentKind;
  assigneeUnitId: string | null;
  assigneeUserId: string | null;
  assignedBy: string;
  onBehalfOf: string | null;
  instruction: string;
  /** Effective deadline (last granted extension, else as assigned), local YYYY-MM-DD. */
  deadline: string | null;
  state: AssignmentState;
  startedAt: Date | null;
  finishedAt: Date | null;
  finishNote: string | null;
  createdAt: Date;
}

export type NewAssignment = Omit<AssignmentRecord, 'id' | 'startedAt' | 'finishedAt' | 'finishNote'>;

export interface EventRecord {
  id: string;
  incomingId: string;
  assignmentId: string | null;
  kind: string;
  actorUserId: string | null;
  onBehalfOf: string | null;
  text: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

export type NewEvent = Omit<EventRecord, 'id'> & { agencyId: string };

export interface ExtensionRecord {
  id: string;
  assignmentId: string;
  agencyId: string;
  requestedBy: string;
  reason: string;
  previousDeadline: string | null;
  proposedDeadline: string;
  state: 'pending' | 'granted' | 'refused';
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Date;
}

export interface CaseFileRecord {
  id: string;
  agencyId: string;
  year: number;
  notation: string;
  title: string;
  retention: string;
  keeperUserId: string;
  openedAt: Date;
  closedAt: Date | null;
}

export interface NotificationRecord {
  id: string;
  seq: number;
  userId: string;
  kind: string;
  title: string;
  body: string;
  incomingId: string | null;
  assignmentId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export type NewNotification = Omit<NotificationRecord, 'id' | 'seq' | 'readAt'> & { agencyId: string };

/** A hub_inbox row of kind 'document' not yet turned into an incoming document. */
export interface PendingArrival {
  inboxId: string;
  agencyId: string;
  packageId: string;
  senderCode: string;
  receiverCode: string;
  documentId: string | null;
  payloadSha256: string;
  /** Size of the stored package, when known (read into one buffer of that size). */
  payloadSize?: number;
  receivedAt: Date;
  /** Where the hub took the package from: an agency of this deployment (`local`, in-province) or a peer (external). */
  origin: 'local' | 'peer';
  /** When the hub took custody of it (hub_outbox.created_at). */
  custodyAt: Date | null;
}

/** One open assignment with what a work list shows of its document. */
export interface WorkItem {
  assignment: AssignmentRecord;
  document: Pick<IncomingRecord, 'id' | 'subject' | 'senderName' | 'codeNumber' | 'codeNotation' | 'arrivalNumber' | 'urgency' | 'state'>;
  assigneeName: string | null;
}

export interface RegisterRow {
  document: IncomingRecord;
  /** Names of the lead assignees (units or persons) at direction, for column 7. */
  passedTo: string[];
  receivedBy: string | null;
}

export interface IncomingRepository {
  /** Locks the oldest unprocessed document arrival no other worker holds. */
  claimArrival(): Promise<PendingArrival | undefined>;
  markArrivalProcessed(inboxId: string, at: Date): Promise<void>;
  insert(doc: NewIncoming): Promise<IncomingRecord>;
  findById(id: string, options?: { lock?: boolean }): Promise<IncomingRecord | undefined>;
  findByInbox(inboxId: string): Promise<IncomingRecord | undefined>;
  update(id: string, patch: IncomingPatch): Promise<void>;
  /** The agency's newest document with this DocumentId (compared trimmed and NFC), optionally in given states only. */
  findByDocumentId(agencyId: string, documentId: string, states?: readonly string[]): Promise<IncomingRecord | undefined>;
  /** A known document of the agency with the same DocumentId, or sender + number + notation + year. */
  findDuplicate(agencyId: string, key: { documentId: string | null; senderKey: string; codeNumber: string; codeNotation: string; year: string | null }, excludeId?: string): Promise<{ id: string; reason: string } | undefined>;
  /** Newest first. `visibleTo` limits to documents with an assignment to the user or unit. */
  list(agencyId: string, filter: { states?: readonly string[]; visibleTo?: { userId: string; unitId: string | null }; limit: number }): Promise<IncomingRecord[]>;
  insertFile(file: NewIncomingFile): Promise<IncomingFileRecord>;
  listFiles(incomingId: string): Promise<IncomingFileRecord[]>;
  findFile(id: string): Promise<IncomingFileRecord | undefined>;
  insertEvent(event: NewEvent): Promise<void>;
  listEvents(incomingId: string): Promise<EventRecord[]>;
  /** The agency's open incoming register numbering in `year`, created (once, race-free) when there is none. */
  ensureIncomingRegister(agencyId: string, year: number): Promise<string>;
  registerRows(agencyId: string, registerId: string, year: number): Promise<RegisterRow[]>;
  deadlineDays(agencyId: string, typeCode: string, urgency: string): Promise<number | undefined>;
  listDeadlineSettings(agencyId: string): Promise<{ typeCode: string; urgency: string; workingDays: number }[]>;
  upsertDeadlineSetting(agencyId: string, s: { typeCode: string; urgency: string; workingDays: number }, by: string, at: Date): Promise<void>;
}

export interface AssignmentRepository {
  insert(a: NewAssignment): Promise<AssignmentRecord>;
  findById(id: string, options?: { lock?: boolean }): Promise<AssignmentRecord | undefined>;
  update(id: string, patch: Partial<Pick<AssignmentRecord, 'state' | 'deadline' | 'startedAt' | 'finishedAt' | 'finishNote'>>): Promise<void>;
  listForDocument(incomingId: string): Promise<AssignmentRecord[]>;
  /** Open assignments of the user, of the unit (when given), and (when given) open ones the user assigned. */
  listWork(agencyId: string, who: { userId: string; unitId: string | null; assignedBy: boolean }): Promise<WorkItem[]>;
  /** Open assignments with a deadline on or before `date`, every agency (the reminder job). */
  listOpenDueBy(date: string): Promise<AssignmentRecord[]>;
  insertExtension(e: Omit<ExtensionRecord, 'id' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'state'>): Promise<ExtensionRecord>;
  findExtension(id: string, options?: { lock?: boolean }): Promise<ExtensionRecord | undefined>;
  decideExtension(id: string, d: { state: 'granted' | 'refused'; decidedBy: string; decidedAt: Date; note: string | null }): Promise<void>;
  listExtensions(incomingId: string): Promise<ExtensionRecord[]>;
  insertCaseFile(c: Omit<CaseFileRecord, 'id' | 'closedAt'>): Promise<CaseFileRecord | undefined>;
  findCaseFile(id: string, options?: { lock?: boolean }): Promise<CaseFileRecord | undefined>;
  listCaseFiles(agencyId: string): Promise<(CaseFileRecord & { documents: number })[]>;
  /** False when the document is already in the case file. */
  fileDocument(caseFileId: string, incomingId: string, by: string, at: Date): Promise<boolean>;
  /** Sets closed_at once; false when it was already closed. */
  closeCaseFile(id: string, at: Date): Promise<boolean>;
  listCaseFileDocuments(caseFileId: string): Promise<{ ordinal: number; incomingId: string; subject: string; codeNumber: string; codeNotation: string; filedAt: Date }[]>;
}

export interface NotificationRepository {
  insert(n: NewNotification): Promise<void>;
  list(userId: string, limit: number): Promise<NotificationRecord[]>;
  /** Unread count and the newest seq: what the live stream compares. */
  summary(userId: string): Promise<{ unread: number; latestSeq: number }>;
  markRead(userId: string, ids: readonly string[] | 'all', at: Date): Promise<number>;
  /** Takes a reminder once per (assignment, kind, deadline); false when it was taken before. */
  claimReminder(r: { assignmentId: string; kind: 'before' | 'overdue'; deadline: string; emailTo: string | null; at: Date }): Promise<string | undefined>;
  /** Reminders whose e-mail is owed; each is claimed (at-most-once) by marking it sent first. */
  claimUnsentEmail(at: Date): Promise<{ id: string; emailTo: string; assignmentId: string; kind: 'before' | 'overdue'; deadline: string } | undefined>;
  recordEmailError(id: string, error: string): Promise<void>;
  /** Users of the agency holding a role (optionally in one unit), with their e-mail. */
  usersWithRole(agencyId: string, role: string, unitId?: string): Promise<{ id: string; email: string | null; fullName: string }[]>;
  userContact(userId: string): Promise<{ id: string; email: string | null; fullName: string; agencyId: string; unitId: string | null } | undefined>;
}
