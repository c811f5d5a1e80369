export interface PaperRecipient {
  name: string;
  address: string;
}

/**
 * Nơi nhận bản giấy: organisations outside the exchange (domain.md §7.3) that get the master copy by
 * post after issue; each needs a name and the address it is posted to. The clerk records the posting
 * in the tracking panel ("Đã gửi bản giấy").
 */
export function PaperRecipientsField({ value, onChange }: { value: PaperRecipient[]; onChange: (v: PaperRecipient[]) => void }) {
  const set = (i: number, patch: Partial<PaperRecipient>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="field">
      <legend>Nơi nhận bản giấy (ngoài hệ thống liên thông)</legend>
      <p className="hint">Chỉ dùng cho cơ quan, tổ chức không nhận văn bản điện tử; văn thư gửi bản chính qua bưu điện sau khi phát hành.</p>
      {value.map((p, i) => (
        <div className="form-grid" key={i}>
          <div className="field">
            <label htmlFor={`paper-name-${i}`}>Tên cơ quan, tổ chức nhận bản giấy {i + 1}</label>
            <input id={`paper-name-${i}`} maxLength={300} value={p.name} onChange={(e) => set(i, { name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`paper-address-${i}`}>Địa chỉ gửi bản giấy {i + 1}</label>
            <input id={`paper-address-${i}`} maxLength={500} value={p.address} onChange={(e) => set(i, { address: e.target.value })} />
          </div>
          <div className="field">
            <button type="button" className="button button-small" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`Bỏ nơi nhận bản giấy ${i + 1}`}>Bỏ</button>
          </div>
        </div>
      ))}
      <button type="button" className="button button-light button-small" onClick={() => onChange([...value, { name: '', address: '' }])}>Thêm nơi nhận bản giấy</button>
    </fieldset>
  );
}
