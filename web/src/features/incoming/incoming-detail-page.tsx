import { useParams } from 'react-router';
import { ASSIGNMENT_STATE_LABELS, incomingApi, KIND_LABELS, SIGNATURE_LABELS, URGENCY_LABELS } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { ChangeRequests } from './change-requests.tsx';
import { FileIntoCaseFile } from './file-into-case-file.tsx';
import { ClerkActions, DirectForm, ExtensionDecisions, PassOnForm, WorkForm } from './incoming-actions.tsx';
import { formatDate, formatDateTime } from './format.ts';
import { SignatureValidationPanel } from '../signing/validation-panel.tsx';
import { StartReplyButton } from '../outgoing/start-reply-button.tsx';

const EVENT_LABELS: Record<string, string> = {
  arrived: 'Văn bản đến', paper_entered: 'Nhập văn bản giấy', registered: 'Vào sổ', refused: 'Từ chối tiếp nhận', presented: 'Trình lãnh đạo',
  directed: 'Chỉ đạo, phân công', reassigned: 'Phân công lại', filed_for_information: 'Lưu để biết', passed: 'Giao xử lý', comment: 'Ý kiến',
  opinion: 'Ý kiến phối hợp', file_attached: 'Đính kèm tệp', extension_requested: 'Xin gia hạn', extension_granted: 'Đồng ý gia hạn',
  extension_refused: 'Không đồng ý gia hạn', finished: 'Hoàn thành', status_sent: 'Gửi trạng thái cho cơ quan gửi',
  change_requested: 'Nhận yêu cầu thu hồi, cập nhật, thay thế', change_accepted: 'Đồng ý yêu cầu thay đổi', change_refused: 'Từ chối yêu cầu thay đổi',
  duplicate_package: 'Nhận trùng gói tin',
};

