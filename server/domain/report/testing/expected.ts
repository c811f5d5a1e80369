/**
 * The fixture's indicators, derived by hand from domain.md §15 (see the comments), shared by the
 * domain test and the SQL-source test so both must give exactly these figures.
 */
import type { Indicators } from '../indicators.ts';
import { C, D, F, S } from './fixture.ts';

const none = (count = 0) => ({ count, meanHours: null, medianHours: null, clamped: 0 });
const r = (numerator: number, denominator: number, percent: number | null) => ({ numerator, denominator, percent });
const noR14 = { refusalsGiven: 0, refusalsReceived: 0, reasonsGiven: {}, reasonsReceived: {}, recallsSent: 0, accepted15: 0, refused16: 0 };
const noR13 = { overdue: 0, days1to5: 0, days6to10: 0, daysOver10: 0 };

export const EXPECTED: Record<string, Indicators> = {
  // Sở Nội vụ issues O1–O5 in P (O6 on 31/12/2025 is before P, O5's custody on 1/7 after T).
  [S]: {
    r1: { total: 5, electronic: 4, paperOnly: 1 }, // O4 has paper recipients only
    r2: { total: 5, province: 4, external: 1 }, // custody in P: O6→D (2/1), O1→D, O1→X1 (external), O2→F, O3→C
    r3: { total: 0, registered: 0, refused: 0, pending: 0 },
    r4: { total: 0, electronic: 0, paper: 0 },
    r5: r(5, 8, 62.5), // electronic: O1 D, X1; O2 F; O3 C; O5 D. Paper: O1 Z; O4 Z2 and Z3 (posted later)
    r6: r(0, 0, null),
    r7: { ...r(1, 5, 20), reasons: { 'Văn bản gửi Chính phủ': 1 } }, // O2→F carries Paper = 1
    r8: { outgoing: r(2, 4, 50), incoming: r(0, 0, null) }, // O1, O3 both VALID; O2 org invalid; O5 no competent signature
    // O1 custody 09:05 ≤ noon 3/3; O2 signed Fri 15:00, custody Mon 11:00 ≤ noon Mon; O3 urgent signed 09:00,
    // limit 10:00 (60 working minutes), custody 10:30: late; O5 no custody by T: not on time.
    r9: r(2, 4, 50),
    r10: { ...r(0, 0, null), leftOut: 0 },
    r11: { sendToRegistration: none(), arrivalToRegistration: none() },
    r12: { ...r(0, 0, null), finishedLate: 0, openPastDeadline: 0, openNotDue: 0, withoutDeadline: 0 },
    r13: noR13,
    // 02 received from F; one recall in P answered 15; the recall of O3 on 5/7 is after T.
    r14: { ...noR14, refusalsReceived: 1, reasonsReceived: { 'Chữ ký số không hợp lệ': 1 }, recallsSent: 1, accepted15: 1 },
  },
  // Sở Tài chính refuses its only arrival within the limit; its own issue on 1/7 is after T.
  [F]: {
    r1: { total: 0, electronic: 0, paperOnly: 0 },
    r2: { total: 0, province: 0, external: 0 },
    r3: { total: 1, registered: 0, refused: 1, pending: 0 },
    r4: { total: 0, electronic: 0, paper: 0 },
    r5: r(0, 0, null),
    r6: r(0, 0, null),
    r7: { ...r(0, 0, null), reasons: {} },
    r8: { outgoing: r(0, 0, null), incoming: r(0, 1, 0) },
    r9: r(0, 0, null),
    r10: { ...r(1, 1, 100), leftOut: 0 },
    r11: { sendToRegistration: none(), arrivalToRegistration: none() },
    r12: { ...r(0, 0, null), finishedLate: 0, openPastDeadline: 0, openNotDue: 0, withoutDeadline: 0 },
    r13: noR13,
    r14: { ...noR14, refusalsGiven: 1, reasonsGiven: { 'Chữ ký số không hợp lệ': 1 } },
  },
  [D]: {
    r1: { total: 0, electronic: 0, paperOnly: 0 },
    r2: { total: 0, province: 0, external: 0 },
    // arrivals in P: i1, i2, i4, i7, i8 (i15 arrived 30/12/2025); i7, i8 still pending at T
    r3: { total: 5, registered: 3, refused: 0, pending: 2 },
    // registered in P: i1, i2, i4, i15 electronic; i5, i10, i11, i12, i13 paper
    r4: { total: 9, electronic: 4, paper: 5 },
    r5: r(0, 0, null),
    r6: r(4, 9, 44.4), // 44.44…
    r7: { ...r(0, 0, null), reasons: {} },
    r8: { outgoing: r(0, 0, null), incoming: r(4, 5, 80) }, // i4's organisation signature INDETERMINATE
    r9: r(0, 0, null),
    // i1 registered Tue 15:00 ≤ end of Tue: on time. i2 arrived Fri, registered Tue > end of Mon: late.
    // i4 arrived Wed 29/4; 30/4 and 1/5 are holidays, so the limit is end of Mon 4/5: on time.
    // i7 arrived Fri 26/6, pending, limit end of Mon 29/6 < T: late. i8 limit end of 1/7 > T: left out.
    r10: { ...r(2, 4, 50), leftOut: 1 },
    // send → registration: i1 29 h 55 min; i2 96 h 1 min; i4 external, trace 10:30 later than arrival 10:00 so
    // sentAt = arrival: 119 h; i15 144 h 1 min. Mean 388.95 / 4 = 97.2375 → 97.2; median (96.0167 + 119) / 2 → 107.5.
    // arrival → registration: 29.9, 96, 119, 144: mean 97.225 → 97.2; median 107.5.
    r11: {
      sendToRegistration: { count: 4, meanHours: 97.2, medianHours: 107.5, clamped: 0 },
      arrivalToRegistration: { count: 4, meanHours: 97.2, medianHours: 107.5, clamped: 0 },
    },
    // population (effective deadline in P as of T, not cancelled): i2 (20/1, finished 19/1: on time),
    // i4 (extended by T to 5/6, finished 4/6: on time), i5 (24/2, open), i10 (26/6; its extension on 2/7 is
    // after T, open), i13 (20/5, finished 25/5: late). i1 cancelled; i11's deadline 3/7 is after P.
    // Without a deadline: i12 and i15.
    r12: { ...r(2, 5, 40), finishedLate: 1, openPastDeadline: 2, openNotDue: 0, withoutDeadline: 2 },
    // overdue at T: i5 (88 working days after 24/2, holidays 30/4 and 1/5 skipped), i10 (29/6 and 30/6: 2)
    r13: { overdue: 2, days1to5: 1, days6to10: 0, daysOver10: 1 },
    r14: noR14,
  },
  [C]: {
    r1: { total: 0, electronic: 0, paperOnly: 0 },
    r2: { total: 0, province: 0, external: 0 },
    r3: { total: 2, registered: 2, refused: 0, pending: 0 },
    r4: { total: 2, electronic: 2, paper: 0 },
    r5: r(0, 0, null),
    r6: r(2, 2, 100),
    r7: { ...r(0, 0, null), reasons: {} },
    r8: { outgoing: r(0, 0, null), incoming: r(1, 2, 50) }, // i14's organisation signature invalid
    r9: r(0, 0, null),
    // i6 urgent arrived 10:31: 59 working minutes to 11:30, 1 more from 13:30, limit 13:31; registered 13:40: late.
    r10: { ...r(1, 2, 50), leftOut: 0 },
    // i6: 13:40 − 10:30 = 3 h 10 min; i14: the sender's clock says 09:00, registered 08:30: −0.5 h clamped to 0.
    // Mean 1.5833 → 1.6 = median. Arrival → registration: 3.15 and 0.5: 1.825 → 1.8 (not a tie).
    r11: {
      sendToRegistration: { count: 2, meanHours: 1.6, medianHours: 1.6, clamped: 1 },
      arrivalToRegistration: { count: 2, meanHours: 1.8, medianHours: 1.8, clamped: 0 },
    },
    r12: { ...r(0, 0, null), finishedLate: 0, openPastDeadline: 0, openNotDue: 0, withoutDeadline: 2 },
    r13: noR13,
    r14: noR14,
  },
};

