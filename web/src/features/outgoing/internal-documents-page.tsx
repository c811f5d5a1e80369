import { findOutgoing } from '../../api/outgoing.ts';
import { Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';
import { OutgoingTable } from './outgoing-table.tsx';

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
      <OutgoingTable data={data} error={error} loading={loading} label="Văn bản nội bộ gửi đơn vị" columns={['code', 'issuedDate', 'subject', 'state']} />
    </Page>
  );
}
