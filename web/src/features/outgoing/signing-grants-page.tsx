import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/errors.ts';
import { findDocumentTypes, findSigningGrants, grantSigningCapacity, revokeSigningGrant } from '../../api/outgoing.ts';
import { findUsers, homeRoles } from '../../api/users.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';

const CAPACITIES = [
  { value: 'TL.', label: 'TL. — thừa lệnh (lãnh đạo đơn vị)' },
  { value: 'TUQ.', label: 'TUQ. — thừa ủy quyền (có giấy ủy quyền, thời hạn)' },
  { value: 'Q.', label: 'Q. — quyền người đứng đầu (lãnh đạo, cấp phó)' },
];
const SIGNING_ROLES = ['leader', 'deputy_leader', 'head_of_unit'];
const date = (d: string | null) => (d ? d.split('-').reverse().join('/') : '');

/**
 * Thẩm quyền ký (domain.md §5.3): the agency administrator grants "Q.", "TL." and "TUQ." for some
 * document types or all, within dates, and withdraws them. "TM." and "KT." follow from the roles.
 */
export function SigningGrantsPage() {
  const { data, error, reload } = useLoad(async (signal) => {
    const [grants, users, types] = await Promise.all([findSigningGrants(signal), findUsers(signal), findDocumentTypes(signal)]);
    return { grants, users: users.filter((u) => u.active && homeRoles(u).some((r) => SIGNING_ROLES.includes(r))), types: types.types };
  }, []);
  const [userId, setUserId] = useState('');
  const [capacity, setCapacity] = useState('TL.');
  const [typeCodes, setTypeCodes] = useState<string[]>([]);
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [reference, setReference] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setActionError(null);
    setDone(null);
    try {
      await work();
      setDone(message);
      reload();
      return true;
    } catch (err) {
      setActionError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await act(() => grantSigningCapacity({
      userId, capacity, typeCodes: typeCodes.length > 0 ? typeCodes : null, validFrom: validFrom || null, validUntil: validUntil || null, reference: reference.trim() || null,
    }), 'Đã giao thẩm quyền ký.');
    if (ok) {
      setTypeCodes([]);
      setReference('');
    }
  };
  const typeName = (code: string) => data?.types.find((t) => t.code === code)?.name ?? code;

  if (!data) return <Page title="Thẩm quyền ký">{error ? <ErrorAlert message={error} /> : <Loading />}</Page>;
  return (
    <Page title="Thẩm quyền ký" subtitle='Giao ký "Q.", "TL.", "TUQ."; người đứng đầu ký "TM.", cấp phó ký "KT." theo vai trò'>
      <ErrorAlert message={error ?? actionError} />
      <SuccessNote>{done}</SuccessNote>
      <Panel title="Đang có hiệu lực">
        <div className="table-wrap">
          <table className="table" aria-label="Thẩm quyền ký đã giao">
            <thead>
              <tr>
                <th scope="col">Người được giao</th>
                <th scope="col">Thẩm quyền</th>
                <th scope="col">Loại văn bản</th>
                <th scope="col">Hiệu lực</th>
                <th scope="col">Giấy ủy quyền</th>
                <th scope="col"><span className="visually-hidden">Thao tác</span></th>
              </tr>
            </thead>
            <tbody>
              {data.grants.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.userName}<div className="hint">{g.userTitle}</div></th>
                  <td><strong>{g.capacity}</strong></td>
                  <td>{g.typeCodes ? g.typeCodes.map(typeName).join(', ') : 'Mọi loại'}</td>
                  <td>{g.validFrom || g.validUntil ? `${date(g.validFrom) || '…'} – ${date(g.validUntil) || '…'}` : 'Không thời hạn'}</td>
                  <td>{g.reference ?? ''}</td>
                  <td>
                    <button type="button" className="button button-small" disabled={busy} aria-label={`Thu hồi ${g.capacity} của ${g.userName}`}
                      onClick={() => void act(() => revokeSigningGrant(g.id), `Đã thu hồi thẩm quyền ${g.capacity} của ${g.userName}.`)}>Thu hồi</button>
                  </td>
                </tr>
              ))}
              {data.grants.length === 0 && <tr><td colSpan={6}>Chưa giao thẩm quyền ký nào.</td></tr>}
            </tbody>
          </table>
        </div>
      </Panel>
      <Panel title="Giao thẩm quyền ký">
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="form-grid">
            <SelectField label="Người được giao" required value={userId} onChange={(e) => setUserId(e.target.value)} placeholder="— Chọn người —"
              options={data.users.map((u) => ({ value: u.id, label: `${u.fullName} (${u.title})` }))} />
            <SelectField label="Thẩm quyền" required value={capacity} onChange={(e) => setCapacity(e.target.value)} options={CAPACITIES} />
          </div>
          <div className="field">
            <label htmlFor="grant-types">Loại văn bản (không chọn: mọi loại)</label>
            <select id="grant-types" multiple size={6} value={typeCodes} onChange={(e) => setTypeCodes(Array.from(e.target.selectedOptions, (o) => o.value))}>
              {data.types.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
            </select>
          </div>
          <div className="form-grid">
            <TextField label="Từ ngày" type="date" required={capacity === 'TUQ.'} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
            <TextField label="Đến ngày" type="date" required={capacity === 'TUQ.'} value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
          </div>
          <TextField label="Số, ngày giấy ủy quyền" required={capacity === 'TUQ.'} hint='Bắt buộc với "TUQ.", ví dụ "Giấy ủy quyền số 05/GUQ-SNV ngày 01/03/2026"' maxLength={300}
            value={reference} onChange={(e) => setReference(e.target.value)} />
          <div className="form-actions"><button className="button button-primary" type="submit" disabled={busy || !userId}>Giao thẩm quyền ký</button></div>
        </form>
      </Panel>
    </Page>
  );
}
