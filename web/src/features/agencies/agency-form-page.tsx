import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { createAgency, findAgencies, getAgency, LEVEL_LABELS, updateAgency, type AgencyFields, type AgencyLevel } from '../../api/agencies.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { treeOrder } from './tree-order.ts';

const LEVEL_OPTIONS = (Object.keys(LEVEL_LABELS) as AgencyLevel[]).map((value) => ({ value, label: LEVEL_LABELS[value] }));
type Form = { [K in keyof AgencyFields]: string };
const EMPTY: Form = { name: '', shortName: '', level: 'provincial_agency', abbreviation: '', parentId: '', placeName: '', address: '', contactEmail: '' };

const blankToNull = (s: string) => (s.trim() ? s.trim() : null);

/** Create (/co-quan/moi) or edit (/co-quan/:id/sua) an agency; for the system operator. */
export function AgencyFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(EMPTY);
  const [code, setCode] = useState('');
  const [focalUnitName, setFocalUnitName] = useState('Văn phòng');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data, error: loadError, loading } = useLoad(async (signal) => {
    const [agencies, detail] = await Promise.all([findAgencies({}, signal), id ? getAgency(id, signal) : Promise.resolve(null)]);
    return { agencies, detail };
  }, [id]);

  useEffect(() => {
    const a = data?.detail?.agency;
    if (!a) return;
    setForm({ name: a.name, shortName: a.shortName, level: a.level, abbreviation: a.abbreviation ?? '', parentId: a.parentId ?? '', placeName: a.placeName ?? '', address: a.address ?? '', contactEmail: a.contactEmail ?? '' });
  }, [data]);

  const set = (key: keyof Form, value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const fields: AgencyFields = {
      name: form.name.trim(),
      shortName: form.shortName.trim(),
      level: form.level as AgencyLevel,
      abbreviation: blankToNull(form.abbreviation),
      parentId: form.parentId || null,
      placeName: blankToNull(form.placeName),
      address: blankToNull(form.address),
      contactEmail: blankToNull(form.contactEmail),
    };
    try {
      if (id) {
        await updateAgency(id, fields);
        navigate(`/co-quan/${id}`);
      } else {
        const created = await createAgency({ ...fields, code: blankToNull(code), focalUnitName: blankToNull(focalUnitName) });
        navigate(`/co-quan/${created.id}`);
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const parents = data ? treeOrder(data.agencies.filter((a) => a.id !== id)).map(({ agency, depth }) => ({ value: agency.id, label: `${'\u00a0\u00a0'.repeat(depth)}${agency.name}` })) : [];
  const back = id ? `/co-quan/${id}` : '/co-quan';

  return (
    <Page title={id ? 'Sửa thông tin cơ quan' : 'Thêm cơ quan'}>
      <p className="breadcrumb"><Link to={back}>← Quay lại</Link></p>
      <ErrorAlert message={loadError} />
      {loading && !data && <Loading />}
      {data && (
        <form className="form" onSubmit={(e) => void onSubmit(e)}>
          <div className="form-row">
            <TextField label="Tên cơ quan" required value={form.name} onChange={(e) => set('name', e.target.value)} />
            <TextField label="Tên viết gọn" required value={form.shortName} onChange={(e) => set('shortName', e.target.value)} />
          </div>
          <div className="form-row">
            <SelectField label="Cấp" required value={form.level} onChange={(e) => set('level', e.target.value)} options={LEVEL_OPTIONS} />
            <SelectField label="Cơ quan cấp trên" value={form.parentId} onChange={(e) => set('parentId', e.target.value)} options={parents} placeholder="(Không có)" />
          </div>
          {!id && (
            <div className="form-row">
              <TextField label="Mã định danh" className="mono" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} hint="Dạng 000.00.00.H99 (QCVN 102:2016). Có thể cấp sau." />
              <TextField label="Đơn vị đầu mối gửi, nhận" value={focalUnitName} onChange={(e) => setFocalUnitName(e.target.value)} hint="Ví dụ: Văn phòng, Bộ phận hành chính." />
            </div>
          )}
          <div className="form-row">
            <TextField label="Chữ viết tắt" value={form.abbreviation} onChange={(e) => set('abbreviation', e.target.value)} hint="Dùng trong ký hiệu văn bản, ví dụ SNV." />
            <TextField label="Địa danh" value={form.placeName} onChange={(e) => set('placeName', e.target.value)} hint="Dùng khi ghi ngày tháng văn bản." />
            <TextField label="Thư điện tử liên hệ" type="email" value={form.contactEmail} onChange={(e) => set('contactEmail', e.target.value)} />
          </div>
          <TextField label="Địa chỉ" value={form.address} onChange={(e) => set('address', e.target.value)} />
          <ErrorAlert message={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang lưu…' : 'Lưu'}</button>
            <Link className="button" to={back}>Hủy</Link>
          </div>
        </form>
      )}
    </Page>
  );
}
