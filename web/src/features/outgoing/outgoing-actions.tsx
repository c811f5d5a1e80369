import { useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { act, type OutgoingDocument } from '../../api/outgoing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import type { Me } from '../../api/auth.ts';
import type { SignerBox } from '../signing/geometry.ts';
import { SealPreview, SignerPlacement } from './signing-step.tsx';

/** The buttons the current user may press on this document in its state (the server checks again). */
export function OutgoingActions({ doc, me, onDone, signerName }: { doc: OutgoingDocument; me: Me; onDone(): void; signerName?: string | undefined }) {
  const [comment, setComment] = useState('');
  const [signerBox, setSignerBox] = useState<SignerBox | null>(doc.signerBox);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (action: 'submit' | 'approve' | 'return' | 'sign' | 'issue' | 'recall', body: Record<string, unknown> = {}) => {
    setBusy(action);
    setError(null);
    try {
      await act(doc.id, action, body);
      setComment('');
      onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const mine = doc.drafterId === me.user.id;
  const myReview = doc.state === 'in_review' && doc.reviewChain[doc.reviewStep]?.userId === me.user.id;
  const mySignature = doc.state === 'awaiting_signature' && doc.signerId === me.user.id;
  const canIssue = (doc.state === 'signed' || doc.state === 'issuing') && me.abilities['document.issue'] !== undefined;
  const buttons = [];
  if (mine && (doc.state === 'drafting' || doc.state === 'returned')) {
    buttons.push(<Link key="edit" className="button" to={`/van-ban-di/${doc.id}/sua`}>Sửa dự thảo</Link>);
    buttons.push(<button key="submit" type="button" className="button button-primary" disabled={!!busy} onClick={() => void run('submit')}>Trình duyệt</button>);
  }
  if (myReview) buttons.push(<button key="approve" type="button" className="button button-primary" disabled={!!busy} onClick={() => void run('approve', comment.trim() ? { comment } : {})}>Đồng ý</button>);
  if (mySignature) buttons.push(<button key="sign" type="button" className="button button-primary" disabled={!!busy} onClick={() => void run('sign', { signerBox })}>{busy === 'sign' ? 'Đang ký số…' : 'Ký số'}</button>);
  if (myReview || mySignature) buttons.push(<button key="return" type="button" className="button" disabled={!!busy} onClick={() => void run('return', { comment })}>Trả lại</button>);
  if (canIssue) {
    buttons.push(
      <button key="issue" type="button" className="button button-primary" disabled={!!busy} onClick={() => void run('issue')}>
        {busy === 'issue' ? 'Đang cấp số, ký số cơ quan và gửi…' : doc.state === 'issuing' ? 'Tiếp tục phát hành' : 'Cấp số và phát hành'}
      </button>,
    );
  }
  const canRecall = (doc.state === 'issued' || doc.state === 'updated') && me.abilities['document.recall'] !== undefined;
  if (canRecall) buttons.push(<button key="recall" type="button" className="button" disabled={!!busy} onClick={() => void run('recall', { reason: comment })}>Thu hồi văn bản</button>);
  if (buttons.length === 0) return null;
  return (
    <div className="panel">
      <ErrorAlert message={error} />
      {mySignature && <SignerPlacement value={signerBox} onChange={setSignerBox} signerName={signerName} agencyName={me.agency.name} />}
      {canIssue && <SealPreview doc={doc} signerName={signerName} agencyName={me.agency.name} />}
      {(myReview || mySignature || canRecall) && (
        <div className="field">
          <label htmlFor="review-comment">{canRecall ? 'Lý do thu hồi' : 'Ý kiến (bắt buộc khi trả lại)'}</label>
          <textarea id="review-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
      )}
      <div className="form-actions">{buttons}</div>
    </div>
  );
}
