import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { registerPeer, type RegisteredPeer, type RegisterPeerInput } from '../../api/hub.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Page, Panel } from '../../components/page.tsx';
import { CertificateCheckField, peerErrorText, POLICY_OPTIONS, splitCodes, type CertificateCheckLevel } from './peer-fields.tsx';

/** Đăng ký trục kết nối: POST /api/hub/peers (exchange.md §4.6). The inbound token is shown once. */
export function RegisterPeerPage() {
  const [name, setName] = useState('');
  const [codes, setCodes] = useState('');
  const [endpointUrl, setEndpointUrl] = useState('');
  const [certificatePem, setCertificatePem] = useState('');
  const [inboundToken, setInboundToken] = useState('');
  const [outboundToken, setOutboundToken] = useState('');
  const [signaturePolicy, setSignaturePolicy] = useState<'required' | 'unsigned-allowed'>('required');
  const [certificateCheck, setCertificateCheck] = useState<CertificateCheckLevel>('chain-revocation');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RegisteredPeer | null>(null);

  const readPem = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > 20_000) {
      setError('Tệp chứng thư số quá lớn (tối đa 20 KB, dạng PEM).');
      return;
    }
    setCertificatePem(await file.text());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const codePrefixes = splitCodes(codes);
    const problem = !name.trim() ? 'Cần nhập tên trục kết nối.'
      : codePrefixes.length === 0 ? 'Cần ít nhất một mã hoặc nhóm mã mà trục phục vụ.'
        : inboundToken.trim() && inboundToken.trim().length < 32 ? 'Mã xác thực của trục cần ít nhất 32 ký tự (để trống để hệ thống tự tạo).'
          : null;
    if (problem) {
      setError(problem);
      return;
    }
    const input: RegisterPeerInput = {
      name: name.trim(), codePrefixes, endpointUrl: endpointUrl.trim() || null, certificatePem: certificatePem.trim() || null,
      outboundToken: outboundToken.trim() || null, signaturePolicy,
      ...(certificatePem.trim() ? { certificateCheck } : {}),
      ...(inboundToken.trim() ? { inboundToken: inboundToken.trim() } : {}),
    };
    setBusy(true);
    try {
      setDone(await registerPeer(input));
    } catch (err) {
      setError(peerErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  const back = <Link className="button" to="/truc-lien-thong">Về trục liên thông</Link>;
  if (done) {
    return (
      <Page title="Đăng ký trục kết nối" actions={back}>
        <div className="alert alert-success" role="status" aria-live="polite">
          <p>Đã đăng ký trục {done.name} ({done.codePrefixes.join(', ')}).</p>
          <p>Mã xác thực để trục này gọi tới (chỉ hiển thị một lần, hãy chuyển cho người vận hành trục đó):</p>
          <p><code className="mono" aria-label="Mã xác thực của trục">{done.inboundToken}</code></p>
        </div>
      </Page>
    );
  }

  return (
    <Page title="Đăng ký trục kết nối" subtitle="Trục của tỉnh khác, bộ chuyển đổi trục quốc gia hoặc hệ thống quản lý văn bản của một cơ quan" actions={back}>
      <Panel title="Thông tin trục">
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Đăng ký trục kết nối">
          <TextField label="Tên trục" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          <div className="field">
            <label htmlFor="peer-codes">Mã phục vụ<span className="required" aria-hidden="true"> *</span></label>
            <textarea id="peer-codes" required rows={2} value={codes} onChange={(e) => setCodes(e.target.value)} aria-describedby="peer-codes-hint" />
            <p className="hint" id="peer-codes-hint">Mã định danh (000.00.00.H99), nhóm cấp 1 (H99) hoặc * (đường mặc định); cách nhau bởi dấu phẩy hoặc xuống dòng.</p>
          </div>
          <TextField label="Địa chỉ trục" type="url" value={endpointUrl} onChange={(e) => setEndpointUrl(e.target.value)} hint="URL http(s) nhận gói tin; để trống nếu trục tự lấy gói tin (kéo)." />
          <div className="field">
            <label htmlFor="peer-certificate">Chứng thư số (PEM)</label>
            <textarea id="peer-certificate" rows={4} className="mono" value={certificatePem} onChange={(e) => setCertificatePem(e.target.value)} aria-describedby="peer-certificate-hint" />
            <p className="hint" id="peer-certificate-hint">Dán nội dung PEM hoặc chọn tệp bên dưới; dùng để kiểm tra chữ ký gói tin của trục.</p>
          </div>
          <TextField label="Tệp chứng thư số" type="file" accept=".pem,.crt,.cer,application/x-pem-file" onChange={(e) => void readPem(e)} />
          <TextField label="Mã xác thực trục dùng khi gọi tới" value={inboundToken} onChange={(e) => setInboundToken(e.target.value)} autoComplete="off" hint="Ít nhất 32 ký tự; để trống để hệ thống tự tạo." />
          <TextField label="Mã xác thực gửi tới trục" value={outboundToken} onChange={(e) => setOutboundToken(e.target.value)} autoComplete="off" hint="Mã do người vận hành trục kia cấp." />
          <SelectField label="Chính sách chữ ký" value={signaturePolicy} onChange={(e) => setSignaturePolicy(e.target.value as typeof signaturePolicy)} options={POLICY_OPTIONS} />
          <CertificateCheckField value={certificateCheck} onChange={setCertificateCheck} hasCertificate={certificatePem.trim() !== ''} />
          <ErrorAlert message={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang đăng ký…' : 'Đăng ký trục'}</button>
          </div>
        </form>
      </Panel>
    </Page>
  );
}
