/**
 * A small fixed province for the indicator tests (domain and SQL). Period P = 1 January–30 June
 * 2026, T = 30 June 2026 23:59:59.999 Vietnam time; 30 April and 1 May are holidays. Expected
 * values are derived by hand in indicators.test.ts from domain.md §15, not from the code.
 */
import { localInstant } from '../../calendar/vietnam-time.ts';
import { workingCalendar } from '../../calendar/working-calendar.ts';
import type { ReportAgency, SupervisionFact } from '../facts.ts';
import type { ReportPeriod } from '../period.ts';

export const FIXTURE_PERIOD: ReportPeriod = { start: '2026-01-01', end: '2026-06-30' };
export const FIXTURE_CALENDAR = workingCalendar({ holidays: ['2026-04-30', '2026-05-01'], makeUpDays: [] });

/** "YYYY-MM-DD HH:MM" local → instant. */
export function at(local: string): Date {
  const [d, t] = local.split(' ');
  return localInstant(d!, t ?? '00:00');
}
const iso = (local: string) => at(local).toISOString();

export const S = 'agency-snv';
export const F = 'agency-stc';
export const D = 'agency-huyen';
export const C = 'agency-xa';

export const FIXTURE_AGENCIES: ReportAgency[] = [
  { id: S, name: 'Sở Nội vụ', level: 'department', districtId: null, hasOpenCode: true, hasActiveClerk: true, receivingSuspended: false },
  { id: F, name: 'Sở Tài chính', level: 'department', districtId: null, hasOpenCode: false, hasActiveClerk: true, receivingSuspended: false },
  { id: D, name: 'UBND huyện Hòa Bình', level: 'district', districtId: D, hasOpenCode: true, hasActiveClerk: true, receivingSuspended: false },
  { id: C, name: 'UBND xã Vĩnh Mỹ A', level: 'commune', districtId: D, hasOpenCode: true, hasActiveClerk: false, receivingSuspended: false },
];

const V = 'valid' as const;
type Issued = Extract<SupervisionFact, { kind: 'outgoing.issued' }>['data'];
const issued = (agencyId: string, documentKey: string, when: string, data: Partial<Issued> & Pick<Issued, 'recipients'>): SupervisionFact => ({
  kind: 'outgoing.issued', agencyId, documentKey, occurredAt: at(when),
  data: { urgency: 'normal', signedAt: null, competentSignature: V, orgSignature: V, paperCopyReason: null, ...data },
});
const custody = (agencyId: string, documentKey: string, when: string, receiverKey: string, scope: 'province' | 'external' = 'province'): SupervisionFact => ({
  kind: 'outgoing.custody', agencyId, documentKey, occurredAt: at(when), data: { receiverKey, scope },
});
type Arrived = Extract<SupervisionFact, { kind: 'incoming.arrived' }>['data'];
const arrived = (agencyId: string, documentKey: string, when: string, data: Partial<Arrived>): SupervisionFact => ({
  kind: 'incoming.arrived', agencyId, documentKey, occurredAt: at(when),
  data: { urgency: 'normal', scope: 'province', sentAt: null, competentSignature: V, orgSignature: V, ...data },
});
const registered = (agencyId: string, documentKey: string, when: string, channel: 'electronic' | 'paper'): SupervisionFact => ({
  kind: 'incoming.registered', agencyId, documentKey, occurredAt: at(when), data: { channel },
});
const deadline = (agencyId: string, documentKey: string, when: string, date: string, extended = false): SupervisionFact => ({
  kind: extended ? 'incoming.deadline_extended' : 'incoming.deadline_set', agencyId, documentKey, occurredAt: at(when),
  data: { deadline: date, unitId: 'unit-1', userId: 'user-1' },
});
const simple = (kind: 'incoming.finished' | 'incoming.cancelled', agencyId: string, documentKey: string, when: string): SupervisionFact => ({
  kind, agencyId, documentKey, occurredAt: at(when), data: {},
});

