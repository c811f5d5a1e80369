/**
 * Turns an issued outgoing document into the EDXML package the hub carries (exchange.md §2), signed
 * with the issuing agency's system certificate. One package for all external recipients (§4.3).
 */
import type { Bussiness, MessageHeader, TraceHeader } from '../../domain/exchange/package.ts';

export interface PackageAttachment {
  name: string;
  contentType: string;
  description?: string;
  bytes: Buffer;
}

export interface DocumentPackageInput {
  /** Lowercase UUID kept on the document: a retried issue rebuilds under the same id. */
  packageId: string;
  /** The issuing agency's identifier code: the package is signed with its organisation key. */
  agencyCode: string;
  MessageHeader: Omit<MessageHeader, 'DocumentId' | 'DocumentType'> & { DocumentType: { TypeName: string } };
  TraceHeader: TraceHeader[];
  Bussiness: Bussiness;
  attachments: PackageAttachment[];
}

export interface BuiltDocumentPackage {
  bytes: Buffer;
  /** The canonical `DocumentId` (exchange.md §2.6). */
  documentId: string;
}

export interface DocumentPackageBuilder {
  build(input: DocumentPackageInput): Promise<BuiltDocumentPackage>;
}
