import { Type, type TOptional, type TProperties, type TSchema } from '@sinclair/typebox';

/** Request and response shapes shared by the directory routes. */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Level = Type.Union(
  ['province', 'provincial_agency', 'district', 'district_office', 'commune'].map((l) => Type.Literal(l)),
  { description: 'province, provincial_agency, district, district_office, commune' },
);

export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const AgencyBody = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  abbreviation: Nullable(Type.String()),
  level: Type.String(),
  parentId: Nullable(Type.String()),
  servedById: Nullable(Type.String()),
  placeName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  contactEmail: Nullable(Type.String()),
  existedFrom: Nullable(Type.String()),
  existedTo: Nullable(Type.String()),
  active: Type.Boolean(),
  note: Nullable(Type.String()),
  code: Nullable(Type.String({ description: 'open identifier code (mã định danh)' })),
  codeIsSample: Type.Boolean(),
});

export const UnitBody = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  abbreviation: Nullable(Type.String()),
  isFocalPoint: Type.Boolean(),
  active: Type.Boolean(),
});

export const CodeBody = Type.Object({
  id: Type.String(),
  code: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  isSample: Type.Boolean(),
  source: Nullable(Type.String()),
  successorCode: Nullable(Type.String()),
});

const Ref = Nullable(Type.Object({ id: Type.String(), name: Type.String(), code: Nullable(Type.String()) }));

export const AgencyDetailBody = Type.Object({
  agency: AgencyBody,
  parent: Ref,
  servedBy: Ref,
  childrenCount: Type.Integer(),
  units: Type.Array(UnitBody),
  focalPoint: Nullable(UnitBody),
  codes: Type.Array(CodeBody),
});

const Text = (max: number) => Type.String({ maxLength: max });

/** Fields an operator edits; PATCH takes any subset. */
export const agencyEditableFields = {
  name: Text(300),
  shortName: Text(150),
  level: Level,
  abbreviation: Nullable(Text(20)),
  parentId: Nullable(Type.String({ format: 'uuid' })),
  servedById: Nullable(Type.String({ format: 'uuid' })),
  placeName: Nullable(Text(100)),
  address: Nullable(Text(300)),
  contactEmail: Nullable(Text(200)),
  existedFrom: Nullable(Day),
  note: Nullable(Text(2000)),
};

/** Every property optional (PATCH bodies, optional parts of POST bodies). */
export function optionalAll<T extends TProperties>(props: T): { [K in keyof T]: TOptional<T[K]> } {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: TOptional<T[K]> };
}
