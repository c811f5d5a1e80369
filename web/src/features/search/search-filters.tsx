import { SelectField, TextField } from '../../components/field.tsx';
import { KIND_LABELS, STATUS_LABELS, type DocumentTypeCatalogue } from '../../api/search.ts';

export type FilterValues = Record<'kind' | 'type' | 'issuedFrom' | 'issuedTo' | 'organ' | 'signer' | 'status' | 'urgency', string>;

export const FILTER_KEYS: (keyof FilterValues)[] = ['kind', 'type', 'issuedFrom', 'issuedTo', 'organ', 'signer', 'status', 'urgency'];

const KIND_OPTIONS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));
const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));

/** The filters of the search page: kind, type, issue dates, issuer or sender, signer, status, urgency. */
export function SearchFilters({ values, onChange, catalogue }: { values: FilterValues; onChange(next: FilterValues): void; catalogue: DocumentTypeCatalogue | undefined }) {
  const set = (key: keyof FilterValues) => (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value });
  return (
    <fieldset className="search-filters">
      <legend>Lọc kết quả</legend>
      <SelectField label="Văn bản đi hay đến" name="kind" value={values.kind} onChange={set('kind')} options={KIND_OPTIONS} placeholder="Cả hai" />
      <SelectField label="Loại văn bản" name="type" value={values.type} onChange={set('type')} options={(catalogue?.types ?? []).map((t) => ({ value: t.code, label: t.name }))} placeholder="Tất cả các loại" />
      <TextField label="Ngày ban hành từ" type="date" name="issuedFrom" value={values.issuedFrom} onChange={set('issuedFrom')} />
      <TextField label="đến ngày" type="date" name="issuedTo" value={values.issuedTo} onChange={set('issuedTo')} />
      <TextField label="Cơ quan ban hành, gửi" name="organ" value={values.organ} onChange={set('organ')} placeholder="ví dụ: so tai chinh" />
      <TextField label="Người ký" name="signer" value={values.signer} onChange={set('signer')} />
      <SelectField label="Trạng thái" name="status" value={values.status} onChange={set('status')} options={STATUS_OPTIONS} placeholder="Mọi trạng thái" />
      <SelectField label="Độ khẩn" name="urgency" value={values.urgency} onChange={set('urgency')} options={(catalogue?.urgencies ?? []).map((u) => ({ value: u.code, label: u.name }))} placeholder="Mọi độ khẩn" />
    </fieldset>
  );
}
