/**
 * DEMO DATA ONLY. Invented supervision facts for the seeded agencies over 2026 (1 January–30
 * November), so the supervisor dashboard and the evaluation reports show something realistic in a
 * demo. Deterministic (a seeded generator, no clock): every `seed demo` gives the same rows. Every
 * row is marked `demo = true`; custody and failed deliveries, which in real use come from the hub's
 * tables, are only ever stored as demo rows. No document, subject or file exists behind these facts.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { addDays, dayOfWeek, localInstant } from '../../../domain/calendar/vietnam-time.ts';
import type { DB } from '../schema.ts';

const FROM = '2026-01-01';
const TO = '2026-11-30';

/** mulberry32: a small deterministic generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Level = DB['agencies']['level'];
/** Documents per working day, outgoing and incoming, by level. */
const RATES: Record<Level, [number, number]> = {
  province: [0.5, 0.8], provincial_agency: [0.35, 0.55], district: [0.25, 0.4], district_office: [0.05, 0.05], commune: [0.05, 0.12],
};
const REFUSALS = ['Gửi sai nơi nhận', 'Chữ ký số không hợp lệ', 'Thiếu tệp đính kèm'];

interface Row {
  agency_id: string;
  kind: string;
  document_key: string;
  occurred_at: Date;
  data: object;
}

