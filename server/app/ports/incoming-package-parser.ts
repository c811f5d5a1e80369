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
  attachments: { name: string; contentType: string | undefined; description: string | undefined; bytes: Buffer }[];
  warnings: string[];
}

export interface IncomingPackageParser {
  /** Throws when the bytes are not a readable document package. */
  parse(bytes: Buffer): ParsedArrival;
}
