import { Type } from '@sinclair/typebox';
import type { Config } from '../../../../config/env.ts';

/** A hop's acknowledgement (exchange.md §4.1); also carries the error body's fields when a request fails before receipt. */
export const AckBody = Type.Object({
  packageId: Type.Optional(Type.String()),
  result: Type.Optional(Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('refused')])),
  receivedAt: Type.Optional(Type.String()),
  sha256: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  origin: Type.Optional(Type.String()),
  temporary: Type.Optional(Type.Boolean()),
  message: Type.Optional(Type.String()),
  receivers: Type.Optional(Type.Array(Type.Object({
    code: Type.String(),
    result: Type.String(),
    errorCode: Type.Optional(Type.String()),
    origin: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
  }))),
  signature: Type.Optional(Type.Object({ algorithm: Type.Literal('rsa-sha256'), certificateSha256: Type.String(), value: Type.String() })),
  details: Type.Optional(Type.Unknown()),
  requestId: Type.Optional(Type.String()),
});

export const ackResponses = { 200: AckBody, 400: AckBody, 401: AckBody, 403: AckBody, 409: AckBody, 410: AckBody, 413: AckBody, 415: AckBody, 422: AckBody, 429: AckBody, 502: AckBody, 503: AckBody };

export const PEER_CONTENT_TYPES = ['application/xml', 'text/xml', 'application/edxml+xml'];

/** Peers push in bursts (a province's morning mail); the limit stops a runaway sender, not normal traffic. */
/** Per client address and peer route, from HUB_PEER_RATE_PER_MINUTE (default 1200). */
export const peerRateLimit = (config: Config): number => config.hub.peerRatePerMinute;

const Time = Type.Union([Type.String(), Type.Null()]);

export const DeliveryBody = Type.Object({
  id: Type.String(),
  packageId: Type.String(),
  senderCode: Type.String(),
  receiverCode: Type.String(),
  route: Type.String(),
  state: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  lastErrorCode: Type.Union([Type.String(), Type.Null()]),
  lastErrorOrigin: Type.Union([Type.String(), Type.Null()]),
  lastErrorMessage: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Time,
  ackResult: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String(),
});

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
