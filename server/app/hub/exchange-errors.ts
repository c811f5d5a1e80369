import type { ExchangeRefusal, RefusalOrigin } from '../../domain/exchange/refusal.ts';
import { AppError, ErrorCode } from '../errors.ts';

/** An exchange refusal as the application error the HTTP edge maps (its origin kept in the details). */
export function appErrorOf(refusal: ExchangeRefusal): AppError {
  return new AppError(ErrorCode[refusal.code], refusal.message, {
    origin: refusal.origin,
    temporary: refusal.temporary,
    ...(refusal.field ? { field: refusal.field } : {}),
  });
}

export function exchangeError(code: keyof typeof ErrorCode & `EXCHANGE_${string}`, message: string, origin: RefusalOrigin): AppError {
  return new AppError(ErrorCode[code], message, { origin });
}