function workingDays(): string[] {
  const out: string[] = [];
  for (let d = FROM; d <= TO; d = addDays(d, 1)) {
    const w = dayOfWeek(d);
    if (w >= 1 && w <= 5 && !(d >= '2026-02-16' && d <= '2026-02-20') && !['2026-01-01', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02'].includes(d)) out.push(d);
  }
  return out;
}

function at(date: string, minuteOfDay: number): Date {
  return new Date(localInstant(date, '00:00').getTime() + Math.round(minuteOfDay) * 60_000);
}

/** A few agencies stay silent all year (R15 "inactive"); the rest work at their level's pace, improving over the year. */
function agencyFacts(agency: { id: string; level: Level; code: string }, index: number, days: string[], rows: Row[]): void {
  const rnd = generator(1000 + index);
  if (rnd() < 0.08) return;
  const pace = 0.6 + rnd() * 0.8;
  const [outRate, inRate] = RATES[agency.level];
  const push = (kind: string, key: string, when: Date, data: object) => rows.push({ agency_id: agency.id, kind, document_key: key, occurred_at: when, data });
  let n = 0;
  days.forEach((day, i) => {
    const progress = i / days.length; // later months: more electronic, more signed, faster
    for (let k = 0; k < 3; k++) {
      if (rnd() < outRate * pace / 3) {
        n++;
        const key = `${agency.code},${day.replaceAll('-', '/')},${n}/DEMO`;
        const signed = at(day, 480 + rnd() * 480);
        const issued = new Date(signed.getTime() + (rnd() < 0.9 ? rnd() * 90 : 600 + rnd() * 1200) * 60_000);
        const electronic = rnd() < 0.8 + 0.15 * progress;
        const recipients = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, r) => ({ key: `R${r}`, channel: electronic || r > 0 ? 'electronic' : 'paper' }));
        if (!electronic) recipients.forEach((r) => (r.channel = 'paper'));
        const valid = rnd() < 0.8 + 0.15 * progress;
        push('outgoing.issued', key, issued, {
          urgency: rnd() < 0.1 ? 'urgent' : 'normal', signedAt: signed.toISOString(), competentSignature: valid ? 'valid' : 'missing', orgSignature: valid || rnd() < 0.5 ? 'valid' : 'invalid',
          recipients, paperCopyReason: electronic && rnd() < 0.03 ? 'Văn bản gửi Chính phủ, Thủ tướng Chính phủ' : null,
        });
        if (electronic) for (const r of recipients) push('outgoing.custody', key, new Date(issued.getTime() + (rnd() < 0.93 ? 2 : 1500) * 60_000), { receiverKey: r.key, scope: rnd() < 0.1 ? 'external' : 'province' });
        if (electronic && rnd() < 0.015) push('outgoing.refused_by_receiver', key, new Date(issued.getTime() + 86_400_000), { receiverKey: 'R0', reason: REFUSALS[Math.floor(rnd() * 3)]! });
        if (rnd() < 0.01) push('outgoing.recall_sent', key, new Date(issued.getTime() + 2 * 86_400_000), { receiverKey: 'R0' });
      }
      if (rnd() < inRate * pace / 3) {
        n++;
        const key = `demo-${agency.id.slice(0, 8)}-${n}`;
        const arrived = at(day, 420 + rnd() * 600);
        const electronic = rnd() < 0.7 + 0.25 * progress;
        const urgency = rnd() < 0.08 ? 'urgent' : 'normal';
        const lag = rnd() < 0.82 + 0.1 * progress ? rnd() * 20 : 30 + rnd() * 70; // hours to registration
        const registered = new Date(arrived.getTime() + lag * 3_600_000);
        if (electronic) {
          const ok = rnd() < 0.85 + 0.1 * progress;
          push('incoming.arrived', key, arrived, {
            urgency, scope: rnd() < 0.12 ? 'external' : 'province', sentAt: new Date(arrived.getTime() - (1 + rnd() * 30) * 60_000).toISOString(),
            competentSignature: ok ? 'valid' : 'indeterminate', orgSignature: ok ? 'valid' : 'invalid',
          });
          if (rnd() < 0.02) { push('incoming.refused', key, registered, { reason: REFUSALS[Math.floor(rnd() * 3)]! }); continue; }
          if (i > days.length - 3 && rnd() < 0.5) continue; // still waiting for the clerk
        }
        push('incoming.registered', key, registered, { channel: electronic ? 'electronic' : 'paper' });
        if (rnd() < 0.2) continue; // for information only
        const deadlineDay = days[Math.min(days.length - 1, i + 5 + Math.floor(rnd() * 10))]!;
        push('incoming.deadline_set', key, new Date(registered.getTime() + 3_600_000), { deadline: deadlineDay, unitId: null, userId: null });
        const outcome = rnd();
        const onTimeShare = 0.7 + 0.2 * progress;
        if (outcome < onTimeShare) push('incoming.finished', key, at(deadlineDay, 420 - rnd() * 4000), {});
        else if (outcome < onTimeShare + 0.15) push('incoming.finished', key, at(deadlineDay, 1440 * (1 + rnd() * 6)), {});
      }
    }
    if (agency.level === 'commune' && rnd() < 0.002) push('delivery.failed', `demo-failed-${agency.id.slice(0, 8)}-${i}`, at(day, 600), { code: 'EXCHANGE_EXPIRED' });
  });
}

/** Inserts the demo facts for every active agency of the seeded province; returns how many. */
export async function seedDemoSupervisionFacts(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  const agencies = await db.selectFrom('agencies').leftJoin('agency_codes', (j) => j.onRef('agency_codes.agency_id', '=', 'agencies.id').on('agency_codes.valid_to', 'is', null))
    .select(['agencies.id', 'agencies.name', 'agencies.level', 'agency_codes.code']).where('agencies.active', '=', true)
    .where(sql<boolean>`agencies.existed_to IS NULL`).orderBy('agencies.name').execute();
  const days = workingDays();
  const rows: Row[] = [];
  agencies.forEach((a, i) => agencyFacts({ id: a.id, level: a.level, code: a.code ?? a.id }, i, days, rows));
  // One JSON parameter per chunk: far faster on PGlite than thousands of bound parameters.
  for (let i = 0; i < rows.length; i += 5000) {
    await sql`INSERT INTO supervision_facts (agency_id, kind, document_key, occurred_at, data, demo)
      SELECT agency_id, kind, document_key, occurred_at, data, true
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)
        AS x(agency_id uuid, kind text, document_key text, occurred_at timestamptz, data jsonb)`.execute(db);
  }
  return rows.length;
}
