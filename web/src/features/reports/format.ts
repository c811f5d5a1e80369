import type { Level } from '../../api/reports.ts';

export const LEVEL_LABELS: Record<Level, string> = { province: 'Cấp tỉnh', department: 'Sở, ban, ngành', district: 'Cấp huyện', commune: 'Cấp xã' };

export const REASON_LABELS: Record<string, string> = {
  no_open_code: 'không có mã định danh còn hiệu lực',
  no_active_clerk: 'không có văn thư đang hoạt động',
  receiving_suspended: 'bị tạm dừng nhận',
};

const MONTHS = ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'];

export function monthLabel(start: string): string {
  return MONTHS[Number(start.slice(5, 7)) - 1] ?? start;
}

/** "–" for an empty denominator; one decimal with a comma. */
export function pct(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value.toFixed(1).replace('.', ',')} %`;
}

export function hours(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value.toFixed(1).replace('.', ',')} giờ`;
}

export function num(value: number): string {
  return value.toLocaleString('vi-VN');
}

export function vnDate(d: string): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

export interface PeriodChoice {
  id: string;
  label: string;
  start: string;
  end: string;
}

/** The periods the dashboard offers: this year so far, its halves, last year. */
export function periodChoices(today: string): PeriodChoice[] {
  const y = Number(today.slice(0, 4));
  return [
    { id: `${y}`, label: `Năm ${y} (đến nay)`, start: `${y}-01-01`, end: `${y}-12-31` },
    { id: `${y}-h1`, label: `6 tháng đầu năm ${y}`, start: `${y}-01-01`, end: `${y}-06-30` },
    { id: `${y}-h2`, label: `6 tháng cuối năm ${y}`, start: `${y}-07-01`, end: `${y}-12-31` },
    { id: `${y - 1}`, label: `Năm ${y - 1}`, start: `${y - 1}-01-01`, end: `${y - 1}-12-31` },
  ];
}

/** Sorting that keeps "–" (null) last whichever the direction. */
export function compareNullable(a: number | null, b: number | null, dir: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * dir;
}
