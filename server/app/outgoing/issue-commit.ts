import type { IssueStep } from '../../domain/document/issue-steps.ts';
import type { Actor } from '../actor.ts';
import type { OutgoingDocumentRecord, OutgoingPatch } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';
import { indexOutgoing } from './outgoing-index.ts';

/**
 * Commits one step: under the document's row lock, and only if no other run completed it meanwhile
 * (then the fresh row is returned and the caller carries on from there).
 */
export async function commitStep(
  deps: OutgoingDeps,
  actor: Actor | null,
  doc: OutgoingDocumentRecord,
  step: IssueStep,
  work: (tx: TxPorts, fresh: OutgoingDocumentRecord) => Promise<OutgoingPatch>,
  data: Record<string, unknown> = {},
): Promise<OutgoingDocumentRecord> {
  return deps.uow.run(async (tx) => {
    const fresh = (await tx.outgoing.findById(doc.id, { lock: true }))!;
    if (fresh.issueStep !== doc.issueStep || (fresh.state !== 'issuing' && !(step === 'numbered' && fresh.state === 'signed'))) return fresh;
    const patch = await work(tx, fresh);
    await tx.outgoing.update(doc.id, { ...patch, issueStep: step, updatedAt: deps.clock.now() });
    await indexOutgoing(tx, doc.id);
    await tx.audit.record({
      type: step === 'sent' ? 'outgoing.issued' : 'outgoing.issue_step', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null,
      agencyId: doc.agencyId, subjectType: 'outgoing_document', subjectId: doc.id, data: { step, ...data, by: actor ? 'user' : 'resume' },
    });
    deps.faults?.beforeCommit?.(step);
    return (await tx.outgoing.findById(doc.id))!;
  });
}


export function fileName(doc: Pick<OutgoingDocumentRecord, 'codeNumber' | 'codeNotation'>, suffix: string): string {
  return `${doc.codeNumber}-${(doc.codeNotation ?? '').replace(/\//g, '-')}${suffix}.pdf`;
}
