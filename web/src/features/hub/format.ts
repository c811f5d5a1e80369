/** Vietnamese labels and formats for the hub operator screens. */
import type { HubAlarm } from '../../api/hub.ts';

export const STATE_LABEL: Record<string, string> = {
  pending: 'Chờ chuyển',
  sending: 'Đang chuyển',
  failed: 'Chờ thử lại',
  dead: 'Dừng chuyển',
  delivered: 'Đã chuyển',
  abandoned: 'Đã bỏ chuyển',
};

export const ROUTE_LABEL: Record<string, string> = {
  local: 'Tới cơ quan trong tỉnh',
  peer: 'Tới trục khác',
  none: 'Không có đường chuyển',
};

export const ORIGIN_LABEL: Record<string, string> = {
  local: 'hệ thống gửi',
  hub: 'trục này',
  peer: 'trục tiếp theo',
};

export const TRACE_KIND_LABEL: Record<string, string> = {
  custody: 'Nhận giữ gói tin',
  duplicate: 'Gói tin trùng (đã có)',
  refused: 'Từ chối',
  queued: 'Xếp hàng chuyển',
  attempt: 'Thử chuyển',
  attempt_failed: 'Chuyển không thành công',
  delivered: 'Đã chuyển',
  receipt: 'Nhận biên nhận',
  dead: 'Dừng chuyển',
  resent: 'Gửi lại',
  expired: 'Quá thời hạn',
  abandoned: 'Bỏ chuyển (người vận hành)',
};

export const label = (table: Record<string, string>, key: string | null | undefined): string => (key ? table[key] ?? key : '');

/** "45 giây", "3 phút", "2 giờ 5 phút", "3 ngày 4 giờ". */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} giây`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} phút`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} giờ ${m % 60} phút` : `${h} giờ`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} ngày ${h % 24} giờ` : `${d} ngày`;
}

/** Date and time in Vietnam time, as the clerks read it. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}

/** The error of a delivery as one line: code, whose it is, and the message. */
export function formatError(code: string | null, origin: string | null, message: string | null): string {
  if (!code) return '';
  return `${code}${origin ? ` (${label(ORIGIN_LABEL, origin)})` : ''}${message ? `: ${message}` : ''}`;
}

/** One line per stuck-queue alarm, as the operator reads it. */
export function alarmText(a: HubAlarm): string {
  if (a.kind === 'queue') return `Gói tin cũ nhất chưa chuyển được đã chờ ${formatAge(a.ageSeconds)} (${a.waiting} gói tin đang chờ).`;
  const last = a.lastSuccessAt ? `lần thành công gần nhất ${formatTime(a.lastSuccessAt)}` : 'chưa chuyển thành công lần nào';
  return `Trục kết nối “${a.peerName}”: ${a.waiting} gói tin tồn đọng, ${formatAge(a.ageSeconds)} không chuyển thành công (${last}).`;
}
