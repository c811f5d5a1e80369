import type { Urgency } from '../document/urgency.ts';

/**
 * The facts the supervision indicators (domain.md §15) are computed from. The document workflows
 * record them in the same transaction as their own changes; the hub's custody and dead deliveries
 * are read from the hub's tables. Instants inside `data` are ISO 8601 strings (they live in JSON).
 */
export type SignatureCheck = 'valid' | 'invalid' | 'indeterminate' | 'missing';
export type Channel = 'electronic' | 'paper';
/** In-province (through this hub to an agency of the province) or external (other provinces, the national axis). */
export type ReachScope = 'province' | 'external';

interface FactBase {
  /** The agency the fact counts for (issuer of an outgoing document, receiver of an incoming one). */
  readonly agencyId: string;
  /** Outgoing: the EDXML DocumentId (documentIdKey). Incoming: the incoming document's own id. */
  readonly documentKey: string;
  readonly occurredAt: Date;
}

export interface OutgoingRecipient {
  /** Identifier code of the receiving organ, or a name for recipients outside the exchange. */
  readonly key: string;
  readonly channel: Channel;
}

export interface DeadlineData {
  /** Local date YYYY-MM-DD. */
  deadline: string;
  /** The lead unit and person (for the leaders' workload view). */
  unitId: string | null;
  userId: string | null;
}

export type SupervisionFact =
  | (FactBase & {
      kind: 'outgoing.issued';
      data: {
        urgency: Urgency;
        /** The competent signer's signature time; null when the document has none (counted from issue). */
        signedAt: string | null;
        competentSignature: SignatureCheck;
        orgSignature: SignatureCheck;
        /** Recipients outside the issuing agency: own units and "Lưu" lines are not listed. */
        recipients: OutgoingRecipient[];
        /** EDXML Paper = 1 with its exception reason (Decision 28/2018 Art. 7.2), else null. */
        paperCopyReason: string | null;
      };
    })
  /** One delivery taken into hub custody (read from hub_deliveries). */
  | (FactBase & { kind: 'outgoing.custody'; data: { receiverKey: string; scope: ReachScope } })
  /** A paper master copy posted to a recipient after issue (one not already listed at issue). */
  | (FactBase & { kind: 'outgoing.paper_sent'; data: { receiverKey: string } })
  /** Status 02 received: a receiver refused one of the agency's documents. */
  | (FactBase & { kind: 'outgoing.refused_by_receiver'; data: { receiverKey: string; reason: string } })
  /** Status 13 sent to one receiver. */
  | (FactBase & { kind: 'outgoing.recall_sent'; data: { receiverKey: string } })
  /** A 15 or 16 answer to the agency's change request. */
  | (FactBase & { kind: 'outgoing.change_answered'; data: { receiverKey: string; code: '15' | '16'; reason: string | null } })
  /** Status 01: an electronic arrival, with the check result of §8.3. */
  | (FactBase & {
      kind: 'incoming.arrived';
      data: {
        urgency: Urgency;
        scope: ReachScope;
        /** In-province: the issuer's hub custody time; external: the issuer's first TraceHeader timestamp (null if absent). */
        sentAt: string | null;
        competentSignature: SignatureCheck;
        orgSignature: SignatureCheck;
      };
    })
  | (FactBase & { kind: 'incoming.registered'; data: { channel: Channel } })
  /** Status 02 given, with its reason. */
  | (FactBase & { kind: 'incoming.refused'; data: { reason: string } })
  /** The lead deadline set at direction, or a granted extension: the latest one recorded by T is effective. */
  | (FactBase & { kind: 'incoming.deadline_set'; data: DeadlineData })
  | (FactBase & { kind: 'incoming.deadline_extended'; data: DeadlineData })
  /** Status 06: finished or filed for information. */
  | (FactBase & { kind: 'incoming.finished'; data: Record<string, never> })
  /** Status 15 given to a recall or replacement: the document is cancelled here. */
  | (FactBase & { kind: 'incoming.cancelled'; data: Record<string, never> })
  /** A delivery to the agency went dead or expired (read from hub_deliveries); agencyId is the receiver. */
  | (FactBase & { kind: 'delivery.failed'; data: { code: string } });

export type FactKind = SupervisionFact['kind'];

export const FACT_KINDS: readonly FactKind[] = [
  'outgoing.issued', 'outgoing.custody', 'outgoing.paper_sent', 'outgoing.refused_by_receiver', 'outgoing.recall_sent',
  'outgoing.change_answered', 'incoming.arrived', 'incoming.registered', 'incoming.refused', 'incoming.deadline_set',
  'incoming.deadline_extended', 'incoming.finished', 'incoming.cancelled', 'delivery.failed',
];

/** Levels of domain.md §15.1 (the directory's district offices count with their district). */
export type ReportLevel = 'province' | 'department' | 'district' | 'commune';

/** What the directory says about an agency at T (for R15 and the groupings). */
export interface ReportAgency {
  readonly id: string;
  readonly name: string;
  readonly level: ReportLevel;
  /** The district UBND this agency belongs to (itself for a district), else null. */
  readonly districtId: string | null;
  readonly hasOpenCode: boolean;
  readonly hasActiveClerk: boolean;
  readonly receivingSuspended: boolean;
}
