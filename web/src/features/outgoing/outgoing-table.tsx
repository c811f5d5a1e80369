import { Link } from 'react-router';
import type { OutgoingDocument } from '../../api/outgoing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading } from '../../components/page.tsx';

/** A column of an outgoing-document list; the subject is the row header and links to the document. */
export type OutgoingColumn = 'subject' | 'code' | 'issuedDate' | 'state' | 'updatedAt';

const HEADING: Record<OutgoingColumn, string> = { subject: 'Trích yếu', code: 'Số, ký hiệu', issuedDate: 'Ngày ban hành', state: 'Trạng thái', updatedAt: 'Cập nhật' };

const day = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

function Cell({ column, d }: { column: OutgoingColumn; d: OutgoingDocument }) {
  switch (column) {
    case 'subject': return <th scope="row"><Link to={`/van-ban-di/${d.id}`}>{d.subject}</Link></th>;
    case 'code': return <td>{d.codeNumber ? `${d.codeNumber}/${d.codeNotation}` : '—'}</td>;
    case 'issuedDate': return <td>{day(d.issuedDate)}</td>;
    case 'state': return <td><span className="badge">{d.stateLabel}</span></td>;
    case 'updatedAt': return <td>{new Date(d.updatedAt).toLocaleString('vi-VN')}</td>;
  }
}

/** A loaded list of outgoing documents: the error, the loading note, the count and the table named `label`. */
export function OutgoingTable({ data, error, loading, label, columns }: {
  data: OutgoingDocument[] | null | undefined; error: string | null | undefined; loading: boolean; label: string | undefined; columns: readonly OutgoingColumn[];
}) {
  return (
    <>
      <ErrorAlert message={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="result-count" role="status" aria-live="polite">{data.length} văn bản.</p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{label}</caption>
              <thead>
                <tr>{columns.map((c) => <th key={c} scope="col">{HEADING[c]}</th>)}</tr>
              </thead>
              <tbody>
                {data.map((d) => <tr key={d.id}>{columns.map((c) => <Cell key={c} column={c} d={d} />)}</tr>)}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
