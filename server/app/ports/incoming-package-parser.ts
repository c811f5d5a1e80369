import type { Readable } from 'node:stream';

/** Reads a received document package into what an incoming document needs (exchange.md §2). */
export interface ParsedArrival {
  senderCode: string;
  senderName: string;
  codeNumber: string;
  codeNotation: string;
  /** Local YYYY-MM-DD. */
  promulgationDate: string | null;
  typeName: string;
  subject: string;
  signerName: string | null;
  dueDate: string | null;
  /** EDXML Priority as sent. */
  priority: string | undefined;
  documentId: string;
  businessType: string;
  /** The first TraceHeader's timestamp (the issuer's sending time), ISO 8601; null when absent or unreadable. */
  firstTraceAt: string | null;
  /** Types 1 and 2: the DocumentId revoked or updated (`Bussiness/DocumentId`, else the header's). */
  changeTarget: string | null;
  /** `Bussiness/BussinessDocReason`. */
  changeReason: string | null;
  /** Type 2: receivers listed in `BussinessDocumentInfo/ReceiverList` with their ReceiverType. */
  changeReceivers: { organId: string; receiverType: string }[];
  /** Type 3: the documents replaced and the organs that must apply it. */
  replaces: { documentId: string; organIds: string[] }[];
  /**
   * Each file decoded (and unpacked) as a stream when `open()` is called, straight from the package
   * bytes: a large file is never held whole. A stream that fails emits the refusal as its error.
   */
  attachments: { name: string; contentType: string | undefined; description: string | undefined; open(): Readable }[];
  warnings: string[];
}

export interface IncomingPackageParser {
  /** Throws when the bytes are not a readable document package. */
  parse(bytes: Buffer): ParsedArrival;
  /**
   * The same for a stored package, never held whole: a large one is copied to a local temporary file
   * and read from there in windows. Call `release()` once done with the attachments (it removes that
   * file); a process that dies first leaves it to the start-up sweep.
   */
  parseStored(open: () => Promise<Readable>, size: number | undefined): Promise<ParsedArrival & { release(): Promise<void> }>;
}
