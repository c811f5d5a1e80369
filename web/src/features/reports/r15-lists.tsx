import type { ProvinceIndicators } from '../../api/reports.ts';

/** Agencies not connected at T, not receiving (backlog, failed deliveries) and inactive in P. */
export function R15Lists({ r15, reasons }: { r15: ProvinceIndicators['r15']; reasons: Record<string, string> }) {
  return (
    <div className="r15-grid">
      <details>
        <summary><strong>{r15.notReceiving.length}</strong> cơ quan tồn đọng hoặc không tiếp nhận trong kỳ</summary>
        <ul>{r15.notReceiving.map((a) => <li key={a.agencyId}>{a.name}: {a.lateArrivals} văn bản đến đăng ký trễ{a.failedDeliveries > 0 ? `, ${a.failedDeliveries} lượt gửi đến thất bại` : ''}</li>)}</ul>
      </details>
      <details>
        <summary><strong>{r15.inactive.length}</strong> cơ quan không phát sinh văn bản trong kỳ</summary>
        <ul>{r15.inactive.map((a) => <li key={a.agencyId}>{a.name}</li>)}</ul>
      </details>
      <details>
        <summary><strong>{r15.notConnected.length}</strong> cơ quan chưa kết nối tại thời điểm tính</summary>
        <ul>{r15.notConnected.map((a) => <li key={a.agencyId}>{a.name}: {a.reasons.map((r) => reasons[r] ?? r).join('; ')}</li>)}</ul>
      </details>
    </div>
  );
}
