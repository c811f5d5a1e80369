import { Type } from '@sinclair/typebox';

/** The error body every failing request gets: a code from the enum and a Vietnamese message. */
export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
  requestId: Type.Optional(Type.String()),
});

export const Ok = Type.Object({ ok: Type.Literal(true) });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
