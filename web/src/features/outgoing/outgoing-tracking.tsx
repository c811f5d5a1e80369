import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { DELIVERY_LABELS, getTracking, recordPaperSent, resend } from '../../api/outgoing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN') : '');

/**
 * Theo dõi: per recipient the hub's delivery state and the business statuses that came back; internal
 * units with the time the document reached them; paper recipients with "Đã gửi bản giấy" for the clerk.
 */
export function OutgoingTracking({ id, canResend }: { id: string; canResend: boolean }) {
  const { data, error, reload } = useLoad((signal) => getTracking(id, signal), [id]);
  const [actionError, setActionError] = useState<string | null>(null);
  const run = async (action: (id: string, recipientId: string) => Promise<unknown>, recipientId: string) => {
    setActionError(null);
    try {
      await action(id, recipientId);
      reload();
    } catch (e) {
      setActionError(messageOf(e));
    }
  };
  return (
    <Panel title="Theo dõi gửi, nhận" actions={<button type="button" className="button button-small" onClick={reload}>Làm mới</button>}>
      <ErrorAlert message={error ?? actionError} />
      {!data ? <Loading /> : (
        <div className="table-wrap">
          <table className="table" aria-label="Tình trạng từng nơi nhận">
            <thead>
              <tr>
                <th scope="col">Nơi nhận</th>
                <th scope="col">Chuyển, gửi</th>
                <th scope="col">Tình trạng xử lý</th>
                <th scope="col">Lịch sử</th>
                <th scope="col"><span className="visually-hidden">Thao tác</span></th>
              </tr>
            </thead>
            <tbody>
              {data.recipients.map((r) => (
                <tr key={r.recipient.id}>
                  <th scope="row">
                    {r.recipient.name}{r.recipient.kind === 'unit' && <span className="hint"> (nội bộ)</span>}
                    {r.recipient.kind === 'paper' && <div className="hint">Bản giấy: {r.recipient.address}</div>}
                  </th>
                  <td>
                    {r.recipient.kind === 'paper' && (r.recipient.paperSentAt ? 'Đã gửi bản giấy' : 'Chưa gửi bản giấy')}
                    {r.recipient.paperSentAt && <div className="hint">{time(r.recipient.paperSentAt)}</div>}
                    {r.delivery ? DELIVERY_LABELS[r.delivery.state] ?? r.delivery.state : r.recipient.kind === 'unit' ? (r.recipient.deliveredAt ? 'Đã chuyển (nội bộ)' : 'Chưa chuyển (nội bộ)') : r.recipient.kind === 'agency' ? '—' : null}
                    {r.recipient.kind === 'unit' && r.recipient.deliveredAt && <div className="hint">{time(r.recipient.deliveredAt)}</div>}
                    {r.delivery?.deliveredAt && <div className="hint">{time(r.delivery.deliveredAt)}</div>}
                    {r.delivery?.lastErrorMessage && r.delivery.state !== 'delivered' && <div className="hint">{r.delivery.lastErrorMessage}</div>}
                  </td>
                  <td>
                    {r.statusName ?? (r.recipient.kind === 'agency' ? 'Chưa có phản hồi' : '—')}
                    {r.recipient.statusAt && <div className="hint">{time(r.recipient.statusAt)}</div>}
                    {r.recipient.refusedReason && <div className="hint">Lý do: {r.recipient.refusedReason}</div>}
                    {r.recipient.changeOpen && <div className="hint">Đã gửi yêu cầu thu hồi, chờ trả lời</div>}
                    {r.recipient.changeAnswer && (
                      <div className="hint">
                        {r.recipient.changeAnswer === '15' ? 'Đồng ý thu hồi' : 'Từ chối thu hồi'}{r.recipient.changeAnswerReason ? `: ${r.recipient.changeAnswerReason}` : ''} {time(r.recipient.changeAnsweredAt)}
                      </div>
                    )}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {r.events.map((e, i) => <li key={i}>{e.statusCode} {e.statusName} — {time(e.occurredAt)}{e.description ? ` (${e.description})` : ''}</li>)}
                    </ul>
                  </td>
                  <td>
                    {canResend && r.delivery?.state === 'dead' && <button type="button" className="button button-small" onClick={() => void run(resend, r.recipient.id)}>Gửi lại</button>}
                    {canResend && r.recipient.kind === 'paper' && !r.recipient.paperSentAt && (
                      <button type="button" className="button button-small" onClick={() => void run(recordPaperSent, r.recipient.id)} aria-label={`Đã gửi bản giấy đến ${r.recipient.name}`}>Đã gửi bản giấy</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
