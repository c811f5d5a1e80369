/** How far a peer's signing certificate is checked (exchange.md §2.7); the full check is the default. */
export type CertificateCheck = 'registered' | 'chain' | 'chain-revocation';

const LEVELS: { value: CertificateCheck; label: string; meaning: string }[] = [
  {
    value: 'chain-revocation',
    label: 'Đầy đủ theo §2.7 (mặc định)',
    meaning: 'Chứng thư ký gói tin phải là chứng thư đã đăng ký cho trục, chuỗi tới một tổ chức chứng thực tin cậy đã cấu hình, còn hiệu lực lúc nhận và không bị thu hồi theo danh sách thu hồi (CRL) còn hiệu lực. Chưa có CRL thì gói tin bị từ chối tạm thời và bên gửi thử lại.',
  },
  {
    value: 'chain',
    label: 'Chỉ chuỗi tin cậy, không kiểm tra thu hồi (không đáp ứng §2.7)',
    meaning: 'Như mức đầy đủ nhưng không xem danh sách thu hồi: chứng thư đã bị thu hồi vẫn được chấp nhận.',
  },
  {
    value: 'registered',
    label: 'Chỉ so chứng thư đã đăng ký (không đáp ứng §2.7)',
    meaning: 'Chỉ kiểm tra chứng thư ký là chứng thư đã đăng ký cho trục; không kiểm tra tổ chức chứng thực, thời hạn hay thu hồi.',
  },
];

/** `hasCertificate` false (a registration without a certificate) disables the choice: there is nothing to check. */
export function CertificateCheckField({ value, onChange, hasCertificate = true }: { value: CertificateCheck; onChange: (v: CertificateCheck) => void; hasCertificate?: boolean }) {
  const level = LEVELS.find((l) => l.value === value)!;
  return (
    <div className="field">
      <label htmlFor="peer-certificate-check">Kiểm tra chứng thư</label>
      <select id="peer-certificate-check" value={value} disabled={!hasCertificate} onChange={(e) => onChange(e.target.value as CertificateCheck)} aria-describedby="peer-certificate-check-hint">
        {LEVELS.map((l) => <option key={l.value} value={l.value}>{l.label}</option>)}
      </select>
      <p className="hint" id="peer-certificate-check-hint">
        {hasCertificate ? level.meaning : 'Nhập chứng thư số của trục để chọn mức kiểm tra; trục không có chứng thư thì không có chữ ký nào của nó được chấp nhận.'}
      </p>
      {hasCertificate && value !== 'chain-revocation' && (
        <p className="alert alert-warning">Mức này không đáp ứng quy định trao đổi (§2.7). Chỉ dùng tạm thời, khi chưa cấu hình được chứng thư gốc hoặc danh sách thu hồi của tổ chức chứng thực cấp chứng thư cho trục.</p>
      )}
    </div>
  );
}
