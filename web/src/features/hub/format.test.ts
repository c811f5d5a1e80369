import { describe, expect, it } from 'vitest';
import { alarmText, formatAge, formatError, formatTime, label, STATE_LABEL } from './format.ts';

describe('hub screen formats', () => {
  it('ages read as Vietnamese durations', () => {
    expect(formatAge(null)).toBe('');
    expect(formatAge(45)).toBe('45 giây');
    expect(formatAge(180)).toBe('3 phút');
    expect(formatAge(2 * 3600 + 5 * 60)).toBe('2 giờ 5 phút');
    expect(formatAge(3 * 86400 + 4 * 3600)).toBe('3 ngày 4 giờ');
  });

  it('times are shown in Vietnam time', () => {
    expect(formatTime('2026-12-01T17:30:00.000Z')).toContain('00:30');
  });

  it('an error names its code and whose it is; unknown states show as they are', () => {
    expect(formatError('EXCHANGE_SIGNATURE_INVALID', 'peer', 'Chữ ký sai')).toBe('EXCHANGE_SIGNATURE_INVALID (trục tiếp theo): Chữ ký sai');
    expect(formatError(null, null, null)).toBe('');
    expect(label(STATE_LABEL, 'dead')).toBe('Dừng chuyển');
    expect(label(STATE_LABEL, 'parked')).toBe('parked');
  });

  it('a stuck-queue alarm says how long and how many, and for a peer when it last succeeded', () => {
    expect(alarmText({ kind: 'queue', waiting: 12, since: '2026-12-01T17:00:00.000Z', ageSeconds: 45 * 60 })).toBe('Gói tin cũ nhất chưa chuyển được đã chờ 45 phút (12 gói tin đang chờ).');
    expect(alarmText({ kind: 'peer', peerId: 'p', peerName: 'Trục tỉnh Cà Mau', waiting: 3, lastSuccessAt: null, since: '2026-12-01T17:00:00.000Z', ageSeconds: 2 * 3600 }))
      .toBe('Trục kết nối “Trục tỉnh Cà Mau”: 3 gói tin tồn đọng, 2 giờ không chuyển thành công (chưa chuyển thành công lần nào).');
    expect(alarmText({ kind: 'peer', peerId: 'p', peerName: 'Cà Mau', waiting: 1, lastSuccessAt: '2026-12-01T17:30:00.000Z', since: '2026-12-01T17:30:00.000Z', ageSeconds: 31 * 60 }))
      .toContain('lần thành công gần nhất');
  });
});
