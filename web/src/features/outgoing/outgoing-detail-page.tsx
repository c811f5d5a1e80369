import { useParams } from 'react-router';
import { getOutgoing, URGENCIES } from '../../api/outgoing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';
import { OutgoingActions } from './outgoing-actions.tsx';
import { OutgoingTracking } from './outgoing-tracking.tsx';
import { OutgoingSignaturePanels } from './outgoing-signature-panels.tsx';

const ACTIONS: Record<string, string> = {
  submitted: 'Trình duyệt', approved: 'Đồng ý', returned: 'Trả lại', signed: 'Ký số', issued: 'Phát hành', withdrawn: 'Hủy dự thảo', form_returned: 'Văn thư trả lại (thể thức)',
};
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN') : '');

export function OutgoingDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const { data, error, reload } = useLoad((signal) => getOutgoing(id!, signal), [id]);
  if (error) return <Page title="Văn bản đi"><ErrorAlert message={error} /></Page>;
  if (!data) return <Page title="Văn bản đi"><Loading /></Page>;
  const d = data.document;
  const issued = ['issued', 'updated', 'recalled', 'replaced'].includes(d.state);
  return (
    <Page title={d.subject} subtitle={<><span className="badge" data-testid="state">{d.stateLabel}</span> {d.codeNumber && <strong data-testid="number">Số: {d.codeNumber}/{d.codeNotation}</strong>}</>}>
      <OutgoingActions key={d.updatedAt} doc={d} me={me} onDone={reload} signerName={d.signerId ? data.people[d.signerId] : undefined} />
      <Panel title="Thông tin văn bản">
        <dl className="facts">
          <dt>Mức độ khẩn</dt><dd>{URGENCIES.find((u) => u.value === d.urgency)?.label}</dd>
          <dt>Người soạn</dt><dd>{data.people[d.drafterId]}</dd>
          <dt>Người ký</dt><dd>{d.signerId ? `${d.signerCapacity ? `${d.signerCapacity} — ` : ''}${data.people[d.signerId] ?? ''}` : 'Chưa chọn'}</dd>
          {d.issuedDate && <><dt>Ngày ban hành</dt><dd>{d.issuedDate}</dd></>}
          <dt>Nơi nhận</dt><dd>{data.recipients.map((r) => r.name).join('; ') || '—'}</dd>
          <dt>Nơi nhận in trên văn bản</dt><dd className="pre">{d.toPlaces}</dd>
          {d.replyBy && <><dt>Hạn trả lời</dt><dd>{d.replyBy}</dd></>}
          {d.recallReason && <><dt>Thu hồi</dt><dd>{d.recallReason} ({time(d.recalledAt)})</dd></>}
          <dt>Tệp</dt>
          <dd>
            {d.finalMainFileId ? <a href={`/api/files/${d.finalMainFileId}`}>Văn bản đã ban hành (PDF)</a> : d.mainFileId && <a href={`/api/files/${d.mainFileId}`}>Văn bản chính (dự thảo)</a>}
            {d.finalMainSha256 && <div className="hint mono">SHA-256: {d.finalMainSha256}</div>}
          </dd>
        </dl>
      </Panel>
      <OutgoingSignaturePanels doc={d} />
      {issued && <OutgoingTracking id={d.id} canResend={me.abilities['document.send'] !== undefined} />}
      <Panel title="Lịch sử xử lý">
        <ol className="history" aria-label="Lịch sử xử lý">
          {data.reviews.map((r, i) => (
            <li key={i}>
              <strong>{ACTIONS[r.action] ?? r.action}</strong> — {r.actorName}, {time(r.actedAt)} (phiên bản {r.version})
              {r.comment && <blockquote>{r.comment}</blockquote>}
            </li>
          ))}
        </ol>
      </Panel>
      <Panel title="Các phiên bản">
        <ol className="history" aria-label="Các phiên bản">
          {data.versions.map((v) => (
            <li key={v.version}>
              Phiên bản {v.version} — {data.people[v.createdBy] ?? ''} {time(v.createdAt)}: {String(v.fields.subject ?? '')}
              {v.mainFileId && <> · <a href={`/api/files/${v.mainFileId}`}>tệp</a></>}
            </li>
          ))}
        </ol>
      </Panel>
    </Page>
  );
}
