import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { findPeers, updatePeer, type PeerHealth, type UpdatedPeer, type UpdatePeerInput } from '../../api/hub.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { CertificateCheckField, peerErrorText, POLICY_OPTIONS, splitCodes, type CertificateCheckLevel, type SignaturePolicyChoice } from './peer-fields.tsx';

/**
 * Sửa trục kết nối: PATCH /api/hub/peers/:id (exchange.md §4.6). Only what the operator changed is
 * sent; an empty certificate or outbound token keeps the registered one. A new inbound token is shown once.
 */
export function EditPeerPage() {
  const { id = '' } = useParams();
  const { data: peer, error: loadError, loading } = useLoad(async (signal) => (await findPeers(signal)).find((p) => p.id === id) ?? null, [id]);
  const back = <Link className="button" to="/truc-lien-thong">Về trục liên thông</Link>;
  return (
    <Page title="Sửa trục kết nối" subtitle={peer?.name} actions={back}>
      <ErrorAlert message={loadError} />
      {loading && !peer && <Loading />}
      {!loading && !loadError && !peer && <div className="alert alert-error" role="alert">Trục kết nối không tồn tại.</div>}
      {peer && <EditPeerForm peer={peer} />}
    </Page>
  );
}

function EditPeerForm({ peer }: { peer: PeerHealth }) {
  const [name, setName] = useState(peer.name);
  const [codes, setCodes] = useState(peer.codePrefixes.join(', '));
  const [endpointUrl, setEndpointUrl] = useState(peer.endpointUrl ?? '');
  const [certificatePem, setCertificatePem] = useState('');
  const [outboundToken, setOutboundToken] = useState('');
  const [newInboundToken, setNewInboundToken] = useState(false);
  const [signaturePolicy, setSignaturePolicy] = useState(peer.signaturePolicy as SignaturePolicyChoice);
  const [certificateCheck, setCertificateCheck] = useState(peer.certificateCheck as CertificateCheckLevel);
  const [active, setActive] = useState(peer.active);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<UpdatedPeer | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const codePrefixes = splitCodes(codes);
    if (!name.trim()) return setError('Cần nhập tên trục kết nối.');
    if (codePrefixes.length === 0) return setError('Cần ít nhất một mã hoặc nhóm mã mà trục phục vụ.');
    const input: UpdatePeerInput = {
      ...(name.trim() !== peer.name ? { name: name.trim() } : {}),
      ...(codePrefixes.join(',') !== peer.codePrefixes.join(',') ? { codePrefixes } : {}),
      ...(endpointUrl.trim() !== (peer.endpointUrl ?? '') ? { endpointUrl: endpointUrl.trim() || null } : {}),
      ...(certificatePem.trim() ? { certificatePem: certificatePem.trim() } : {}),
      ...(outboundToken.trim() ? { outboundToken: outboundToken.trim() } : {}),
      ...(newInboundToken ? { newInboundToken: true } : {}),
      ...(signaturePolicy !== peer.signaturePolicy ? { signaturePolicy } : {}),
      ...(certificateCheck !== peer.certificateCheck ? { certificateCheck } : {}),
      ...(active !== peer.active ? { active } : {}),
    };
    if (Object.keys(input).length === 0) return setError('Chưa có thay đổi nào để lưu.');
    setBusy(true);
    try {
      setDone(await updatePeer(peer.id, input));
      setCertificatePem('');
      setOutboundToken('');
      setNewInboundToken(false);
    } catch (err) {
      setError(peerErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title="Thông tin trục">
      {done && (
        <div className="alert alert-success" role="status" aria-live="polite">
          <p>Đã lưu thay đổi của trục {done.name}{done.active ? '' : ' (đang tạm ngừng: không nhận gói tin từ trục, gói tin gửi tới trục được giữ lại chờ)'}.</p>
          {done.inboundToken && (
            <>
              <p>Mã xác thực mới để trục này gọi tới (chỉ hiển thị một lần; mã cũ không còn dùng được):</p>
              <p><code className="mono" aria-label="Mã xác thực mới của trục">{done.inboundToken}</code></p>
            </>
          )}
        </div>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Sửa trục kết nối">
        <TextField label="Tên trục" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        <TextField label="Mã phục vụ" required value={codes} onChange={(e) => setCodes(e.target.value)} hint="Mã định danh, nhóm cấp 1 (H99) hoặc *; cách nhau bởi dấu phẩy." />
        <TextField label="Địa chỉ trục" type="url" value={endpointUrl} onChange={(e) => setEndpointUrl(e.target.value)} hint="Để trống nếu trục tự lấy gói tin (kéo)." />
        <div className="field">
          <label htmlFor="peer-new-certificate">Chứng thư số mới (PEM)</label>
          <textarea id="peer-new-certificate" rows={4} className="mono" value={certificatePem} onChange={(e) => setCertificatePem(e.target.value)} aria-describedby="peer-new-certificate-hint" />
          <p className="hint" id="peer-new-certificate-hint">Chỉ dán khi trục đổi chứng thư số; để trống để giữ chứng thư đang đăng ký. Gói tin ký bằng chứng thư cũ sẽ bị từ chối.</p>
        </div>
        <SelectField label="Chính sách chữ ký" value={signaturePolicy} onChange={(e) => setSignaturePolicy(e.target.value as SignaturePolicyChoice)} options={POLICY_OPTIONS} />
        <CertificateCheckField value={certificateCheck} onChange={setCertificateCheck} />
        <TextField label="Mã xác thực gửi tới trục mới" value={outboundToken} onChange={(e) => setOutboundToken(e.target.value)} autoComplete="off" hint="Để trống để giữ mã hiện tại." />
        <div className="field">
          <label><input type="checkbox" checked={newInboundToken} onChange={(e) => setNewInboundToken(e.target.checked)} /> Cấp mã xác thực mới cho trục (mã cũ hết hiệu lực)</label>
        </div>
        <div className="field">
          <label><input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Trục đang hoạt động</label>
          <p className="hint">Bỏ chọn để tạm ngừng: từ chối gói tin trục gửi tới, gói tin gửi tới trục được giữ lại chờ đến khi hoạt động lại.</p>
        </div>
        <ErrorAlert message={error} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang lưu…' : 'Lưu thay đổi'}</button>
        </div>
      </form>
    </Panel>
  );
}
