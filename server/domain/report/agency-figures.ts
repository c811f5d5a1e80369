import { registrationDeadline, sendingDeadline, type TimelinessSettings, DEFAULT_TIMELINESS } from '../calendar/timeliness.ts';
import { endOfLocalDay, localDateOf } from '../calendar/vietnam-time.ts';
import { isWorkingDay, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { addDays } from '../calendar/vietnam-time.ts';
import type { SupervisionFact } from './facts.ts';
import { emptyFigures, type Figures } from './figures.ts';
import { hoursBetween } from './numbers.ts';
import { within, type ReportPeriod } from './period.ts';

export interface ReportContext {
  readonly period: ReportPeriod;
  /** Only facts at or before T count (domain.md §15.1). */
  readonly asOf: Date;
  readonly calendar: WorkingCalendar;
  readonly timeliness?: TimelinessSettings;
}

type Of<K extends SupervisionFact['kind']> = Extract<SupervisionFact, { kind: K }>;

/** The facts of one agency up to T, grouped by document key. */
class Ledger {
  private readonly byKind = new Map<string, SupervisionFact[]>();
  constructor(facts: readonly SupervisionFact[], asOf: Date) {
    for (const f of facts) {
      if (f.occurredAt.getTime() > asOf.getTime()) continue;
      const list = this.byKind.get(f.kind) ?? [];
      list.push(f);
      this.byKind.set(f.kind, list);
    }
  }
  all<K extends SupervisionFact['kind']>(kind: K): Of<K>[] {
    return (this.byKind.get(kind) ?? []) as Of<K>[];
  }
  /** The earliest fact of a kind per document. */
  first<K extends SupervisionFact['kind']>(kind: K): Map<string, Of<K>> {
    const out = new Map<string, Of<K>>();
    for (const f of this.all(kind)) {
      const known = out.get(f.documentKey);
      if (!known || f.occurredAt < known.occurredAt) out.set(f.documentKey, f);
    }
    return out;
  }
}

function tally(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

/** Working days d with from < d ≤ to (domain.md §2 calendar). */
export function workingDaysAfter(cal: WorkingCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(cal, d)) n++;
  return n;
}

/** The lead deadline effective as of T: the latest set or extended one recorded by T. */
export function effectiveDeadlines(ledger: { all: Ledger['all'] }): Map<string, Of<'incoming.deadline_set'> | Of<'incoming.deadline_extended'>> {
  const out = new Map<string, Of<'incoming.deadline_set'> | Of<'incoming.deadline_extended'>>();
  for (const f of [...ledger.all('incoming.deadline_set'), ...ledger.all('incoming.deadline_extended')]) {
    const known = out.get(f.documentKey);
    if (!known || f.occurredAt >= known.occurredAt) out.set(f.documentKey, f);
  }
  return out;
}

function outgoing(l: Ledger, ctx: ReportContext, settings: TimelinessSettings, f: Figures): void {
  const inP = (at: Date) => within(ctx.period, ctx.asOf, at);
  const firstCustody = l.first('outgoing.custody');
  const issuedEver = l.first('outgoing.issued');
  const paperSent = l.all('outgoing.paper_sent');
  for (const doc of issuedEver.values()) {
    if (!inP(doc.occurredAt)) continue;
    const electronic = doc.data.recipients.some((r) => r.channel === 'electronic');
    f.r1.total++;
    if (electronic) f.r1.electronic++;
    else f.r1.paperOnly++;
    // R5: each recipient once per document, electronic if it was sent electronically.
    const channels = new Map<string, 'electronic' | 'paper'>();
    for (const r of doc.data.recipients) if (channels.get(r.key) !== 'electronic') channels.set(r.key, r.channel);
    for (const p of paperSent) if (p.documentKey === doc.documentKey && !channels.has(p.data.receiverKey)) channels.set(p.data.receiverKey, 'paper');
    f.r5.recipients += channels.size;
    f.r5.electronic += [...channels.values()].filter((c) => c === 'electronic').length;
    if (!electronic) continue;
    f.r8.outgoingDocuments++;
    if (doc.data.competentSignature === 'valid' && doc.data.orgSignature === 'valid') f.r8.outgoingSigned++;
    // R9: first custody by the §2 limit, counted from the competent signature, else from issue.
    f.r9.documents++;
    const from = doc.data.signedAt ? new Date(doc.data.signedAt) : doc.occurredAt;
    const custody = firstCustody.get(doc.documentKey);
    if (custody && custody.occurredAt <= sendingDeadline(ctx.calendar, from, doc.data.urgency, settings)) f.r9.onTime++;
  }
  for (const c of l.all('outgoing.custody')) {
    if (!inP(c.occurredAt)) continue;
    f.r2.total++;
    if (c.data.scope === 'province') f.r2.province++;
    else f.r2.external++;
    f.r7.deliveries++;
    const reason = issuedEver.get(c.documentKey)?.data.paperCopyReason;
    if (reason) {
      f.r7.paperCopies++;
      tally(f.r7.reasons, reason);
    }
  }
  for (const r of l.all('outgoing.refused_by_receiver')) if (inP(r.occurredAt)) { f.r14.refusalsReceived++; tally(f.r14.reasonsReceived, r.data.reason); }
  for (const r of l.all('outgoing.recall_sent')) if (inP(r.occurredAt)) f.r14.recallsSent++;
  for (const a of l.all('outgoing.change_answered')) {
    if (!inP(a.occurredAt)) continue;
    if (a.data.code === '15') f.r14.accepted15++;
    else f.r14.refused16++;
  }
}

function arrivals(l: Ledger, ctx: ReportContext, settings: TimelinessSettings, f: Figures): void {
  const inP = (at: Date) => within(ctx.period, ctx.asOf, at);
  const registered = l.first('incoming.registered');
  const refused = l.first('incoming.refused');
  for (const a of l.first('incoming.arrived').values()) {
    if (!inP(a.occurredAt)) continue;
    const reg = registered.get(a.documentKey);
    const ref = refused.get(a.documentKey);
    f.r3.total++;
    if (reg) f.r3.registered++;
    else if (ref) f.r3.refused++;
    else f.r3.pending++;
    f.r8.incomingArrivals++;
    if (a.data.competentSignature === 'valid' && a.data.orgSignature === 'valid') f.r8.incomingSigned++;
    // R10: handled by the limit; pending ones count late only once their limit has passed by T.
    const limit = registrationDeadline(ctx.calendar, a.occurredAt, a.data.urgency, settings);
    const handled = [reg?.occurredAt, ref?.occurredAt].filter((d): d is Date => d !== undefined).sort((x, y) => x.getTime() - y.getTime())[0];
    if (handled && handled <= limit) { f.r10.onTime++; f.r10.counted++; }
    else if (handled || limit <= ctx.asOf) { f.r10.late++; f.r10.counted++; }
    else f.r10.leftOut++;
  }
  f.r15.lateArrivals = f.r10.late;
  for (const r of l.all('incoming.refused')) if (inP(r.occurredAt)) { f.r14.refusalsGiven++; tally(f.r14.reasonsGiven, r.data.reason); }
  for (const d of l.all('delivery.failed')) if (inP(d.occurredAt)) f.r15.failedDeliveries++;
}

function registrations(l: Ledger, ctx: ReportContext, f: Figures): void {
  const inP = (at: Date) => within(ctx.period, ctx.asOf, at);
  const arrived = l.first('incoming.arrived');
  const refused = l.first('incoming.refused');
  const cancelled = l.first('incoming.cancelled');
  const finished = l.first('incoming.finished');
  const deadlines = effectiveDeadlines(l);
  const today = localDateOf(ctx.asOf);
  for (const reg of l.first('incoming.registered').values()) {
    if (inP(reg.occurredAt)) {
      f.r4.total++;
      if (reg.data.channel === 'electronic') f.r4.electronic++;
      else f.r4.paper++;
      const a = arrived.get(reg.documentKey);
      if (reg.data.channel === 'electronic' && a) {
        // R11: sentAt is the issuer's custody (in-province) or first TraceHeader (external; the arrival when absent or later).
        let sentAt = a.data.sentAt ? new Date(a.data.sentAt) : a.occurredAt;
        if (a.data.scope === 'external' && sentAt > a.occurredAt) sentAt = a.occurredAt;
        const s = hoursBetween(sentAt, reg.occurredAt);
        f.r11.sendToRegistration.push(s.hours);
        if (s.negative) f.r11.clamped++;
        const r = hoursBetween(a.occurredAt, reg.occurredAt);
        f.r11.arrivalToRegistration.push(r.hours);
        if (r.negative) f.r11.arrivalClamped++;
      }
    }
    if (refused.has(reg.documentKey) || cancelled.has(reg.documentKey)) continue;
    const deadline = deadlines.get(reg.documentKey);
    const done = finished.get(reg.documentKey);
    if (!deadline) {
      if (inP(reg.occurredAt)) f.r12.withoutDeadline++;
      continue;
    }
    const d = deadline.data.deadline;
    if (d >= ctx.period.start && d <= ctx.period.end) {
      f.r12.population++;
      if (done && done.occurredAt <= endOfLocalDay(d)) f.r12.onTime++;
      else if (done) f.r12.finishedLate++;
      else if (endOfLocalDay(d) < ctx.asOf) f.r12.openPastDeadline++;
      else f.r12.openNotDue++;
    }
    if (!done && d < today) {
      f.r13.overdue++;
      const days = Math.max(1, workingDaysAfter(ctx.calendar, d, today));
      if (days <= 5) f.r13.days1to5++;
      else if (days <= 10) f.r13.days6to10++;
      else f.r13.daysOver10++;
    }
  }
}

/** R1–R15 counts of one agency for P as of T, from that agency's facts. */
export function agencyFigures(facts: readonly SupervisionFact[], ctx: ReportContext): Figures {
  const settings = ctx.timeliness ?? DEFAULT_TIMELINESS;
  const ledger = new Ledger(facts, ctx.asOf);
  const f = emptyFigures();
  outgoing(ledger, ctx, settings, f);
  arrivals(ledger, ctx, settings, f);
  registrations(ledger, ctx, f);
  return f;
}
