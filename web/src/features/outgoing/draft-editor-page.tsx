import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { findUnits, type Unit } from '../../api/agencies.ts';
import { messageOf } from '../../api/errors.ts';
import { createDraft, findDocumentTypes, findSigners, getOutgoing, updateDraft, upload, URGENCIES, type DraftInput } from '../../api/outgoing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';
import { PaperRecipientsField, type PaperRecipient } from './paper-recipients-field.tsx';
import { RecipientPicker, type PickedAgency } from './recipient-picker.tsx';

const SECRECY = [
  { value: '', label: 'Không' },
  { value: 'confidential', label: 'Mật' },
  { value: 'secret', label: 'Tối mật' },
  { value: 'top_secret', label: 'Tuyệt mật' },
];

/** Soạn thảo / sửa dự thảo văn bản đi: every save is a new version on the server. */
export function DraftEditorPage() {
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { data, error: loadError } = useLoad(async (signal) => {
    const [types, signers, units, detail] = await Promise.all([
      findDocumentTypes(signal), findSigners(signal), findUnits(me.agency.id, signal).catch(() => [] as Unit[]), id ? getOutgoing(id, signal) : Promise.resolve(null),
    ]);
    return { types: types.types, signers, units, detail };
  }, [id, me.agency.id]);

  const [typeCode, setTypeCode] = useState('official_letter');
  const [subject, setSubject] = useState('');
  const [urgency, setUrgency] = useState('normal');
  const [secrecy, setSecrecy] = useState('');
  const [signerId, setSignerId] = useState('');
  const [signerCapacity, setSignerCapacity] = useState('');
  const [main, setMain] = useState<{ id: string; name: string } | null>(null);
  const [attachments, setAttachments] = useState<{ id: string; name: string }[]>([]);
  const [agencies, setAgencies] = useState<PickedAgency[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [paper, setPaper] = useState<PaperRecipient[]>([]);
  const [toPlaces, setToPlaces] = useState('Như trên;\nLưu: VT.');
  const [replyBy, setReplyBy] = useState('');
  const [copies, setCopies] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = data?.detail?.document;
    if (!d || !data.detail) return;
    setTypeCode(d.typeCode);
    setSubject(d.subject);
    setUrgency(d.urgency);
    setSignerId(d.signerId ?? '');
    setSignerCapacity(d.signerCapacity ?? '');
    setMain(d.mainFileId ? { id: d.mainFileId, name: 'Văn bản chính hiện tại' } : null);
    setAttachments(d.attachmentFileIds.map((f, i) => ({ id: f, name: `Tệp đính kèm ${i + 1}` })));
    setAgencies(data.detail.recipients.filter((r) => r.kind === 'agency').map((r) => ({ id: r.recipientAgencyId!, name: r.name })));
    setUnitIds(data.detail.recipients.filter((r) => r.kind === 'unit').map((r) => r.unitId!));
    setPaper(data.detail.recipients.filter((r) => r.kind === 'paper').map((r) => ({ name: r.name, address: r.address ?? '' })));
    setToPlaces(d.toPlaces);
    setReplyBy(d.replyBy ?? '');
    setCopies(d.copies ? String(d.copies) : '');
  }, [data]);

  const uploadMain = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const f = await upload(file);
      setMain({ id: f.id, name: file.name });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const uploadAttachments = async (files: FileList | null) => {
    setError(null);
    try {
      for (const file of Array.from(files ?? [])) {
        const f = await upload(file);
        setAttachments((a) => [...a, { id: f.id, name: file.name }]);
      }
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const input: DraftInput = {
      typeCode, subject, urgency, secrecy: secrecy || null, signerId: signerId || null, signerCapacity: signerCapacity || null, mainFileId: main?.id ?? null,
      attachmentFileIds: attachments.map((a) => a.id), recipientAgencyIds: agencies.map((a) => a.id), recipientGroups: groups, recipientUnitIds: unitIds,
      paperRecipients: paper.filter((p) => p.name.trim() || p.address.trim()),
      toPlaces, replyBy: replyBy || null, copies: copies ? Number(copies) : null,
    };
    try {
      const saved = id ? await updateDraft(id, input) : await createDraft(input);
      navigate(`/van-ban-di/${saved.id}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  if (loadError) return <Page title="Soạn văn bản đi"><ErrorAlert message={loadError} /></Page>;
  if (!data) return <Page title="Soạn văn bản đi"><Loading /></Page>;
  return (
    <Page title={id ? `Sửa dự thảo (phiên bản ${(data.detail?.document.version ?? 0) + 1})` : 'Soạn văn bản đi'} subtitle={me.agency.name}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorAlert message={error} />
        <div className="form-grid">
          <SelectField label="Loại văn bản" required value={typeCode} onChange={(e) => setTypeCode(e.target.value)} options={data.types.map((t) => ({ value: t.code, label: t.name }))} />
          <SelectField label="Mức độ khẩn" value={urgency} onChange={(e) => setUrgency(e.target.value)} options={URGENCIES} />
          <SelectField label="Độ mật" value={secrecy} onChange={(e) => setSecrecy(e.target.value)} options={SECRECY} />
        </div>
        {secrecy && <p className="alert alert-error" role="alert">Văn bản mật không được soạn thảo trên hệ thống này; hãy dùng kênh chuyên dùng cho văn bản mật.</p>}
        <div className="field">
          <label htmlFor="subject">Trích yếu nội dung<span className="required" aria-hidden="true"> *</span></label>
          <textarea id="subject" required rows={2} maxLength={500} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </div>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="main-file">Văn bản chính (PDF hoặc DOCX)</label>
            <input id="main-file" type="file" accept=".pdf,.docx,application/pdf" onChange={(e) => void uploadMain(e.target.files?.[0])} />
            {main && <p className="hint">Đã tải lên: {main.name}</p>}
          </div>
          <div className="field">
            <label htmlFor="attachments">Tệp đính kèm</label>
            <input id="attachments" type="file" multiple onChange={(e) => void uploadAttachments(e.target.files)} />
            {attachments.length > 0 && <p className="hint">{attachments.map((a) => a.name).join(', ')}</p>}
          </div>
        </div>
        <div className="form-grid">
          <SelectField label="Người ký" value={signerId} onChange={(e) => setSignerId(e.target.value)} placeholder="— Chọn người ký —" options={data.signers.map((s) => ({ value: s.id, label: `${s.fullName} (${s.title})` }))} />
          <TextField label="Thẩm quyền ký" hint='Ví dụ "KT. GIÁM ĐỐC"; để trống khi người đứng đầu ký' value={signerCapacity} onChange={(e) => setSignerCapacity(e.target.value)} />
        </div>
        <RecipientPicker agencies={agencies} onAgencies={setAgencies} groups={groups} onGroups={setGroups} units={data.units} unitIds={unitIds} onUnits={setUnitIds} ownAgencyId={me.agency.id} />
        <PaperRecipientsField value={paper} onChange={setPaper} />
        <div className="field">
          <label htmlFor="to-places">Nơi nhận in trên văn bản (mỗi dòng một nơi)</label>
          <textarea id="to-places" rows={3} value={toPlaces} onChange={(e) => setToPlaces(e.target.value)} />
        </div>
        <div className="form-grid">
          <TextField label="Hạn trả lời" type="date" value={replyBy} onChange={(e) => setReplyBy(e.target.value)} />
          <TextField label="Số lượng bản" type="number" min={1} max={999} value={copies} onChange={(e) => setCopies(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang lưu…' : 'Lưu dự thảo'}</button>
        </div>
      </form>
    </Page>
  );
}
