import { useState, type FormEvent } from 'react';
import { createUnit, type Unit } from '../../api/agencies.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';

export function UnitForm({ agencyId, units, onCreated }: { agencyId: string; units: Unit[]; onCreated(): void }) {
  const [name, setName] = useState('');
  const [abbreviation, setAbbreviation] = useState('');
  const [parentId, setParentId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setNote(null);
    setBusy(true);
    try {
      await createUnit(agencyId, { name: name.trim(), abbreviation: abbreviation.trim() || null, parentId: parentId || null });
      setNote(`Đã thêm đơn vị "${name.trim()}".`);
      setName('');
      setAbbreviation('');
      setParentId('');
      onCreated();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form inline-form" onSubmit={(e) => void onSubmit(e)} aria-label="Thêm đơn vị">
      <h3>Thêm đơn vị</h3>
      <div className="form-row">
        <TextField label="Tên đơn vị" required value={name} onChange={(e) => setName(e.target.value)} />
        <TextField label="Ký hiệu" value={abbreviation} onChange={(e) => setAbbreviation(e.target.value)} hint="Dùng trong số, ký hiệu văn bản" />
        <SelectField label="Thuộc đơn vị" value={parentId} onChange={(e) => setParentId(e.target.value)} options={units.map((u) => ({ value: u.id, label: u.name }))} placeholder="(Trực thuộc cơ quan)" />
      </div>
      <ErrorAlert message={error} />
      <SuccessNote>{note}</SuccessNote>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>Thêm đơn vị</button>
      </div>
    </form>
  );
}
