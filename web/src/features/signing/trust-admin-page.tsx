import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/errors.ts';
import { addRevocationSource, addTrustAnchor, fileToBase64, findRevocationSources, findTrustAnchors, removeRevocationSource, removeTrustAnchor } from '../../api/signing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatDay, formatSigningTime } from './format.ts';

/** Nguồn tin cậy (system operator): CA certificates signatures may chain to, and revocation lists. */
export function TrustAdminPage() {
  const { data, error, loading, reload } = useLoad(async (signal) => {
    const [anchors, sources] = await Promise.all([findTrustAnchors(signal), findRevocationSources(signal)]);
    return { anchors, sources };
  }, []);
  const [kind, setKind] = useState<'root' | 'intermediate'>('root');
  const [certFile, setCertFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [crlFile, setCrlFile] = useState<File | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setActionError(null);
    try {
      await action();
      reload();
    } catch (err) {
      setActionError(messageOf(err));
    }
  }

  const addAnchor = (e: FormEvent) => {
    e.preventDefault();
    if (!certFile) return setActionError('Chọn tệp chứng thư (PEM hoặc DER).');
    void run(async () => addTrustAnchor({ kind, certificateBase64: await fileToBase64(certFile) }));
  };
  const addSource = (e: FormEvent) => {
    e.preventDefault();
    if (!url && !crlFile) return setActionError('Nhập địa chỉ CRL hoặc chọn tệp CRL.');
    void run(async () => addRevocationSource(url ? { url } : { crlBase64: await fileToBase64(crlFile!) }));
  };

  return (
    <Page title="Nguồn tin cậy chữ ký số" subtitle="Chứng thư gốc, chứng thư trung gian và danh sách chứng thư bị thu hồi dùng để kiểm tra mọi chữ ký số trong tỉnh.">
      <ErrorAlert message={error ?? actionError} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <Panel title="Chứng thư tin cậy">
            {data.anchors.length === 0 ? <p className="empty">Chưa có chứng thư tin cậy nào ngoài CA thử nghiệm (nếu có).</p> : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Chứng thư tin cậy</caption>
                  <thead><tr><th scope="col">Loại</th><th scope="col">Chủ thể</th><th scope="col">Hiệu lực</th><th scope="col">Dấu vân tay SHA-256</th><th scope="col"><span className="visually-hidden">Thao tác</span></th></tr></thead>
                  <tbody>
                    {data.anchors.map((a) => (
                      <tr key={a.id}>
                        <td>{a.kind === 'root' ? 'Gốc' : 'Trung gian'}</td>
                        <th scope="row">{a.subject}</th>
                        <td>{formatDay(a.notBefore)} – {formatDay(a.notAfter)}</td>
                        <td className="mono">{a.fingerprint.slice(0, 23)}…</td>
                        <td><button type="button" className="button button-danger" onClick={() => void run(() => removeTrustAnchor(a.id))}>Gỡ bỏ</button></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <form className="form inline-form" onSubmit={addAnchor} noValidate aria-label="Thêm chứng thư tin cậy">
              <div className="form-row">
                <SelectField label="Loại chứng thư" value={kind} onChange={(e) => setKind(e.target.value as 'root' | 'intermediate')} options={[{ value: 'root', label: 'Chứng thư gốc' }, { value: 'intermediate', label: 'Chứng thư trung gian' }]} />
                <div className="field">
                  <label htmlFor="anchor-file">Tệp chứng thư (PEM, DER)</label>
                  <input id="anchor-file" type="file" accept=".crt,.cer,.pem,.der" onChange={(e) => setCertFile(e.target.files?.[0] ?? null)} />
                </div>
              </div>
              <div className="form-actions"><button type="submit" className="button button-primary">Thêm chứng thư</button></div>
            </form>
          </Panel>
          <Panel title="Danh sách chứng thư bị thu hồi (CRL)">
            {data.sources.length === 0 ? <p className="empty">Chưa khai báo nguồn CRL nào.</p> : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Nguồn CRL</caption>
                  <thead><tr><th scope="col">Nguồn</th><th scope="col">Tổ chức phát hành</th><th scope="col">Cập nhật</th><th scope="col">Tình trạng tải</th><th scope="col"><span className="visually-hidden">Thao tác</span></th></tr></thead>
                  <tbody>
                    {data.sources.map((s) => (
                      <tr key={s.id}>
                        <th scope="row" className="mono">{s.url ?? 'Tệp tải lên'}</th>
                        <td>{s.issuer ?? '—'}</td>
                        <td>{s.thisUpdate ? formatSigningTime(s.thisUpdate) : '—'}{s.nextUpdate ? <div className="hint">Lần tới: {formatSigningTime(s.nextUpdate)}</div> : null}</td>
                        <td>{s.url === null ? '—' : s.lastError ? <span className="badge badge-error">Lỗi: {s.lastError}</span> : s.fetchedAt ? `Đã tải ${formatSigningTime(s.fetchedAt)}` : 'Chưa tải'}</td>
                        <td><button type="button" className="button button-danger" onClick={() => void run(() => removeRevocationSource(s.id))}>Gỡ bỏ</button></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <form className="form inline-form" onSubmit={addSource} noValidate aria-label="Thêm nguồn CRL">
              <div className="form-row">
                <TextField label="Địa chỉ CRL (http, https)" type="url" value={url} onChange={(e) => setUrl(e.target.value)} hint="Hệ thống tự tải và làm mới trước hạn cập nhật, ít nhất mỗi ngày." />
                <div className="field">
                  <label htmlFor="crl-file">hoặc tệp CRL (PEM, DER)</label>
                  <input id="crl-file" type="file" accept=".crl,.pem,.der" onChange={(e) => setCrlFile(e.target.files?.[0] ?? null)} />
                </div>
              </div>
              <div className="form-actions"><button type="submit" className="button button-primary">Thêm nguồn CRL</button></div>
            </form>
          </Panel>
        </>
      )}
    </Page>
  );
}
