import { Type } from '@sinclair/typebox';
import type { RegisterRecord } from '../../../../app/ports/registers.ts';
import { formatNumber } from '../../../../domain/register/numbering.ts';

export const RegisterBody = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  direction: Type.Union([Type.Literal('outgoing'), Type.Literal('incoming'), Type.Literal('copy')]),
  name: Type.String(),
  year: Type.Integer(),
  typeCodes: Type.Array(Type.String()),
  notationPattern: Type.Union([Type.String(), Type.Null()]),
  volume: Type.Integer(),
  state: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  /** The number the register would give next this year, as written ("01"). */
  nextNumber: Type.String(),
  createdAt: Type.String(),
});

export function presentRegister(r: RegisterRecord, nextNumber: number) {
  return { ...r, nextNumber: formatNumber(nextNumber), createdAt: r.createdAt.toISOString() };
}
