import { useState } from 'react';
import { useNavigate } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { startReply } from '../../api/outgoing.ts';
import { useMe } from '../auth/session.tsx';

/** "Soạn văn bản trả lời" on an incoming document: a new draft linked to it and addressed to its sender, opened for editing. */
export function StartReplyButton({ incomingId, state }: { incomingId: string; state: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!me.abilities['draft.create'] || state === 'arrived' || state === 'refused') return null;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const draft = await startReply(incomingId);
      navigate(`/van-ban-di/${draft.id}/sua`);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void start()}>Soạn văn bản trả lời</button>
      {error && <span role="alert" className="field-error">{error}</span>}
    </>
  );
}
