/**
 * Rounding and the shapes of rates and durations (domain.md §15.1): percentages rounded half-up to
 * one decimal, "–" (null) for an empty denominator; durations in hours to 0.1, negatives clamped.
 */

/** Half-up to one decimal; the 12-digit precision step removes binary noise (62.95 × 10 = 629.4999…). */
export function roundHalfUp1(value: number): number {
  const scaled = Number((value * 10).toPrecision(12));
  return Math.floor(scaled + 0.5) / 10;
}

export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** Percentage to one decimal, or null ("–") when the denominator is empty. */
  readonly percent: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, percent: denominator === 0 ? null : roundHalfUp1((100 * numerator) / denominator) };
}

export interface Durations {
  readonly count: number;
  readonly meanHours: number | null;
  readonly medianHours: number | null;
  /** How many were negative (clock skew) and counted as 0. */
  readonly clamped: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `hours` are already clamped at 0; `clamped` says how many were. */
export function durations(hours: readonly number[], clamped: number): Durations {
  const m = median(hours);
  return {
    count: hours.length,
    meanHours: hours.length === 0 ? null : roundHalfUp1(hours.reduce((a, b) => a + b, 0) / hours.length),
    medianHours: m === null ? null : roundHalfUp1(m),
    clamped,
  };
}

/** Hours between two instants, clamped at 0; `negative` is true when it was clamped. */
export function hoursBetween(from: Date, to: Date): { hours: number; negative: boolean } {
  const ms = to.getTime() - from.getTime();
  return ms < 0 ? { hours: 0, negative: true } : { hours: ms / 3_600_000, negative: false };
}

/** "–" for a missing value, else the number with one decimal and a comma (Vietnamese style). */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(1).replace('.', ',')} %`;
}

export function formatHours(value: number | null): string {
  return value === null ? '–' : value.toFixed(1).replace('.', ',');
}
