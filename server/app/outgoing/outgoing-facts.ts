import type { SignatureCheck } from '../../domain/report/facts.ts';
import { canonicalDocumentId, documentIdKey } from '../../domain/exchange/document-id.ts';
import type { DocumentValidation, SignatureStatus } from '../../domain/signature/validation-result.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

/**
 * The supervision facts this module records (server/app/reports/README.md, "Contract for the
 * document workflows"), always inside the transaction of the change they describe.
 */

const CHECK: Record<SignatureStatus, SignatureCheck> = { VALID: 'valid', INVALID: 'invalid', INDETERMINATE: 'indeterminate' };

/** The main file's two signatures as checked at issue: the first is the competent signer's, the last the organisation's. */
export function signatureChecks(validation: DocumentValidation): { competentSignature: SignatureCheck; orgSignature: SignatureCheck } {
  const s = validation.signatures;
  return {
    competentSignature: s[0] ? CHECK[s[0].status] : 'missing',
    orgSignature: s.length >= 2 ? CHECK[s[s.length - 1]!.status] : 'missing',
  };
}

/** The fact log's key of an issued document: its EDXML DocumentId (built the same way when no package went out). */
export async function documentKeyOf(tx: TxPorts, doc: OutgoingDocumentRecord): Promise<string> {
  if (doc.edxmlDocumentId) return documentIdKey(doc.edxmlDocumentId);
  const agency = await tx.agencies.findById(doc.agencyId);
  return documentIdKey(canonicalDocumentId(agency?.code ?? doc.agencyId, (doc.issuedDate ?? '').replace(/-/g, '/'), doc.codeNumber ?? '', doc.codeNotation ?? ''));
}

/** `outgoing.issued`: recipients are the other agencies (electronic by code, paper by name); own units are not listed. */
export async function recordIssued(
  tx: TxPorts,
  doc: OutgoingDocumentRecord,
  at: Date,
  checks: { competentSignature: SignatureCheck; orgSignature: SignatureCheck },
): Promise<void> {
  const recipients = [];
  for (const r of await tx.outgoing.listRecipients(doc.id)) {
    if (r.kind === 'unit') continue;
    if (r.kind === 'paper') {
      recipients.push({ key: r.name, channel: 'paper' as const });
      continue;
    }
    const agency = r.recipientAgencyId ? await tx.agencies.findById(r.recipientAgencyId) : undefined;
    recipients.push(agency?.code ? { key: agency.code, channel: 'electronic' as const } : { key: r.name, channel: 'paper' as const });
  }
  await tx.supervisionFacts.record({
    kind: 'outgoing.issued', agencyId: doc.agencyId, documentKey: await documentKeyOf(tx, doc), occurredAt: at,
    data: { urgency: doc.urgency, signedAt: doc.signedAt?.toISOString() ?? null, ...checks, recipients, paperCopyReason: null },
  });
}
