import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { incomingApi, type ChangeRequest, type IncomingDetail } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Panel } from '../../components/page.tsx';
import { formatDateTime } from './format.ts';

const KIND: Record<ChangeRequest['kind'], string> = { revoke: 'Thu hồi', update: 'Cập nhật', replace: 'Thay thế' };
const STATE: Record<string, string> = { open: 'Chờ văn thư trả lời', accepted: 'Đã đồng ý (15)', refused: 'Đã từ chối (16)', parked: 'Chờ văn bản đến', unmatched: 'Không khớp văn bản nào' };

function What({ c, documentId }: { c: ChangeRequest; documentId: string }) {
  if (c.kind === 'update' && c.metadata) {
    const before = c.previousMetadata;
    return <>Trích yếu mới: “{c.metadata.subject}”{before ? ` (trước đây: “${before.subject}”)` : ''}; số, ký hiệu {c.metadata.codeNumber}/{c.metadata.codeNotation}.</>;
  }
  if (c.kind === 'replace') {
    return c.replacementId === documentId
      ? <>Văn bản này thay thế văn bản {c.targetDocumentId}.</>
      : <>Thay thế bởi <a href={`/van-ban-den/${c.replacementId}`}>văn bản mới</a>.</>;
  }
  return <>Cơ quan ban hành đề nghị thu hồi văn bản.</>;
}

function Answer({ c, onDone }: { c: ChangeRequest; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (accept: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await incomingApi.answerChange(c.id, accept ? { accept } : { accept, reason });
      onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <ErrorAlert message={error} />
      <TextField label="Lý do từ chối" value={reason} onChange={(e) => setReason(e.target.value)} hint="Bắt buộc khi từ chối; gửi cho cơ quan ban hành." />
      <div className="form-actions">
        <button className="button button-primary" type="button" disabled={busy} onClick={() => void send(true)}>Đồng ý {KIND[c.kind].toLowerCase()}</button>{' '}
        <button className="button button-light" type="button" disabled={busy || reason.trim().length < 3} onClick={() => void send(false)}>Từ chối</button>
      </div>
    </div>
  );
}

/** Revocations, updates and replacements received for this document; the clerk answers the open ones. */
export function ChangeRequests({ detail, onDone }: { detail: IncomingDetail; onDone(): void }) {
  if (detail.changeRequests.length === 0) return null;
  return (
    <Panel title="Yêu cầu thu hồi, cập nhật, thay thế">
      <ul>
        {detail.changeRequests.map((c) => (
          <li key={c.id}>
            <strong>{KIND[c.kind]}</strong> · {formatDateTime(c.receivedAt)} · {STATE[c.state] ?? c.state}
            {c.reason ? ` · ${c.reason}` : ''}
            <div><What c={c} documentId={detail.document.id} /></div>
            {c.answerReason && <div>Lý do từ chối: {c.answerReason}</div>}
            {detail.can.answerChanges.includes(c.id) && <Answer c={c} onDone={onDone} />}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
