import { Link } from 'react-router';
import { findOutgoing } from '../../api/outgoing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';

const date = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

/**
 * Văn bản nội bộ: the agency's issued documents sent to the user's unit as an internal recipient
 * (domain.md §7.2 step 11), newest first; the unit's head and members open and read them here.
 */
export function InternalDocumentsPage() {
  const me = useMe();
  const { data, error, loading } = useLoad((signal) => findOutgoing('internal', signal), []);
  return (
    <Page title="Văn bản nội bộ" subtitle={me.agency.name}>
      <p className="hint">Văn bản do cơ quan phát hành gửi đến đơn vị của bạn.</p>
      <ErrorAlert message={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="result-count" role="status" aria-live="polite">{data.length} văn bản.</p>
          <div className="table-wrap">
            <table className="table" aria-label="Văn bản nội bộ gửi đơn vị">
              <thead>
                <tr>
                  <th scope="col">Số, ký hiệu</th>
                  <th scope="col">Ngày ban hành</th>
                  <th scope="col">Trích yếu</th>
                  <th scope="col">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.id}>
                    <td>{d.codeNumber ? `${d.codeNumber}/${d.codeNotation}` : '—'}</td>
                    <td>{date(d.issuedDate)}</td>
                    <th scope="row"><Link to={`/van-ban-di/${d.id}`}>{d.subject}</Link></th>
                    <td><span className="badge">{d.stateLabel}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
