import { useState } from 'react';
import { Link } from 'react-router';
import { getRegister, registerExportUrl } from '../../api/outgoing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';

/** Sổ đăng ký văn bản đi with the Decree 30 columns; filters; XLSX and PDF export. */
export function OutgoingRegisterPage() {
  const me = useMe();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [q, setQ] = useState('');
  const query = { year: Number(year) || undefined, from: from || undefined, to: to || undefined, q: q || undefined };
  const { data, error, loading } = useLoad((signal) => getRegister(query, signal), [year, from, to, q]);
  const canExport = me.abilities['register.export'] !== undefined;
  return (
    <Page
      title="Sổ văn bản đi"
      subtitle={me.agency.name}
      actions={canExport && (
        <>
          <a className="button" href={registerExportUrl(query, 'xlsx')}>Xuất Excel</a>
          <a className="button" href={registerExportUrl(query, 'pdf')}>Xuất PDF</a>
        </>
      )}
    >
      <div className="filters">
        <TextField label="Năm" type="number" min={2000} max={2999} value={year} onChange={(e) => setYear(e.target.value)} />
        <TextField label="Từ ngày" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Đến ngày" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <TextField label="Tìm theo số, ký hiệu, trích yếu" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ErrorAlert message={error} />
      {loading && !data && <Loading />}
      {data && (
        <div className="table-wrap">
          <table className="table table-register">
            <caption>{data.registerName} — năm {data.year}: {data.rows.length} văn bản</caption>
            <thead><tr>{data.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.numberAndNotation}>
                  <th scope="row">{r.documentId ? <Link to={`/van-ban-di/${r.documentId}`}>{r.numberAndNotation}</Link> : r.numberAndNotation}</th>
                  <td>{r.documentDate}</td>
                  <td>{r.typeAndSubject}</td>
                  <td>{r.signer}</td>
                  <td>{r.recipients}</td>
                  <td>{r.fileCopyHolder}</td>
                  <td>{r.copies ?? ''}</td>
                  <td>{r.passedOnAt ? new Date(r.passedOnAt).toLocaleDateString('vi-VN') : ''}</td>
                  <td>{r.receipt}</td>
                  <td>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
