/**
 * The `incoming.*` supervision facts (server/app/reports/README.md, "Contract for the document
 * workflows"), recorded in the caller's transaction. `documentKey` is always the incoming
 * document's own id.
 */
import type { DocumentValidation } from '../../domain/signature/validation-result.ts';
import type { SignatureCheck } from '../../domain/report/facts.ts';
import { isUrgency } from '../../domain/document/urgency.ts';
import type { AssignmentRecord, IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

const CHECK: Record<DocumentValidation['status'], SignatureCheck> = { VALID: 'valid', INVALID: 'invalid', INDETERMINATE: 'indeterminate' };

/**
 * The §8.3 check of the main PDF at arrival: the competent signer signs first, the organisation
 * (its clerk) second (Decree 30 Art. 5); a signature not there is `missing`; a PDF that could not
 * be checked counts as `indeterminate` for both.
 */
export function mainFileChecks(validation: DocumentValidation | 'unchecked' | null): { competentSignature: SignatureCheck; orgSignature: SignatureCheck } {
  if (validation === 'unchecked') return { competentSignature: 'indeterminate', orgSignature: 'indeterminate' };
  const sigs = validation?.signatures ?? [];
  return {
    competentSignature: sigs[0] ? CHECK[sigs[0].status] : 'missing',
    orgSignature: sigs[1] ? CHECK[sigs[1].status] : 'missing',
  };
}

type Base = { agencyId: string; documentKey: string; occurredAt: Date };
const base = (doc: Pick<IncomingRecord, 'id' | 'agencyId'>, at: Date): Base => ({ agencyId: doc.agencyId, documentKey: doc.id, occurredAt: at });

export const incomingFacts = {
  arrived(tx: TxPorts, doc: IncomingRecord, at: Date, d: { scope: 'province' | 'external'; sentAt: Date | string | null; validation: DocumentValidation | 'unchecked' | null }): Promise<void> {
    const sentAt = d.sentAt === null ? null : typeof d.sentAt === 'string' ? d.sentAt : d.sentAt.toISOString();
    return tx.supervisionFacts.record({
      ...base(doc, at), kind: 'incoming.arrived',
      data: { urgency: isUrgency(doc.urgency) ? doc.urgency : 'normal', scope: d.scope, sentAt, ...mainFileChecks(d.validation) },
    });
  },
  registered(tx: TxPorts, doc: IncomingRecord, at: Date): Promise<void> {
    return tx.supervisionFacts.record({ ...base(doc, at), kind: 'incoming.registered', data: { channel: doc.channel } });
  },
  refused(tx: TxPorts, doc: IncomingRecord, at: Date, reason: string): Promise<void> {
    return tx.supervisionFacts.record({ ...base(doc, at), kind: 'incoming.refused', data: { reason } });
  },
  deadline(tx: TxPorts, kind: 'incoming.deadline_set' | 'incoming.deadline_extended', doc: Pick<IncomingRecord, 'id' | 'agencyId'>, at: Date, lead: Pick<AssignmentRecord, 'assigneeUnitId' | 'assigneeUserId'>, deadline: string): Promise<void> {
    return tx.supervisionFacts.record({ ...base(doc, at), kind, data: { deadline, unitId: lead.assigneeUnitId, userId: lead.assigneeUserId } });
  },
  finished(tx: TxPorts, doc: Pick<IncomingRecord, 'id' | 'agencyId'>, at: Date): Promise<void> {
    return tx.supervisionFacts.record({ ...base(doc, at), kind: 'incoming.finished', data: {} });
  },
  cancelled(tx: TxPorts, doc: Pick<IncomingRecord, 'id' | 'agencyId'>, at: Date): Promise<void> {
    return tx.supervisionFacts.record({ ...base(doc, at), kind: 'incoming.cancelled', data: {} });
  },
};
