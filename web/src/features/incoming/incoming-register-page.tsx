import { useState } from 'react';
import { incomingApi } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';

const HEADINGS = ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Đơn vị hoặc người nhận', 'Ngày chuyển', 'Ký nhận', 'Ghi chú'];

/** Sổ đăng ký văn bản đến: the Decree 30 columns on screen, exported as XLSX or PDF. */
export function IncomingRegisterPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading } = useLoad((signal) => incomingApi.register_(year, signal), [year]);
  return (
    <Page
      title="Sổ đăng ký văn bản đến"
      subtitle={data ? `${data.agencyName} · năm ${data.register.year} · quyển số ${data.register.volume}` : undefined}
      actions={<>
        <a className="button button-light" href={`/api/incoming-register/export?format=xlsx&year=${year}`}>Xuất Excel (XLSX)</a>{' '}
        <a className="button button-light" href={`/api/incoming-register/export?format=pdf&year=${year}`}>Xuất PDF</a>
      </>}
    >
      <div className="filters">
        <TextField label="Năm" type="number" min={2000} max={2999} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} />
      </div>
      <ErrorAlert message={error} />
      {loading && !data ? <Loading /> : (
        <div className="table-wrap">
          <table className="table register-table">
            <caption className="visually-hidden">Sổ đăng ký văn bản đến năm {year}</caption>
            <thead>
              <tr>{HEADINGS.map((h) => <th key={h}>{h}</th>)}</tr>
              <tr>{HEADINGS.map((_, i) => <th key={i}>{i + 1}</th>)}</tr>
            </thead>
            <tbody>
              {(data?.lines ?? []).map((l) => (
                <tr key={l.incomingId}>
                  <td>{l.arrivalDate}</td><td>{l.arrivalNumber}</td><td>{l.author}</td><td>{l.numberNotation}</td><td>{l.documentDate}</td>
                  <td>{l.typeAndAbstract}</td><td>{l.passedTo}</td><td>{l.passedOn}</td><td>{l.receipt}</td><td>{l.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data && data.lines.length === 0 && <p className="empty">Sổ chưa có văn bản nào trong năm.</p>}
        </div>
      )}
    </Page>
  );
}
