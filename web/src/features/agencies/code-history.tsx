import type { AgencyCode } from '../../api/agencies.ts';
import { formatDate } from './format.ts';

export function CodeHistory({ codes }: { codes: AgencyCode[] }) {
  if (codes.length === 0) return <p className="empty">Chưa có mã định danh.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Lịch sử mã định danh</caption>
      <thead>
        <tr>
          <th scope="col">Mã định danh</th>
          <th scope="col">Hiệu lực từ</th>
          <th scope="col">Đến</th>
          <th scope="col">Ghi chú</th>
        </tr>
      </thead>
      <tbody>
        {codes.map((c) => (
          <tr key={`${c.code}-${c.validFrom}`}>
            <td className="mono">{c.code}</td>
            <td>{formatDate(c.validFrom)}</td>
            <td>{c.validTo ? formatDate(c.validTo) : <span className="badge badge-ok">Đang dùng</span>}</td>
            <td>{c.isSample ? 'Mã mẫu, chưa xác nhận' : c.source ?? ''}{c.successorCode ? ` · thay bằng ${c.successorCode}` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
