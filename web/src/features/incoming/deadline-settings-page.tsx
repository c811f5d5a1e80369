import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/errors.ts';
import { incomingApi, URGENCY_LABELS, type DeadlineSetting } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';

/** The agency administrator's default handling deadlines (working days) per urgency, for any document type (domain.md §8.6). */
export function DeadlineSettingsPage() {
  const { data, error, loading, reload } = useLoad((signal) => incomingApi.deadlineSettings(signal), []);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  if (loading && !data) return <Page title="Hạn xử lý văn bản đến"><Loading /></Page>;
  const rows = (data?.items ?? []).filter((s) => s.typeCode === '*');
  const value = (s: DeadlineSetting) => edits[s.urgency] ?? String(s.workingDays);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaveError(null);
    setSaved(false);
    try {
      await incomingApi.saveDeadlineSettings(rows.map((s) => ({ typeCode: '*', urgency: s.urgency, workingDays: Number(value(s)) })));
      setEdits({});
      setSaved(true);
      reload();
    } catch (err) {
      setSaveError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title="Hạn xử lý văn bản đến" subtitle="Số ngày làm việc mặc định kể từ khi lãnh đạo phân công, theo độ khẩn">
      <ErrorAlert message={error ?? saveError} />
      {saved && <div className="alert alert-success" role="status">Đã lưu hạn xử lý mặc định.</div>}
      <Panel title="Mọi loại văn bản">
        <form onSubmit={(e) => void submit(e)}>
          <table className="table">
            <thead><tr><th scope="col">Độ khẩn</th><th scope="col">Số ngày làm việc</th></tr></thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.urgency}>
                  <th scope="row"><label htmlFor={`days-${s.urgency}`}>{URGENCY_LABELS[s.urgency] ?? s.urgency}</label></th>
                  <td>
                    <input id={`days-${s.urgency}`} type="number" min={0} max={365} required value={value(s)}
                      onChange={(e) => setEdits({ ...edits, [s.urgency]: e.target.value })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions"><button className="button button-primary" type="submit" disabled={busy}>Lưu</button></div>
        </form>
      </Panel>
    </Page>
  );
}