const O1 = '000.00.01.H04,2026/03/02,11/SNV-VP';
const O2 = '000.00.01.H04,2026/03/06,12/SNV-VP';
const O3 = '000.00.01.H04,2026/04/01,20/SNV-VP';
const O4 = '000.00.01.H04,2026/05/04,31/SNV-VP';
const O5 = '000.00.01.H04,2026/06/30,50/SNV-VP';
const O6 = '000.00.01.H04,2025/12/31,99/SNV-VP';
const OF = '000.00.02.H04,2026/07/01,1/STC-VP';

/** The facts the workflows record (supervision_facts), i.e. everything but custody and failed deliveries. */
export const FIXTURE_RECORDED_FACTS: SupervisionFact[] = [
  // Sở Nội vụ, outgoing
  issued(S, O1, '2026-03-02 09:00', { signedAt: iso('2026-03-02 08:00'), recipients: [{ key: 'D', channel: 'electronic' }, { key: 'X1', channel: 'electronic' }, { key: 'Z', channel: 'paper' }] }),
  issued(S, O2, '2026-03-06 16:00', { signedAt: iso('2026-03-06 15:00'), orgSignature: 'invalid', paperCopyReason: 'Văn bản gửi Chính phủ', recipients: [{ key: 'F', channel: 'electronic' }] }),
  issued(S, O3, '2026-04-01 10:00', { urgency: 'urgent', signedAt: iso('2026-04-01 09:00'), recipients: [{ key: 'C', channel: 'electronic' }] }),
  issued(S, O4, '2026-05-04 08:00', { signedAt: iso('2026-05-04 07:30'), recipients: [{ key: 'Z2', channel: 'paper' }] }),
  { kind: 'outgoing.paper_sent', agencyId: S, documentKey: O4, occurredAt: at('2026-05-05 09:00'), data: { receiverKey: 'Z3' } },
  issued(S, O5, '2026-06-30 16:00', { competentSignature: 'missing', recipients: [{ key: 'D', channel: 'electronic' }] }),
  issued(S, O6, '2025-12-31 15:00', { signedAt: iso('2025-12-31 14:00'), recipients: [{ key: 'D', channel: 'electronic' }] }),
  { kind: 'outgoing.refused_by_receiver', agencyId: S, documentKey: O2, occurredAt: at('2026-03-09 14:01'), data: { receiverKey: 'F', reason: 'Chữ ký số không hợp lệ' } },
  { kind: 'outgoing.recall_sent', agencyId: S, documentKey: O1, occurredAt: at('2026-03-10 08:00'), data: { receiverKey: 'D' } },
  { kind: 'outgoing.change_answered', agencyId: S, documentKey: O1, occurredAt: at('2026-03-11 08:00'), data: { receiverKey: 'D', code: '15', reason: null } },
  { kind: 'outgoing.recall_sent', agencyId: S, documentKey: O3, occurredAt: at('2026-07-05 08:00'), data: { receiverKey: 'C' } },
  // Sở Tài chính: refuses O2; its only document is issued after T
  arrived(F, 'f-i9', '2026-03-09 11:01', { sentAt: iso('2026-03-09 11:00'), orgSignature: 'invalid' }),
  { kind: 'incoming.refused', agencyId: F, documentKey: 'f-i9', occurredAt: at('2026-03-09 14:00'), data: { reason: 'Chữ ký số không hợp lệ' } },
  issued(F, OF, '2026-07-01 08:00', { recipients: [{ key: 'S', channel: 'electronic' }] }),
  // UBND huyện
  arrived(D, 'd-i1', '2026-03-02 09:06', { sentAt: iso('2026-03-02 09:05') }),
  registered(D, 'd-i1', '2026-03-03 15:00', 'electronic'),
  deadline(D, 'd-i1', '2026-03-04 08:00', '2026-03-16'),
  simple('incoming.cancelled', D, 'd-i1', '2026-03-11 08:00'),
  arrived(D, 'd-i2', '2026-01-02 08:00', { sentAt: iso('2026-01-02 07:59') }),
  registered(D, 'd-i2', '2026-01-06 08:00', 'electronic'),
  deadline(D, 'd-i2', '2026-01-06 09:00', '2026-01-20'),
  simple('incoming.finished', D, 'd-i2', '2026-01-19 10:00'),
  arrived(D, 'd-i4', '2026-04-29 10:00', { scope: 'external', sentAt: iso('2026-04-29 10:30'), orgSignature: 'indeterminate' }),
  registered(D, 'd-i4', '2026-05-04 09:00', 'electronic'),
  deadline(D, 'd-i4', '2026-05-05 08:00', '2026-05-15'),
  deadline(D, 'd-i4', '2026-05-14 08:00', '2026-06-05', true),
  simple('incoming.finished', D, 'd-i4', '2026-06-04 16:00'),
  registered(D, 'd-i5', '2026-02-10 09:00', 'paper'),
  deadline(D, 'd-i5', '2026-02-10 10:00', '2026-02-24'),
  arrived(D, 'd-i7', '2026-06-26 10:00', { sentAt: iso('2026-06-26 09:59') }),
  arrived(D, 'd-i8', '2026-06-30 09:00', { sentAt: iso('2026-06-30 08:59') }),
  registered(D, 'd-i10', '2026-06-15 09:00', 'paper'),
  deadline(D, 'd-i10', '2026-06-16 08:00', '2026-06-26'),
  deadline(D, 'd-i10', '2026-07-02 08:00', '2026-07-10', true),
  registered(D, 'd-i11', '2026-06-20 09:00', 'paper'),
  deadline(D, 'd-i11', '2026-06-22 08:00', '2026-07-03'),
  registered(D, 'd-i12', '2026-06-22 09:00', 'paper'),
  registered(D, 'd-i13', '2026-05-11 09:00', 'paper'),
  deadline(D, 'd-i13', '2026-05-11 10:00', '2026-05-20'),
  simple('incoming.finished', D, 'd-i13', '2026-05-25 10:00'),
  arrived(D, 'd-i15', '2025-12-30 09:01', { sentAt: iso('2025-12-30 09:00') }),
  registered(D, 'd-i15', '2026-01-05 09:01', 'electronic'),
  // UBND xã
  arrived(C, 'c-i6', '2026-04-01 10:31', { urgency: 'urgent', sentAt: iso('2026-04-01 10:30') }),
  registered(C, 'c-i6', '2026-04-01 13:40', 'electronic'),
  arrived(C, 'c-i14', '2026-05-20 08:00', { sentAt: iso('2026-05-20 09:00'), orgSignature: 'invalid' }),
  registered(C, 'c-i14', '2026-05-20 08:30', 'electronic'),
];

/** What the hub's tables say: deliveries taken into custody, and one that expired. */
export const FIXTURE_HUB_FACTS: SupervisionFact[] = [
  custody(S, O6, '2026-01-02 07:59', 'D'),
  custody(S, O1, '2026-03-02 09:05', 'D'),
  custody(S, O1, '2026-03-02 09:05', 'X1', 'external'),
  custody(S, O2, '2026-03-09 11:00', 'F'),
  custody(S, O3, '2026-04-01 10:30', 'C'),
  custody(S, O5, '2026-07-01 08:00', 'D'),
  { kind: 'delivery.failed', agencyId: C, documentKey: '000.00.00.H04,2026/02/12,5/UBND-VP', occurredAt: at('2026-02-15 10:00'), data: { code: 'EXCHANGE_EXPIRED' } },
];

export const FIXTURE_FACTS: SupervisionFact[] = [...FIXTURE_RECORDED_FACTS, ...FIXTURE_HUB_FACTS];
