import { AGENCY_ROLES } from '../../api/users.ts';

/** The roles as a labelled group of checkboxes (a user holds one or more). */
export function RoleCheckboxes({ value, onChange }: { value: string[]; onChange(roles: string[]): void }) {
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((r) => r !== code));
  return (
    <fieldset className="fieldset">
      <legend>Vai trò <span className="required" aria-hidden="true">*</span></legend>
      <div className="checkbox-grid">
        {AGENCY_ROLES.map((r) => (
          <label key={r.code} className="checkbox">
            <input type="checkbox" name="roles" value={r.code} checked={value.includes(r.code)} onChange={(e) => toggle(r.code, e.target.checked)} />
            {r.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
