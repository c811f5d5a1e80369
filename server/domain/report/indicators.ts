import type { Figures } from './figures.ts';
import { durations, rate, type Durations, type Rate } from './numbers.ts';

/** R1–R14 as shown in reports: counts, rates of sums and durations (domain.md §15.2). */
export interface Indicators {
  r1: Figures['r1'];
  r2: Figures['r2'];
  r3: Figures['r3'];
  r4: Figures['r4'];
  r5: Rate;
  r6: Rate;
  r7: Rate & { reasons: Record<string, number> };
  r8: { outgoing: Rate; incoming: Rate };
  r9: Rate;
  r10: Rate & { leftOut: number };
  r11: { sendToRegistration: Durations; arrivalToRegistration: Durations };
  r12: Rate & { finishedLate: number; openPastDeadline: number; openNotDue: number; withoutDeadline: number };
  r13: Figures['r13'];
  r14: Figures['r14'];
}

export function indicatorsOf(f: Figures): Indicators {
  return {
    r1: { ...f.r1 },
    r2: { ...f.r2 },
    r3: { ...f.r3 },
    r4: { ...f.r4 },
    r5: rate(f.r5.electronic, f.r5.recipients),
    r6: rate(f.r4.electronic, f.r4.total),
    r7: { ...rate(f.r7.paperCopies, f.r7.deliveries), reasons: { ...f.r7.reasons } },
    r8: { outgoing: rate(f.r8.outgoingSigned, f.r8.outgoingDocuments), incoming: rate(f.r8.incomingSigned, f.r8.incomingArrivals) },
    r9: rate(f.r9.onTime, f.r9.documents),
    r10: { ...rate(f.r10.onTime, f.r10.counted), leftOut: f.r10.leftOut },
    r11: {
      sendToRegistration: durations(f.r11.sendToRegistration, f.r11.clamped),
      arrivalToRegistration: durations(f.r11.arrivalToRegistration, f.r11.arrivalClamped),
    },
    r12: {
      ...rate(f.r12.onTime, f.r12.population),
      finishedLate: f.r12.finishedLate, openPastDeadline: f.r12.openPastDeadline, openNotDue: f.r12.openNotDue, withoutDeadline: f.r12.withoutDeadline,
    },
    r13: { ...f.r13 },
    r14: { ...f.r14, reasonsGiven: { ...f.r14.reasonsGiven }, reasonsReceived: { ...f.r14.reasonsReceived } },
  };
}

/** The rates a table can be ranked by; an agency whose denominator is empty is left out (§15.1). */
export const RANKABLE = {
  r5: (i: Indicators) => i.r5.percent,
  r6: (i: Indicators) => i.r6.percent,
  r7: (i: Indicators) => i.r7.percent,
  r8out: (i: Indicators) => i.r8.outgoing.percent,
  r8in: (i: Indicators) => i.r8.incoming.percent,
  r9: (i: Indicators) => i.r9.percent,
  r10: (i: Indicators) => i.r10.percent,
  r12: (i: Indicators) => i.r12.percent,
} as const;
export type RankableIndicator = keyof typeof RANKABLE;

export interface Ranked<T> {
  readonly rank: number;
  readonly value: number;
  readonly item: T;
}

/** Highest first, ties share a rank (1, 2, 2, 4), then by name; "–" rows are left out. */
export function rankBy<T extends { name: string; indicators: Indicators }>(rows: readonly T[], indicator: RankableIndicator): Ranked<T>[] {
  const valued = rows
    .map((item) => ({ item, value: RANKABLE[indicator](item.indicators) }))
    .filter((r): r is { item: T; value: number } => r.value !== null)
    .sort((a, b) => b.value - a.value || a.item.name.localeCompare(b.item.name, 'vi'));
  return valued.map((r) => ({ ...r, rank: valued.findIndex((x) => x.value === r.value) + 1 }));
}