/** Province totals: sums of counts, rates of sums (never means of rates). */
export const EXPECTED_PROVINCE = {
  r1: { total: 5, electronic: 4, paperOnly: 1 },
  r3: { total: 8, registered: 5, refused: 1, pending: 2 },
  r4: { total: 11, electronic: 6, paper: 5 },
  r6: r(6, 11, 54.5), // 54.54…
  r8: { outgoing: r(2, 4, 50), incoming: r(5, 8, 62.5) },
  r10: { ...r(4, 7, 57.1), leftOut: 1 }, // 57.142…
  // send → registration over 6 values: 392.1167 / 6 = 65.35 → 65.4; median (29.9167 + 96.0167) / 2 = 62.97 → 63.0.
  // arrival → registration: 392.55 / 6 = 65.425 → 65.4; median (29.9 + 96) / 2 = 62.95 → 63.0 (half-up).
  r11: {
    sendToRegistration: { count: 6, meanHours: 65.4, medianHours: 63, clamped: 1 },
    arrivalToRegistration: { count: 6, meanHours: 65.4, medianHours: 63, clamped: 0 },
  },
  r12: { ...r(2, 5, 40), finishedLate: 1, openPastDeadline: 2, openNotDue: 0, withoutDeadline: 4 },
  r13: { overdue: 2, days1to5: 1, days6to10: 0, daysOver10: 1 },
};

export const EXPECTED_R15 = {
  notConnected: [
    { agencyId: F, name: 'Sở Tài chính', reasons: ['no_open_code'] },
    { agencyId: C, name: 'UBND xã Vĩnh Mỹ A', reasons: ['no_active_clerk'] },
  ],
  notReceiving: [
    { agencyId: D, name: 'UBND huyện Hòa Bình', lateArrivals: 2, failedDeliveries: 0 },
    { agencyId: C, name: 'UBND xã Vĩnh Mỹ A', lateArrivals: 1, failedDeliveries: 1 },
  ],
  inactive: [{ agencyId: F, name: 'Sở Tài chính' }],
};
