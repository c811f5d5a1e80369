import { Link } from 'react-router';
import { getAgency } from '../../api/agencies.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { AgencyFacts } from '../agencies/agency-facts.tsx';
import { CodeHistory } from '../agencies/code-history.tsx';
import { UnitTable } from '../agencies/unit-table.tsx';
import { useMe, useSession } from '../auth/session.tsx';

/** Trang chủ: the signed-in user's own agency, its units and focal point. */
export function MyAgencyPage() {
  const me = useMe();
  const { can } = useSession();
  const { data, error, loading } = useLoad((signal) => getAgency(me.agency.id, signal), [me.agency.id]);

  return (
    <Page title="Cơ quan của tôi" subtitle={<>Xin chào, {me.user.fullName} ({me.user.title}).</>}>
      <div className="agency-banner">
        <p className="agency-banner-name">{me.agency.name}</p>
        <p className="agency-banner-code">
          Mã định danh: <span className="mono">{me.agency.code ?? 'chưa có'}</span>
        </p>
      </div>
      <ErrorAlert message={error} />
      {loading && !data && <Loading />}
      {data && (
        <div className="grid-2">
          <Panel title="Thông tin cơ quan" actions={can('directory.read') && <Link to={`/co-quan/${me.agency.id}`} className="link-small">Xem trong danh bạ</Link>}>
            <AgencyFacts detail={data} />
          </Panel>
          <Panel title="Đơn vị trực thuộc">
            <UnitTable units={data.units} caption={`Đơn vị của ${me.agency.name}`} />
          </Panel>
          <Panel title="Lịch sử mã định danh">
            <CodeHistory codes={data.codes} />
          </Panel>
        </div>
      )}
    </Page>
  );
}
