import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { findDeadLetters, resendDeadLetter } from '../../api/hub.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { AbandonForm } from './abandon-form.tsx';
import { formatError, formatTime } from './format.ts';

const PAGE_SIZE = 50;

/** Gói tin dừng chuyển: dead letters with their code and origin, and a resend (same id and bytes). */
export function DeadLettersPage() {
  const [offset, setOffset] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [abandoning, setAbandoning] = useState<string | null>(null);
  const { data, error, loading, reload } = useLoad((signal) => findDeadLetters({ limit: PAGE_SIZE, offset }, signal), [offset]);

  const resend = async (deliveryId: string, packageId: string, receiver: string) => {
    setBusy(deliveryId);
    setNote(null);
    setActionError(null);
    setAbandoning(null);
    try {
      await resendDeadLetter(deliveryId);
      setNote(`Đã đưa gói tin ${packageId} tới ${receiver} vào hàng đợi gửi lại.`);
      reload();
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const abandoned = (message: string) => {
    setAbandoning(null);
    setActionError(null);
    setNote(message);
    reload();
  };

  return (
    <Page title="Gói tin dừng chuyển" subtitle="Gói tin bị từ chối hẳn, hết số lần thử hoặc quá thời hạn; gửi lại giữ nguyên mã và nội dung gói tin, bỏ gửi kèm lý do mà nơi gửi thấy" actions={<Link className="button" to="/truc-lien-thong">Về trục liên thông</Link>}>
      <SuccessNote>{note}</SuccessNote>
      <ErrorAlert message={actionError ?? error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="result-count" role="status" aria-live="polite">{data.total === 0 ? 'Không có gói tin dừng chuyển.' : `${data.total} gói tin dừng chuyển.`}</p>
          {data.items.length > 0 && (
            <div className="table-wrap">
              <table className="table" aria-label="Gói tin dừng chuyển">
                <thead>
                  <tr>
                    <th scope="col">Gói tin</th>
                    <th scope="col">Nơi gửi → nơi nhận</th>
                    <th scope="col">Lỗi</th>
                    <th scope="col">Số lần thử</th>
                    <th scope="col">Lần thử cuối</th>
                    <th scope="col"><span className="visually-hidden">Thao tác</span></th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((d) => (
                    <Fragment key={d.deliveryId}>
                      <tr>
                        <th scope="row">
                          <Link className="mono" to={`/truc-lien-thong/tra-cuu?ma=${encodeURIComponent(d.packageId)}`}>{d.packageId}</Link>
                          {d.documentId && <div className="muted">{d.documentId}</div>}
                        </th>
                        <td className="mono">{d.senderCode} → {d.receiverCode}</td>
                        <td>{formatError(d.code, d.origin, d.message)}</td>
                        <td>{d.attempts}</td>
                        <td>{formatTime(d.lastAttemptAt) || 'Chưa thử'}</td>
                        <td>
                          <button type="button" className="button" disabled={busy !== null} onClick={() => void resend(d.deliveryId, d.packageId, d.receiverCode)} aria-label={`Gửi lại gói tin ${d.packageId} tới ${d.receiverCode}`}>
                            {busy === d.deliveryId ? 'Đang gửi lại…' : 'Gửi lại'}
                          </button>
                          <button
                            type="button"
                            className="button button-danger"
                            disabled={busy !== null}
                            aria-expanded={abandoning === d.deliveryId}
                            onClick={() => { setNote(null); setAbandoning(abandoning === d.deliveryId ? null : d.deliveryId); }}
                            aria-label={`Bỏ gửi gói tin ${d.packageId} tới ${d.receiverCode}`}
                          >
                            Bỏ gửi
                          </button>
                        </td>
                      </tr>
                      {abandoning === d.deliveryId && (
                        <tr>
                          <td colSpan={6}>
                            <AbandonForm letter={d} onDone={abandoned} onCancel={() => setAbandoning(null)} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.total > PAGE_SIZE && (
            <div className="pager">
              <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>Trang trước</button>
              <span>{offset + 1}–{Math.min(offset + PAGE_SIZE, data.total)} / {data.total}</span>
              <button type="button" className="button" disabled={offset + PAGE_SIZE >= data.total} onClick={() => setOffset(offset + PAGE_SIZE)}>Trang sau</button>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
