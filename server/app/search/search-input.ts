import { INCOMING_STATE_LABELS } from '../../domain/document/incoming-states.ts';
import { OUTGOING_STATE_LABELS } from '../../domain/document/outgoing-states.ts';
import { parseQuery } from '../../domain/search/query.ts';
import { AppError, ErrorCode } from '../errors.ts';

/** Every state a document may be in (outgoing §7.1 and incoming §8.1). */
export function isStatus(value: string): boolean {
  return value in OUTGOING_STATE_LABELS || value in INCOMING_STATE_LABELS;
}

export function validDate(value: string, field: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!ok) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày "${value}" không hợp lệ (định dạng YYYY-MM-DD).`, { field });
  return value;
}

/** A name filter (sender, signer) as folded words, all of which the name must contain. */
export function filterTerms(value: string | undefined): string[] {
  return value ? parseQuery(value).terms : [];
}
