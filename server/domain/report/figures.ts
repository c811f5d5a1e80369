/** Raw, summable counts per agency for R1–R15 (domain.md §15.2). Rates are derived from sums later. */
export interface Figures {
  r1: { total: number; electronic: number; paperOnly: number };
  r2: { total: number; province: number; external: number };
  r3: { total: number; registered: number; refused: number; pending: number };
  r4: { total: number; electronic: number; paper: number };
  r5: { electronic: number; recipients: number };
  r7: { paperCopies: number; deliveries: number; reasons: Record<string, number> };
  r8: { outgoingSigned: number; outgoingDocuments: number; incomingSigned: number; incomingArrivals: number };
  r9: { onTime: number; documents: number };
  r10: { onTime: number; counted: number; late: number; leftOut: number };
  /** Hours, already clamped at 0; medians need the values, so they are kept. */
  r11: { sendToRegistration: number[]; arrivalToRegistration: number[]; clamped: number; arrivalClamped: number };
  r12: { onTime: number; population: number; finishedLate: number; openPastDeadline: number; openNotDue: number; withoutDeadline: number };
  r13: { overdue: number; days1to5: number; days6to10: number; daysOver10: number };
  r14: { refusalsGiven: number; refusalsReceived: number; reasonsGiven: Record<string, number>; reasonsReceived: Record<string, number>; recallsSent: number; accepted15: number; refused16: number };
  r15: { lateArrivals: number; failedDeliveries: number };
}

export function emptyFigures(): Figures {
  return {
    r1: { total: 0, electronic: 0, paperOnly: 0 },
    r2: { total: 0, province: 0, external: 0 },
    r3: { total: 0, registered: 0, refused: 0, pending: 0 },
    r4: { total: 0, electronic: 0, paper: 0 },
    r5: { electronic: 0, recipients: 0 },
    r7: { paperCopies: 0, deliveries: 0, reasons: {} },
    r8: { outgoingSigned: 0, outgoingDocuments: 0, incomingSigned: 0, incomingArrivals: 0 },
    r9: { onTime: 0, documents: 0 },
    r10: { onTime: 0, counted: 0, late: 0, leftOut: 0 },
    r11: { sendToRegistration: [], arrivalToRegistration: [], clamped: 0, arrivalClamped: 0 },
    r12: { onTime: 0, population: 0, finishedLate: 0, openPastDeadline: 0, openNotDue: 0, withoutDeadline: 0 },
    r13: { overdue: 0, days1to5: 0, days6to10: 0, daysOver10: 0 },
    r14: { refusalsGiven: 0, refusalsReceived: 0, reasonsGiven: {}, reasonsReceived: {}, recallsSent: 0, accepted15: 0, refused16: 0 },
    r15: { lateArrivals: 0, failedDeliveries: 0 },
  };
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Sums figures: every count adds, duration lists concatenate, reason tallies merge. */
export function sumFigures(list: readonly Figures[]): Figures {
  const out = emptyFigures();
  for (const f of list) {
    for (const key of Object.keys(out) as (keyof Figures)[]) {
      const target = out[key] as unknown as Record<string, unknown>;
      const source = f[key] as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(source)) {
        if (typeof value === 'number') target[field] = (target[field] as number) + value;
        else if (Array.isArray(value)) target[field] = [...(target[field] as number[]), ...(value as number[])];
        else addCounts(target[field] as Record<string, number>, value as Record<string, number>);
      }
    }
  }
  return out;
}
