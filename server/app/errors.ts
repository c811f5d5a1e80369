import { ExchangeErrorCode } from '../domain/exchange/refusal.ts';

/**
 * One error-code enum for the whole application, grouped by area. HTTP statuses are assigned in
 * one table at the edge (entry/http/error-status.ts); nothing here knows about HTTP.
 */
export const ErrorCode = {
  // generic
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  // auth
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  AUTH_ACCOUNT_LOCKED: 'AUTH_ACCOUNT_LOCKED',
  AUTH_CSRF_INVALID: 'AUTH_CSRF_INVALID',
  AUTH_PASSWORD_WEAK: 'AUTH_PASSWORD_WEAK',
  AUTH_RATE_LIMITED: 'AUTH_RATE_LIMITED',
  FORBIDDEN: 'FORBIDDEN',
  // directory
  DIRECTORY_INVALID_ORGAN_ID: 'DIRECTORY_INVALID_ORGAN_ID',
  DIRECTORY_CODE_IN_USE: 'DIRECTORY_CODE_IN_USE',
  DIRECTORY_PARENT_MISSING: 'DIRECTORY_PARENT_MISSING',
  DIRECTORY_IMPORT_INVALID: 'DIRECTORY_IMPORT_INVALID',
  DIRECTORY_NAME_TAKEN: 'DIRECTORY_NAME_TAKEN',
  // users
  USER_USERNAME_TAKEN: 'USER_USERNAME_TAKEN',
  USER_LAST_ADMIN: 'USER_LAST_ADMIN',
  USER_ADMIN_EXISTS: 'USER_ADMIN_EXISTS',
  // files
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FILE_TYPE_MISMATCH: 'FILE_TYPE_MISMATCH',
  FILE_TYPE_NOT_ALLOWED: 'FILE_TYPE_NOT_ALLOWED',
  // audit
  AUDIT_CHAIN_BROKEN: 'AUDIT_CHAIN_BROKEN',
  // registers and numbering
  REGISTER_NAME_TAKEN: 'REGISTER_NAME_TAKEN',
  REGISTER_SERIES_CLASH: 'REGISTER_SERIES_CLASH',
  REGISTER_CLOSED: 'REGISTER_CLOSED',
  REGISTER_YEAR_NOT_OPEN: 'REGISTER_YEAR_NOT_OPEN',
  REGISTER_TYPE_NOT_COVERED: 'REGISTER_TYPE_NOT_COVERED',
  REGISTER_NOTATION_INVALID: 'REGISTER_NOTATION_INVALID',
  REGISTER_NUMBER_TAKEN: 'REGISTER_NUMBER_TAKEN',
  REGISTER_NUMBER_VOIDED: 'REGISTER_NUMBER_VOIDED',
  REGISTER_NOT_CONFIGURED: 'REGISTER_NOT_CONFIGURED',
  // exchange (hub): the refusal catalogue of exchange.md §5.4 (domain/exchange/refusal.ts), plus operator actions
  ...ExchangeErrorCode,
  EXCHANGE_NOT_DEAD_LETTER: 'EXCHANGE_NOT_DEAD_LETTER',
  // incoming documents
  INCOMING_STATE_INVALID: 'INCOMING_STATE_INVALID',
  INCOMING_DUPLICATE: 'INCOMING_DUPLICATE',
  ASSIGNMENT_STATE_INVALID: 'ASSIGNMENT_STATE_INVALID',
  CASEFILE_NOTATION_TAKEN: 'CASEFILE_NOTATION_TAKEN',
  // signing
  SIGNING_NO_KEY: 'SIGNING_NO_KEY',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** "Not found" and "not yours" are one answer to an outsider. */
export function notFound(what: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `${what} không tồn tại`);
}
