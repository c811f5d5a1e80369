/**
 * The single refusal type of the exchange (exchange.md §5.4). Each refusal carries a code from the
 * catalogue, the origin that decided it (`local` = our own system, `hub` = this hub, `peer` = a node
 * further on), whether the sender's retry can help, and a Vietnamese message for people.
 */

export const ExchangeErrorCode = {
  EXCHANGE_UNAUTHENTICATED: 'EXCHANGE_UNAUTHENTICATED',
  EXCHANGE_RATE_LIMITED: 'EXCHANGE_RATE_LIMITED',
  EXCHANGE_PACKAGE_TOO_LARGE: 'EXCHANGE_PACKAGE_TOO_LARGE',
  EXCHANGE_XML_FORBIDDEN_CONSTRUCT: 'EXCHANGE_XML_FORBIDDEN_CONSTRUCT',
  EXCHANGE_XML_LIMIT_EXCEEDED: 'EXCHANGE_XML_LIMIT_EXCEEDED',
  EXCHANGE_XML_MALFORMED: 'EXCHANGE_XML_MALFORMED',
  EXCHANGE_UNSUPPORTED_FORMAT: 'EXCHANGE_UNSUPPORTED_FORMAT',
  EXCHANGE_INVALID_FIELD: 'EXCHANGE_INVALID_FIELD',
  EXCHANGE_PACKAGE_ID_CONFLICT: 'EXCHANGE_PACKAGE_ID_CONFLICT',
  EXCHANGE_SIGNATURE_MISSING: 'EXCHANGE_SIGNATURE_MISSING',
  EXCHANGE_SIGNATURE_INVALID: 'EXCHANGE_SIGNATURE_INVALID',
  EXCHANGE_SIGNATURE_INDETERMINATE: 'EXCHANGE_SIGNATURE_INDETERMINATE',
  EXCHANGE_SENDER_MISMATCH: 'EXCHANGE_SENDER_MISMATCH',
  EXCHANGE_SECRET_DOCUMENT: 'EXCHANGE_SECRET_DOCUMENT',
  EXCHANGE_ATTACHMENT_INVALID: 'EXCHANGE_ATTACHMENT_INVALID',
  EXCHANGE_UNKNOWN_RECEIVER: 'EXCHANGE_UNKNOWN_RECEIVER',
  EXCHANGE_RECEIVER_CLOSED: 'EXCHANGE_RECEIVER_CLOSED',
  EXCHANGE_RECEIVER_SUSPENDED: 'EXCHANGE_RECEIVER_SUSPENDED',
  EXCHANGE_PEER_REFUSED: 'EXCHANGE_PEER_REFUSED',
  EXCHANGE_EXPIRED: 'EXCHANGE_EXPIRED',
  EXCHANGE_STATUS_TRANSITION_INVALID: 'EXCHANGE_STATUS_TRANSITION_INVALID',
} as const;

export type ExchangeErrorCode = (typeof ExchangeErrorCode)[keyof typeof ExchangeErrorCode];

export type RefusalOrigin = 'local' | 'hub' | 'peer';

/** Codes the sending hub retries (§5.4 "Temp."). */
const TEMPORARY: ReadonlySet<ExchangeErrorCode> = new Set<ExchangeErrorCode>([
  ExchangeErrorCode.EXCHANGE_RATE_LIMITED,
  ExchangeErrorCode.EXCHANGE_SIGNATURE_INDETERMINATE,
]);

export function isTemporary(code: ExchangeErrorCode): boolean {
  return TEMPORARY.has(code);
}

export interface RefusalOptions {
  readonly origin?: RefusalOrigin;
  /** Path of the offending field, e.g. `MessageHeader/From/OrganId` (for EXCHANGE_INVALID_FIELD). */
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export class ExchangeRefusal extends Error {
  readonly code: ExchangeErrorCode;
  readonly origin: RefusalOrigin;
  readonly temporary: boolean;
  readonly field: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ExchangeErrorCode, message: string, options: RefusalOptions = {}) {
    super(message);
    this.name = 'ExchangeRefusal';
    this.code = code;
    this.origin = options.origin ?? 'hub';
    this.temporary = isTemporary(code);
    this.field = options.field;
    this.details = options.details;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      origin: this.origin,
      temporary: this.temporary,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
    };
  }
}

export function refuse(code: ExchangeErrorCode, message: string, options?: RefusalOptions): never {
  throw new ExchangeRefusal(code, message, options);
}

export function invalidField(field: string, message: string, origin: RefusalOrigin = 'hub'): ExchangeRefusal {
  return new ExchangeRefusal(ExchangeErrorCode.EXCHANGE_INVALID_FIELD, `${message} (trường ${field})`, { origin, field });
}

export function isExchangeRefusal(e: unknown): e is ExchangeRefusal {
  return e instanceof ExchangeRefusal;
}
