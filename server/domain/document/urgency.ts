/** Urgency (mức độ khẩn), domain.md §5.2; EDXML `OtherInfo/Priority` on the wire. */
export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_LABELS: Record<Urgency, string> = {
  normal: 'Thường',
  urgent: 'Khẩn',
  very_urgent: 'Thượng khẩn',
  flash: 'Hỏa tốc',
};

/** Paper stamp text (box 10b); normal documents carry none. */
export const URGENCY_STAMPS: Record<Urgency, string | null> = {
  normal: null,
  urgent: 'KHẨN',
  very_urgent: 'THƯỢNG KHẨN',
  flash: 'HỎA TỐC',
};

const TO_PRIORITY: Record<Urgency, '0' | '1' | '2' | '3'> = { normal: '0', urgent: '1', very_urgent: '2', flash: '3' };

export function isUrgency(value: string): value is Urgency {
  return (URGENCIES as readonly string[]).includes(value);
}

/** Decree 30 knows three urgency levels, so only `0`–`3` are ever emitted. */
export function priorityOf(urgency: Urgency): '0' | '1' | '2' | '3' {
  return TO_PRIORITY[urgency];
}

export type PriorityReading =
  | { readonly ok: true; readonly urgency: Urgency; readonly note?: string }
  | { readonly ok: false; readonly raw: string; readonly note: string };

/**
 * Reads a received `Priority`. The legacy `4` (Hỏa tốc hẹn giờ) is accepted as flash with a note
 * and never offered; an unknown value is kept raw and flagged, the package still accepted.
 */
export function urgencyFromPriority(priority: string | undefined): PriorityReading {
  const raw = (priority ?? '').trim();
  if (raw === '' || raw === '0') return { ok: true, urgency: 'normal' };
  if (raw === '1') return { ok: true, urgency: 'urgent' };
  if (raw === '2') return { ok: true, urgency: 'very_urgent' };
  if (raw === '3') return { ok: true, urgency: 'flash' };
  if (raw === '4') return { ok: true, urgency: 'flash', note: 'Mức độ khẩn cũ "Hỏa tốc hẹn giờ" (Priority 4), được ghi nhận là Hỏa tốc' };
  return { ok: false, raw, note: `Mức độ khẩn không xác định (Priority ${raw}), giữ nguyên giá trị nhận được` };
}

/** Khẩn and above must be handled "immediately" (domain.md §2). */
export function isUrgent(urgency: Urgency): boolean {
  return urgency !== 'normal';
}