/** One incoming document: metadata, files with their signature check, assignments, history, and the actions the user may take. */
export function IncomingDetailPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useLoad((signal) => incomingApi.get(id, signal), [id]);
  if (loading && !data) return <Page title="Văn bản đến"><Loading /></Page>;
  if (!data) return <Page title="Văn bản đến"><ErrorAlert message={error} /></Page>;
  const d = data.document;
  const name = (uid: string | null) => (uid ? data.names[uid] ?? '' : '');
  return (
    <Page title={d.subject} subtitle={`${d.senderName} · ${d.stateLabel}`} actions={<>
      {!['arrived', 'refused'].includes(d.state) && <a className="button button-light" href={`/api/incoming/${d.id}/handling-slip`} target="_blank" rel="noopener">In phiếu xử lý</a>}{' '}
      <StartReplyButton incomingId={d.id} state={d.state} />
    </>}>
      <ErrorAlert message={error} />
      {d.duplicateOf && (
        <div className="alert alert-warning" role="status">
          Cảnh báo: văn bản có thể trùng với một văn bản đã nhận ({d.duplicateReason}). <a href={`/van-ban-den/${d.duplicateOf}`}>Xem văn bản đã nhận</a>.
        </div>
      )}
      <Panel title="Thông tin văn bản">
        <dl className="doc-facts">
          <dt>Số, ký hiệu</dt><dd>{d.codeNotation ? `${d.codeNumber}/${d.codeNotation}` : d.codeNumber}</dd>
          <dt>Ngày văn bản</dt><dd>{formatDate(d.promulgationDate)}</dd>
          <dt>Tên loại</dt><dd>{d.typeName}</dd>
          <dt>Cơ quan gửi</dt><dd>{d.senderName}{d.channel === 'paper' ? ' (văn bản giấy)' : ''}</dd>
          <dt>Người ký</dt><dd>{d.signerName ?? ''}</dd>
          <dt>Độ khẩn</dt><dd>{URGENCY_LABELS[d.urgency] ?? d.urgency}</dd>
          <dt>Hạn trả lời</dt><dd>{formatDate(d.dueDate) || 'Không có'}</dd>
          <dt>Nhận lúc</dt><dd>{formatDateTime(d.receivedAt)}</dd>
          <dt>Số đến</dt><dd data-testid="arrival-number">{d.arrivalNumber ?? 'Chưa vào sổ'}</dd>
          <dt>Chữ ký số</dt><dd data-testid="signature-status">{SIGNATURE_LABELS[d.signatureStatus] ?? d.signatureStatus}</dd>
          {d.refusalReason && <><dt>Lý do từ chối</dt><dd>{d.refusalReason}</dd></>}
          {d.outcome && <><dt>Kết quả</dt><dd>{d.outcomeNote ?? d.outcome}</dd></>}
        </dl>
        {d.warnings.length > 0 && <ul className="warnings">{d.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      </Panel>
      <Panel title="Tệp">
        <ul className="file-list">
          {data.files.map((f) => (
            <li key={f.id}>
              <a href={`/api/incoming/${d.id}/files/${f.id}`}>{f.name}</a> ({Math.ceil(f.size / 1024)} KB{f.role === 'working' ? ', tệp xử lý' : ''})
              {f.signatureStatus && <> · <span className={`badge sig-${f.signatureStatus}`}>{SIGNATURE_LABELS[f.signatureStatus]}</span></>}
            </li>
          ))}
        </ul>
      </Panel>
      {data.files.filter((f) => f.mediaType === 'application/pdf').map((f) => (
        <SignatureValidationPanel key={f.id} incomingId={d.id} fileId={f.id} title={`Chữ ký số — ${f.name}`} />
      ))}
      <ClerkActions detail={data} onDone={reload} />
      {data.can.direct && <DirectForm detail={data} onDone={reload} />}
      {data.assignments.length > 0 && (
        <Panel title="Phân công xử lý">
          <div className="table-wrap">
            <table className="table">
              <thead><tr><th>Vai trò</th><th>Đơn vị, cá nhân</th><th>Người giao</th><th>Ý kiến chỉ đạo</th><th>Hạn xử lý</th><th>Tình trạng</th></tr></thead>
              <tbody>
                {data.assignments.map((a) => (
                  <tr key={a.id}>
                    <td>{a.parentId ? `↳ ${KIND_LABELS[a.kind]}` : KIND_LABELS[a.kind]}</td>
                    <td>{name(a.assigneeUnitId ?? a.assigneeUserId)}</td>
                    <td>{name(a.assignedBy)}{a.onBehalfOf ? ` thay mặt ${name(a.onBehalfOf)}` : ''}</td>
                    <td>{a.instruction}</td>
                    <td>{formatDate(a.deadline)}</td>
                    <td>{ASSIGNMENT_STATE_LABELS[a.state] ?? a.state}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Panel>
      )}
      {data.can.passOn.map((aid) => <PassOnForm key={aid} detail={data} assignmentId={aid} onDone={reload} />)}
      {data.can.work.map((aid) => <WorkForm key={aid} detail={data} assignmentId={aid} onDone={reload} />)}
      <ChangeRequests detail={data} onDone={reload} />
      <ExtensionDecisions detail={data} onDone={reload} />
      {!['arrived', 'refused'].includes(data.document.state) && <FileIntoCaseFile incomingId={data.document.id} />}
      <Panel title="Quá trình xử lý">
        <ol className="timeline">
          {data.events.map((ev) => (
            <li key={ev.id}>
              <span className="time">{formatDateTime(ev.occurredAt)}</span> {EVENT_LABELS[ev.kind] ?? ev.kind}
              {ev.actorUserId ? ` — ${name(ev.actorUserId)}` : ''}{ev.onBehalfOf ? ` thay mặt ${name(ev.onBehalfOf)}` : ''}{ev.text ? `: ${ev.text}` : ''}
            </li>
          ))}
        </ol>
      </Panel>
    </Page>
  );
}
