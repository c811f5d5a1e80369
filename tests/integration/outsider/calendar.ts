import type { OutsiderCases } from './types.ts';

/** The working calendar is the system operator's (hub.operate): an agency administrator or clerk is refused. */
export const calendarCases: OutsiderCases = {
  'GET /api/work-calendar/:year': { kind: 'permission', outsider: 'giamdoc.stc', prepare: async () => ({ method: 'GET', url: '/api/work-calendar/2026' }) },
  'PUT /api/work-calendar/:year': {
    kind: 'permission', outsider: 'vanthu.stc',
    prepare: async () => ({ method: 'PUT', url: '/api/work-calendar/2026', payload: { days: [{ day: '2026-03-02', kind: 'day_off', name: 'Ngày nghỉ giả' }] } }),
  },
};
