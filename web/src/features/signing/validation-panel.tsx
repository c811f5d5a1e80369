import { validateIncomingFile, validateStoredFile, type SignatureStatus, type ValidationResult } from '../../api/signing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatSigningTime } from './format.ts';

const BADGE: Record<SignatureStatus, string> = { VALID: 'badge badge-ok', INVALID: 'badge badge-error', INDETERMINATE: 'badge badge-warn' };

/**
 * The signatures of a PDF, one line each: who signed, for which agency, when, the result and why
 * (domain.md §10.3). Document screens embed <SignatureValidationPanel fileId=…/> (with incomingId for
 * a file of an incoming document); a result already at hand (an uploaded file) is shown with
 * <ValidationResultView/>.
 */
export function SignatureValidationPanel({ fileId, incomingId, title = 'Chữ ký số' }: { fileId: string; incomingId?: string | undefined; title?: string }) {
  const { data, error, loading, reload } = useLoad(
    (signal) => (incomingId ? validateIncomingFile(incomingId, fileId, signal) : validateStoredFile(fileId, signal)),
    [fileId, incomingId],
  );
  return (
    <section className="panel signature-panel" aria-label={title}>
      <div className="panel-head">
        <h2>{title}</h2>
        <button type="button" className="button" onClick={reload} disabled={loading}>Kiểm tra lại</button>
      </div>
      <div className="panel-body">
        <ErrorAlert message={error} />
        {loading && !data && <Loading label="Đang kiểm tra chữ ký số…" />}
        {data && <ValidationResultView result={data} />}
      </div>
    </section>
  );
}

export function ValidationResultView({ result }: { result: ValidationResult }) {
  return (
    <div className="validation-result">
      <p className="validation-summary" role="status">
        Kết luận: <span className={BADGE[result.status]}>{result.statusLabel}</span>
        {result.signatures.length === 0 && <span> — {result.reasons.map((r) => r.label).join('; ')}</span>}
      </p>
      {result.signatures.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Kết quả kiểm tra từng chữ ký số</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Người ký</th>
                <th scope="col">Cơ quan</th>
                <th scope="col">Thời điểm ký</th>
                <th scope="col">Kết quả</th>
                <th scope="col">Lý do</th>
              </tr>
            </thead>
            <tbody>
              {result.signatures.map((s) => (
                <tr key={s.index} data-status={s.status}>
                  <td>{s.index}</td>
                  <th scope="row">{s.signer?.commonName ?? 'Không rõ người ký'}</th>
                  <td>{s.signer?.organisation ?? ''}</td>
                  <td>{s.signingTime ? formatSigningTime(s.signingTime) : 'Không rõ'}</td>
                  <td><span className={BADGE[s.status]}>{s.statusLabel}</span></td>
                  <td>{s.reasons.length === 0 ? '—' : s.reasons.map((r) => <span key={r.code} className="reason" title={r.code}>{r.label}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
