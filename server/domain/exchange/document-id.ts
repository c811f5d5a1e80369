/** `DocumentId` (exchange.md §2.6): canonical form for emission, opaque keys on input. */

/** `<issuer OrganId>,<PromulgationDate yyyy/MM/dd>,<CodeNumber>/<CodeNotation>`. */
export function canonicalDocumentId(issuerOrganId: string, promulgationDate: string, codeNumber: string, codeNotation: string): string {
  return `${issuerOrganId},${promulgationDate},${codeNumber}/${codeNotation}`;
}

/** The key input `DocumentId`s are compared by: trimmed and NFC-normalised, never rebuilt. */
export function documentIdKey(documentId: string): string {
  return documentId.trim().normalize('NFC');
}

export function sameDocumentId(a: string, b: string): boolean {
  return documentIdKey(a) === documentIdKey(b);
}
