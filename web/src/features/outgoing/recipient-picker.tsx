import { useState } from 'react';
import { findAgencies, LEVEL_LABELS, type AgencyLevel, type Unit } from '../../api/agencies.ts';
import { messageOf } from '../../api/errors.ts';

export interface PickedAgency {
  id: string;
  name: string;
}

const GROUPS: { level: AgencyLevel; label: string }[] = [
  { level: 'district', label: 'Tất cả UBND cấp huyện' },
  { level: 'provincial_agency', label: 'Tất cả sở, ban, ngành' },
  { level: 'commune', label: 'Tất cả UBND cấp xã' },
];

/**
 * Recipients from the directory: a search that ignores accents ("so tai chinh" finds "Sở Tài
 * chính"), whole groups by level, and units of the own agency as internal recipients.
 */
export function RecipientPicker(props: {
  agencies: PickedAgency[];
  onAgencies(next: PickedAgency[]): void;
  groups: string[];
  onGroups(next: string[]): void;
  units: Unit[];
  unitIds: string[];
  onUnits(next: string[]): void;
  ownAgencyId: string;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PickedAgency[]>([]);
  const [error, setError] = useState<string | null>(null);
  const search = async () => {
    setError(null);
    try {
      setFound((await findAgencies({ q })).filter((a) => a.id !== props.ownAgencyId && a.active).map((a) => ({ id: a.id, name: a.name })));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const add = (a: PickedAgency) => {
    if (!props.agencies.some((x) => x.id === a.id)) props.onAgencies([...props.agencies, a]);
  };
  return (
    <fieldset className="fieldset">
      <legend>Nơi nhận</legend>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="recipient-search">Tìm cơ quan nhận (gõ không dấu cũng được)</label>
          <input id="recipient-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void search(); } }} />
        </div>
        <button type="button" className="button" onClick={() => void search()}>Tìm</button>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      {found.length > 0 && (
        <ul className="pick-list" aria-label="Kết quả tìm cơ quan">
          {found.slice(0, 20).map((a) => (
            <li key={a.id}>
              <button type="button" className="button button-small" onClick={() => add(a)} aria-label={`Thêm ${a.name}`}>Thêm</button> {a.name}
            </li>
          ))}
        </ul>
      )}
      <div className="group-picks" role="group" aria-label="Gửi cả nhóm">
        {GROUPS.map((g) => (
          <label key={g.level} className="checkbox">
            <input type="checkbox" checked={props.groups.includes(g.level)} onChange={(e) => props.onGroups(e.target.checked ? [...props.groups, g.level] : props.groups.filter((x) => x !== g.level))} />
            {g.label} <span className="hint">({LEVEL_LABELS[g.level]})</span>
          </label>
        ))}
      </div>
      {props.agencies.length > 0 && (
        <ul className="chips" aria-label="Cơ quan nhận đã chọn">
          {props.agencies.map((a) => (
            <li key={a.id} className="chip">
              {a.name}
              <button type="button" className="chip-remove" aria-label={`Bỏ ${a.name}`} onClick={() => props.onAgencies(props.agencies.filter((x) => x.id !== a.id))}>×</button>
            </li>
          ))}
        </ul>
      )}
      {props.units.length > 0 && (
        <div role="group" aria-label="Đơn vị nội bộ nhận">
          <p className="hint">Đơn vị nội bộ nhận</p>
          {props.units.map((u) => (
            <label key={u.id} className="checkbox">
              <input type="checkbox" checked={props.unitIds.includes(u.id)} onChange={(e) => props.onUnits(e.target.checked ? [...props.unitIds, u.id] : props.unitIds.filter((x) => x !== u.id))} />
              {u.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
