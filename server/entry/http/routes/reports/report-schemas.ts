import { Type, type TSchema } from '@sinclair/typebox';
import type { ArchivedReport, SupervisionComment } from '../../../../app/ports/supervision.ts';

const N = Type.Number();
const NullableN = Type.Union([Type.Number(), Type.Null()]);
const Counts = Type.Record(Type.String(), Type.Number());
const rateProps = { numerator: N, denominator: N, percent: NullableN };
const Rate = Type.Object(rateProps);
const Durations = Type.Object({ count: N, meanHours: NullableN, medianHours: NullableN, clamped: N });

/** R1–R14 as computed by domain/report/indicators.ts: counts, rates of sums (percent null = "–"), hours. */
export const IndicatorsBody = Type.Object({
  r1: Counts, r2: Counts, r3: Counts, r4: Counts, r5: Rate, r6: Rate,
  r7: Type.Object({ ...rateProps, reasons: Counts }),
  r8: Type.Object({ outgoing: Rate, incoming: Rate }),
  r9: Rate,
  r10: Type.Object({ ...rateProps, leftOut: N }),
  r11: Type.Object({ sendToRegistration: Durations, arrivalToRegistration: Durations }),
  r12: Type.Object({ ...rateProps, finishedLate: N, openPastDeadline: N, openNotDue: N, withoutDeadline: N }),
  r13: Counts,
  r14: Type.Object({ refusalsGiven: N, refusalsReceived: N, reasonsGiven: Counts, reasonsReceived: Counts, recallsSent: N, accepted15: N, refused16: N }),
});

export const PeriodBody = Type.Object({ start: Type.String({ format: 'date' }), end: Type.String({ format: 'date' }) });
export const PeriodQuery = Type.Object({
  start: Type.String({ format: 'date', description: 'first day of P (YYYY-MM-DD, Vietnam time)' }),
  end: Type.String({ format: 'date', description: 'last day of P' }),
}, { additionalProperties: false });

const Level = Type.Union([Type.Literal('province'), Type.Literal('department'), Type.Literal('district'), Type.Literal('commune')]);
const Named = { agencyId: Type.String(), name: Type.String() };

export const ProvinceBody = Type.Object({
  period: PeriodBody,
  asOf: Type.String({ format: 'date-time' }),
  definitionVersion: Type.String(),
  province: IndicatorsBody,
  levels: Type.Object({ province: IndicatorsBody, department: IndicatorsBody, district: IndicatorsBody, commune: IndicatorsBody }),
  districts: Type.Array(Type.Object({ districtId: Type.String(), name: Type.String(), indicators: IndicatorsBody })),
  agencies: Type.Array(Type.Object({ ...Named, level: Level, districtId: Type.Union([Type.String(), Type.Null()]), indicators: IndicatorsBody })),
  r15: Type.Object({
    notConnected: Type.Array(Type.Object({ ...Named, reasons: Type.Array(Type.String()) })),
    notReceiving: Type.Array(Type.Object({ ...Named, lateArrivals: N, failedDeliveries: N })),
    inactive: Type.Array(Type.Object(Named)),
  }),
});

export const TrendBody = Type.Object({
  agency: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }), Type.Null()]),
  indicators: IndicatorsBody,
  points: Type.Array(Type.Object({ period: PeriodBody, indicators: IndicatorsBody })),
});

export const ArchivedBody = Type.Object({
  id: Type.String(), preset: Type.String(), period: PeriodBody, asOf: Type.String({ format: 'date-time' }), definitionVersion: Type.String(),
  generatedAt: Type.String({ format: 'date-time' }), trigger: Type.String(),
});

export function presentArchived(r: ArchivedReport) {
  return { id: r.id, preset: r.preset, period: r.period, asOf: r.asOf.toISOString(), definitionVersion: r.definitionVersion, generatedAt: r.generatedAt.toISOString(), trigger: r.trigger };
}

export const CommentBody = Type.Object({
  id: Type.String(), period: PeriodBody, agencyId: Type.Union([Type.String(), Type.Null()]), authorName: Type.String(), body: Type.String(), createdAt: Type.String({ format: 'date-time' }),
});

export function presentComment(c: SupervisionComment) {
  return { ...c, createdAt: c.createdAt.toISOString() };
}

export function withIso<T extends { asOf: Date }>(r: T): Omit<T, 'asOf'> & { asOf: string } {
  return { ...r, asOf: r.asOf.toISOString() };
}

export type { TSchema };
