import { describe, expect, it } from 'vitest';
import { isUrgent, priorityOf, URGENCIES, urgencyFromPriority, URGENCY_LABELS } from './urgency.ts';

describe('urgency and EDXML Priority', () => {
  it('emits 0–3 in ascending urgency', () => {
    expect(URGENCIES.map(priorityOf)).toEqual(['0', '1', '2', '3']);
    expect(URGENCY_LABELS.flash).toBe('Hỏa tốc');
  });

  it('reads 0–3 back to the same level', () => {
    for (const u of URGENCIES) expect(urgencyFromPriority(priorityOf(u))).toEqual({ ok: true, urgency: u });
  });

  it('reads the legacy 4 (Hỏa tốc hẹn giờ) as flash with a note, never offers it', () => {
    const r = urgencyFromPriority('4');
    expect(r).toMatchObject({ ok: true, urgency: 'flash' });
    expect(r.ok && r.note).toContain('Hỏa tốc hẹn giờ');
    expect(URGENCIES.map(priorityOf)).not.toContain('4');
  });

  it('keeps an unknown value raw and flags it; an absent one is normal', () => {
    expect(urgencyFromPriority('7')).toMatchObject({ ok: false, raw: '7' });
    expect(urgencyFromPriority(undefined)).toEqual({ ok: true, urgency: 'normal' });
  });

  it('treats Khẩn and above as urgent', () => {
    expect(URGENCIES.filter(isUrgent)).toEqual(['urgent', 'very_urgent', 'flash']);
  });
});
