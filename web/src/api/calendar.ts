import { api } from './client.ts';

export type CalendarDayKind = 'day_off' | 'make_up';

/** One row of the operator's working calendar (server: app/ports/work-calendar.ts). */
export interface CalendarDay {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

export const getWorkCalendar = (year: number, signal?: AbortSignal) => api.get<{ year: number; days: CalendarDay[] }>(`/api/work-calendar/${year}`, undefined, signal);
export const replaceWorkCalendar = (year: number, days: CalendarDay[]) => api.put<{ year: number; days: CalendarDay[] }>(`/api/work-calendar/${year}`, { days });
