import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { getPackageTrace } from '../../api/hub.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatError, formatTime, label, ORIGIN_LABEL, ROUTE_LABEL, STATE_LABEL, TRACE_KIND_LABEL } from './format.ts';

/** Tra cứu gói tin: every hop the hub recorded for one package id, and each delivery's state. */
export function PackageTracePage() {
  const [params, setParams] = useSearchParams();
  const packageId = params.get('ma')?.trim() ?? '';
  const [input, setInput] = useState(packageId);
  const { data, error, loading } = useLoad(async (signal) => {
    if (!packageId) return null;
    try {
      return await getPackageTrace(packageId, signal);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return 'missing' as const;
      throw e;
    }
  }, [packageId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(input.trim() ? { ma: input.trim() } : {});
  };

  return (
    <Page title="Tra cứu gói tin" subtitle="Nhật ký từng chặng (chuỗi băm) và trạng thái chuyển tới từng nơi nhận" actions={<Link className="button" to="/truc-lien-thong">Về trục liên thông</Link>}>
      <form className="filters" onSubmit={submit} role="search">
        <TextField label="Mã gói tin" value={input} onChange={(e) => setInput(e.target.value)} className="mono" hint="Mã gói tin (UUID) như trong biên nhận hoặc danh sách gói tin dừng chuyển" />
        <button type="submit" className="button button-primary">Tra cứu</button>
      </form>
      <ErrorAlert message={error} />
      {loading && packageId && <Loading />}
      {data === 'missing' && <p role="status">Trục không có gói tin mang mã {packageId}.</p>}
      {data && data !== 'missing' && (
        <>
          <h2>Chuyển tới nơi nhận</h2>
          <div className="table-wrap">
            <table className="table" aria-label="Chuyển tới nơi nhận">
              <thead>
                <tr>
                  <th scope="col">Nơi nhận</th>
                  <th scope="col">Đường chuyển</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Số lần thử</th>
                  <th scope="col">Lỗi</th>
                </tr>
              </thead>
              <tbody>
                {data.deliveries.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" className="mono">{d.receiverCode}</th>
                    <td>{label(ROUTE_LABEL, d.route)}</td>
                    <td>{label(STATE_LABEL, d.state)}{d.deliveredAt ? ` lúc ${formatTime(d.deliveredAt)}` : ''}</td>
                    <td>{d.attempts}</td>
                    <td>{formatError(d.lastErrorCode, d.lastErrorOrigin, d.lastErrorMessage)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Nhật ký chặng</h2>
          <div className="table-wrap">
            <table className="table" aria-label="Nhật ký chặng">
              <thead>
                <tr>
                  <th scope="col">Số</th>
                  <th scope="col">Thời điểm</th>
                  <th scope="col">Sự kiện</th>
                  <th scope="col">Từ → tới</th>
                  <th scope="col">Lỗi</th>
                  <th scope="col">Mã băm</th>
                </tr>
              </thead>
              <tbody>
                {data.events.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td>{formatTime(e.occurredAt)}</td>
                    <th scope="row">{label(TRACE_KIND_LABEL, e.kind)}</th>
                    <td className="mono">{e.fromNode ?? ''} → {e.toNode ?? ''}</td>
                    <td>{e.errorCode ? `${e.errorCode}${e.errorOrigin ? ` (${label(ORIGIN_LABEL, e.errorOrigin)})` : ''}` : ''}</td>
                    <td className="mono" title={e.hash}>{e.hash.slice(0, 12)}…</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
