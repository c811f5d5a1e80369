import { Link, useSearchParams } from 'react-router';
import { findOutgoing, VIEWS } from '../../api/outgoing.ts';
import { Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';
import { OutgoingTable } from './outgoing-table.tsx';

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
      <OutgoingTable data={data} error={error} loading={loading} label={VIEWS.find((v) => v.view === view)?.label} columns={['subject', 'code', 'state', 'updatedAt']} />
    </Page>
  );
}
