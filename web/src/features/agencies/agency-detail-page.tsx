import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getAgency, updateAgency } from '../../api/agencies.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useSession } from '../auth/session.tsx';
import { AgencyFacts } from './agency-facts.tsx';
import { CodeForm } from './code-form.tsx';
import { CodeHistory } from './code-history.tsx';
import { UnitForm } from './unit-form.tsx';
import { UnitTable } from './unit-table.tsx';

export function AgencyDetailPage() {
  const { id = '' } = useParams();
  const { me, canWrite } = useSession();
  const [actionError, setActionError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { data, error, loading, reload } = useLoad((signal) => getAgency(id, signal), [id]);
  const manage = canWrite('directory.manage');
  // Units belong to the agency's own administrator (the operator may set up any agency).
  const manageUnits = canWrite('user.manage') && (manage || me?.agency.id === id);
  const agency = data?.agency;

  async function toggleActive() {
    if (!agency) return;
    const next = !agency.active;
    if (!next && !window.confirm(`Ngừng hoạt động "${agency.name}"? Cơ quan sẽ không nhận được văn bản mới.`)) return;
    setActionError(null);
    setNote(null);
    try {
      await updateAgency(id, { active: next });
      setNote(next ? 'Đã cho cơ quan hoạt động trở lại.' : 'Đã ngừng hoạt động cơ quan.');
      reload();
    } catch (e) {
      setActionError(messageOf(e));
    }
  }

  return (
    <Page
      title={agency?.name ?? 'Thông tin cơ quan'}
      actions={
        agency && manage && (
          <>
            <Link className="button" to={`/co-quan/${id}/sua`}>Sửa thông tin</Link>
            <button type="button" className={agency.active ? 'button button-danger' : 'button'} onClick={() => void toggleActive()}>
              {agency.active ? 'Ngừng hoạt động' : 'Cho hoạt động lại'}
            </button>
          </>
        )
      }
    >
      <p className="breadcrumb"><Link to="/co-quan">← Danh bạ cơ quan</Link></p>
      <ErrorAlert message={error ?? actionError} />
      <SuccessNote>{note}</SuccessNote>
      {loading && !data && <Loading />}
      {data && (
        <div className="grid-2">
          <Panel title="Thông tin chung" actions={data.childrenCount > 0 && <Link className="link-small" to={`/co-quan?parent=${id}`}>{data.childrenCount} cơ quan trực thuộc</Link>}>
            <AgencyFacts detail={data} />
          </Panel>
          <Panel title="Lịch sử mã định danh">
            <CodeHistory codes={data.codes} />
            {manage && <CodeForm agencyId={id} currentCode={data.agency.code} onAssigned={reload} />}
          </Panel>
          <Panel title="Đơn vị trực thuộc">
            <UnitTable units={data.units} caption={`Đơn vị của ${data.agency.name}`} />
            {manageUnits && <UnitForm agencyId={id} units={data.units} onCreated={reload} />}
          </Panel>
        </div>
      )}
    </Page>
  );
}
