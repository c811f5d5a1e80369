import type { Indicators } from '../../domain/report/indicators.ts';
import type { ReportLevel } from '../../domain/report/facts.ts';
import type { NotConnectedReason } from '../../domain/report/province-report.ts';
import type { PeriodPreset } from '../../domain/report/period.ts';

/**
 * The columns of the evaluation report, in Vietnamese, shared by the XLSX and the PDF. A value is a
 * count, a percentage or hours (null shows "–": an empty denominator).
 */
export interface Column {
  readonly id: string;
  readonly header: string;
  readonly kind: 'count' | 'percent' | 'hours';
  readonly value: (i: Indicators) => number | null;
}

export const COLUMNS: readonly Column[] = [
  { id: 'r1', header: 'R1 Văn bản phát hành', kind: 'count', value: (i) => i.r1.total },
  { id: 'r1e', header: 'R1 có gửi điện tử', kind: 'count', value: (i) => i.r1.electronic },
  { id: 'r1p', header: 'R1 chỉ gửi giấy', kind: 'count', value: (i) => i.r1.paperOnly },
  { id: 'r2', header: 'R2 Lượt gửi điện tử', kind: 'count', value: (i) => i.r2.total },
  { id: 'r2p', header: 'R2 trong tỉnh', kind: 'count', value: (i) => i.r2.province },
  { id: 'r2x', header: 'R2 ngoài tỉnh', kind: 'count', value: (i) => i.r2.external },
  { id: 'r3', header: 'R3 Văn bản đến điện tử', kind: 'count', value: (i) => i.r3.total },
  { id: 'r3r', header: 'R3 đã đăng ký', kind: 'count', value: (i) => i.r3.registered },
  { id: 'r3x', header: 'R3 từ chối', kind: 'count', value: (i) => i.r3.refused },
  { id: 'r3w', header: 'R3 chưa xử lý', kind: 'count', value: (i) => i.r3.pending },
  { id: 'r4', header: 'R4 Văn bản đến đã đăng ký', kind: 'count', value: (i) => i.r4.total },
  { id: 'r4e', header: 'R4 điện tử', kind: 'count', value: (i) => i.r4.electronic },
  { id: 'r4p', header: 'R4 giấy', kind: 'count', value: (i) => i.r4.paper },
  { id: 'r5', header: 'R5 Tỷ lệ gửi điện tử (%)', kind: 'percent', value: (i) => i.r5.percent },
  { id: 'r6', header: 'R6 Tỷ lệ nhận điện tử (%)', kind: 'percent', value: (i) => i.r6.percent },
  { id: 'r7', header: 'R7 Tỷ lệ kèm bản giấy (%)', kind: 'percent', value: (i) => i.r7.percent },
  { id: 'r8o', header: 'R8 Ký số văn bản đi (%)', kind: 'percent', value: (i) => i.r8.outgoing.percent },
  { id: 'r8i', header: 'R8 Ký số văn bản đến (%)', kind: 'percent', value: (i) => i.r8.incoming.percent },
  { id: 'r9', header: 'R9 Gửi đúng hạn (%)', kind: 'percent', value: (i) => i.r9.percent },
  { id: 'r10', header: 'R10 Đăng ký đúng hạn (%)', kind: 'percent', value: (i) => i.r10.percent },
  { id: 'r11m', header: 'R11 Gửi → đăng ký, trung bình (giờ)', kind: 'hours', value: (i) => i.r11.sendToRegistration.meanHours },
  { id: 'r11d', header: 'R11 Gửi → đăng ký, trung vị (giờ)', kind: 'hours', value: (i) => i.r11.sendToRegistration.medianHours },
  { id: 'r11a', header: 'R11 Đến → đăng ký, trung bình (giờ)', kind: 'hours', value: (i) => i.r11.arrivalToRegistration.meanHours },
  { id: 'r11s', header: 'R11 Lệch đồng hồ (số lượt)', kind: 'count', value: (i) => i.r11.sendToRegistration.clamped },
  { id: 'r12', header: 'R12 Xử lý đúng hạn (%)', kind: 'percent', value: (i) => i.r12.percent },
  { id: 'r12l', header: 'R12 hoàn thành trễ hạn', kind: 'count', value: (i) => i.r12.finishedLate },
  { id: 'r12o', header: 'R12 quá hạn chưa xong', kind: 'count', value: (i) => i.r12.openPastDeadline },
  { id: 'r12n', header: 'R12 không có hạn xử lý', kind: 'count', value: (i) => i.r12.withoutDeadline },
  { id: 'r13', header: 'R13 Quá hạn tại thời điểm T', kind: 'count', value: (i) => i.r13.overdue },
  { id: 'r13a', header: 'R13 quá 1–5 ngày', kind: 'count', value: (i) => i.r13.days1to5 },
  { id: 'r13b', header: 'R13 quá 6–10 ngày', kind: 'count', value: (i) => i.r13.days6to10 },
  { id: 'r13c', header: 'R13 quá trên 10 ngày', kind: 'count', value: (i) => i.r13.daysOver10 },
  { id: 'r14a', header: 'R14 Từ chối tiếp nhận (02) đã gửi', kind: 'count', value: (i) => i.r14.refusalsGiven },
  { id: 'r14b', header: 'R14 Bị từ chối (02) đã nhận', kind: 'count', value: (i) => i.r14.refusalsReceived },
  { id: 'r14c', header: 'R14 Yêu cầu thu hồi đã gửi', kind: 'count', value: (i) => i.r14.recallsSent },
  { id: 'r14d', header: 'R14 Đồng ý thu hồi (15)', kind: 'count', value: (i) => i.r14.accepted15 },
  { id: 'r14e', header: 'R14 Từ chối thu hồi (16)', kind: 'count', value: (i) => i.r14.refused16 },
];

/** Change against the previous period: difference of counts, or percentage points. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round((current - previous) * 10) / 10;
}

export const LEVEL_LABELS: Record<ReportLevel, string> = { province: 'Cấp tỉnh', department: 'Sở, ban, ngành', district: 'Cấp huyện', commune: 'Cấp xã' };

export const NOT_CONNECTED_LABELS: Record<NotConnectedReason, string> = {
  no_open_code: 'không có mã định danh còn hiệu lực',
  no_active_clerk: 'không có văn thư đang hoạt động',
  receiving_suspended: 'bị tạm dừng nhận',
};

export const REPORT_TITLES: Record<PeriodPreset, string> = {
  half_year: 'BÁO CÁO ĐÁNH GIÁ ĐỊNH KỲ 6 THÁNG',
  annual: 'BÁO CÁO ĐÁNH GIÁ HẰNG NĂM',
  custom: 'BÁO CÁO ĐÁNH GIÁ',
};

export const REPORT_SUBTITLE = 'Tình hình gửi, nhận văn bản điện tử qua trục liên thông văn bản của tỉnh';

export function vnDate(d: string): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

export function formatValue(kind: Column['kind'], value: number | null): string {
  if (value === null) return '–';
  return kind === 'count' ? String(value) : value.toFixed(1).replace('.', ',');
}
