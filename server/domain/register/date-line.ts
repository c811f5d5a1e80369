import { isLocalDate } from '../calendar/vietnam-time.ts';

/**
 * The date as printed in box 4 (domain.md §5.5): leading zero for days below 10 and for months 1
 * and 2 only, so "ngày 05 tháng 01 năm 2020" but "ngày 15 tháng 3 năm 2020".
 */
export function dateLine(date: string): string {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** "Bạc Liêu, ngày 05 tháng 01 năm 2020". */
export function placeDateLine(place: string, date: string): string {
  return `${place.trim()}, ${dateLine(date)}`;
}
