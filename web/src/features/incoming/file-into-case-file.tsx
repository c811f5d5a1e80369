import { useState, type FormEvent } from 'react';
import { caseFileApi } from '../../api/case-files.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField } from '../../components/field.tsx';
import { Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useSession } from '../auth/session.tsx';

/** "Lưu vào hồ sơ": files the document into one of the agency's open case files (domain.md §13). */
export function FileIntoCaseFile({ incomingId }: { incomingId: string }) {
  const { me } = useSession();
  const allowed = me?.abilities['casefile.manage'] !== undefined;
  const { data } = useLoad((signal) => (allowed ? caseFileApi.list(signal) : Promise.resolve({ items: [] })), [allowed]);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = (data?.items ?? []).filter((c) => c.closedAt === null);
  if (!allowed || open.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const r = await caseFileApi.file(chosen, incomingId);
      setDone(r.filed ? 'Đã lưu văn bản vào hồ sơ.' : 'Văn bản đã có trong hồ sơ này.');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <Panel title="Lưu vào hồ sơ công việc">
      <ErrorAlert message={error} />
      {done && <div className="alert alert-success" role="status">{done}</div>}
      <form onSubmit={(e) => void submit(e)}>
        <SelectField label="Hồ sơ" required value={chosen} placeholder="— Chọn hồ sơ đang mở —"
          options={open.map((c) => ({ value: c.id, label: `${c.notation} — ${c.title}` }))} onChange={(e) => setChosen(e.target.value)} />
        <div className="form-actions"><button className="button" type="submit">Lưu vào hồ sơ</button></div>
      </form>
    </Panel>
  );
}
