import { Link, useSearchParams } from 'react-router';
import { findOutgoing, VIEWS } from '../../api/outgoing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';

/** Văn bản đi: the work lists (my drafts, my reviews, to sign, to issue, issued), one tab each. */
export function OutgoingListPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const views = VIEWS.filter((v) => v.anyOf.some((p) => me.abilities[p] !== undefined));
  const view = params.get('view') ?? views[0]?.view ?? 'issued';
  const { data, error, loading } = useLoad((signal) => findOutgoing(view, signal), [view]);
  return (
    <Page
      title="Văn bản đi"
      subtitle={me.agency.name}
      actions={me.abilities['draft.create'] ? <Link className="button button-primary" to="/van-ban-di/moi">Soạn văn bản mới</Link> : undefined}
    >
      <nav className="tabs" aria-label="Danh sách văn bản đi">
        {views.map((v) => (
          <button key={v.view} type="button" className={v.view === view ? 'tab tab-active' : 'tab'} aria-current={v.view === view ? 'page' : undefined} onClick={() => setParams({ view: v.view })}>
            {v.label}
          </button>
        ))}
      </nav>
      <ErrorAlert message={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="result-count" role="status" aria-live="polite">{data.length} văn bản.</p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{VIEWS.find((v) => v.view === view)?.label}</caption>
              <thead>
                <tr>
                  <th scope="col">Trích yếu</th>
                  <th scope="col">Số, ký hiệu</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Cập nhật</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.id}>
                    <th scope="row"><Link to={`/van-ban-di/${d.id}`}>{d.subject}</Link></th>
                    <td>{d.codeNumber ? `${d.codeNumber}/${d.codeNotation}` : '—'}</td>
                    <td><span className="badge">{d.stateLabel}</span></td>
                    <td>{new Date(d.updatedAt).toLocaleString('vi-VN')}</td>
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
