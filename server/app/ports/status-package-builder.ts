/**
 * Builds and signs a status package (exchange.md §3) about an incoming document for its sender:
 * the bytes to hand to the hub with storePackagePayload + sendPackage.
 */
import type { StatusCode } from '../../domain/exchange/status-codes.ts';

export interface StatusPackageInput {
  /** The code the document was addressed to: this organ, reporting. */
  fromCode: string;
  fromName: string;
  /** The issuer of the document, who gets the status. */
  toCode: string;
  /** "number/notation" of the document answered. */
  code: string;
  /** Local date YYYY-MM-DD of the document, if known. */
  promulgationDate: string | null;
  documentId: string;
  statusCode: StatusCode;
  description: string;
  staff: { department?: string; name?: string };
  at: Date;
}

export interface StatusPackageBuilder {
  build(input: StatusPackageInput): Promise<{ packageId: string; bytes: Buffer }>;
}
