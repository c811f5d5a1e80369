import { documentTypeByCode } from '../../domain/document/document-types.ts';
import { checkSecrecy } from '../../domain/document/secrecy.ts';
import { isUrgency, type Urgency } from '../../domain/document/urgency.ts';
import { isLocalDate } from '../../domain/calendar/vietnam-time.ts';
import { signerBoxShapeError, type SignerBox } from '../../domain/signature/signer-box.ts';
import type { Role } from '../../domain/access/roles.ts';
import { capacityRefusal } from '../../domain/document/signing-capacity.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { AgencyLevel } from '../ports/agencies.ts';
import type { NewOutgoingRecipient, OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

/** What a drafter sends when starting or revising a draft (domain.md §7.2 step 2). */
export interface DraftInput {
  typeCode: string;
  subject: string;
  urgency?: string;
  /** Any value is refused: secret documents go through the secure channel (§1, §5.2). */
  secrecy?: string | null;
  draftingUnitId?: string | null;
  signerId?: string | null;
  /** KT., TM., Q., TL., TUQ. followed by the head's title, e.g. "KT. GIÁM ĐỐC". */
  signerCapacity?: string | null;
  mainFileId?: string | null;
  attachmentFileIds?: string[];
  /** Agencies of the directory picked one by one. */
  recipientAgencyIds?: string[];
  /** Whole groups by directory level, e.g. every district committee (`district`). */
  recipientGroups?: AgencyLevel[];
  /** Units of the own agency (internal recipients). */
  recipientUnitIds?: string[];
  /** Organisations outside the exchange: the clerk posts them a master copy (domain.md §7.2 step 11). */
  paperRecipients?: { name: string; address: string }[];
  toPlaces?: string;
  replyBy?: string | null;
  copies?: number | null;
  responseForIncomingId?: string | null;
  /** Where the signer's image goes (box 7c); null or absent: the standard box on the last page. Checked against the pages when signing. */
  signerBox?: SignerBox | null;
  /** Replacement (type 3): the issued document of the own agency this draft replaces. */
  replacesDocumentId?: string | null;
}

export interface CheckedDraft {
  typeCode: string;
  subject: string;
  urgency: Urgency;
  draftingUnitId: string | null;
  signerId: string | null;
  signerCapacity: string | null;
  mainFileId: string | null;
  attachmentFileIds: string[];
  recipients: NewOutgoingRecipient[];
  toPlaces: string;
  replyBy: string | null;
  copies: number | null;
  responseForIncomingId: string | null;
  signerBox: SignerBox | null;
  replacesDocumentId: string | null;
}

const invalid = (field: string, message: string) => new AppError(ErrorCode.VALIDATION_FAILED, message, { field });
const LEVELS: readonly AgencyLevel[] = ['province', 'provincial_agency', 'district', 'district_office', 'commune'];

/** Checks and normalises a draft for the actor's agency; the main file must already be a PDF. */
export async function checkDraft(tx: TxPorts, actor: Actor, agencyId: string, input: DraftInput): Promise<CheckedDraft> {
  const secrecy = checkSecrecy(input.secrecy);
  if (!secrecy.ok) throw new AppError(ErrorCode.OUTGOING_SECRET_REFUSED, secrecy.message, { field: 'secrecy' });
  const type = documentTypeByCode(input.typeCode);
  if (!type) throw invalid('typeCode', 'Loại văn bản không hợp lệ.');
  const subject = input.subject.trim().normalize('NFC');
  if (subject === '') throw invalid('subject', 'Cần nhập trích yếu nội dung.');
  if (subject.length > 500) throw invalid('subject', 'Trích yếu tối đa 500 ký tự.');
  const urgency = input.urgency ?? 'normal';
  if (!isUrgency(urgency)) throw invalid('urgency', 'Mức độ khẩn phải là Thường, Khẩn, Thượng khẩn hoặc Hỏa tốc.');

  const draftingUnitId = input.draftingUnitId === undefined ? (actor.agencyId === agencyId ? actor.unitId : null) : input.draftingUnitId;
  if (draftingUnitId) {
    const unit = await tx.agencies.findUnit(draftingUnitId);
    if (!unit || unit.agencyId !== agencyId) throw invalid('draftingUnitId', 'Đơn vị soạn thảo không thuộc cơ quan.');
  }
  const signerId = input.signerId ?? null;
  const signerCapacity = input.signerCapacity?.trim().normalize('NFC') || null;
  if (signerCapacity && (signerCapacity.length > 100 || !/^(TM|KT|Q|TL|TUQ)\.\s/.test(signerCapacity))) {
    throw invalid('signerCapacity', 'Thẩm quyền ký bắt đầu bằng TM., KT., Q., TL. hoặc TUQ. rồi chức danh (ví dụ "KT. GIÁM ĐỐC").');
  }
  if (signerId) {
    const signer = await tx.users.findById(signerId);
    const roles = signer?.active ? (await tx.users.roles(signerId)).filter((g) => g.agencyId === agencyId).map((g) => g.role) : [];
    if (!signer || roles.length === 0) throw invalid('signerId', 'Người ký không thuộc cơ quan.');
    if (!can(roles, 'document.sign')) throw invalid('signerId', `${signer.fullName} không có thẩm quyền ký văn bản.`);
    const refusal = await signingCapacityRefusal(tx, { agencyId, signerId, signerName: signer.fullName, roles, capacity: signerCapacity, typeCode: type.code, date: null });
    if (refusal) throw new AppError(ErrorCode.OUTGOING_CAPACITY_REFUSED, refusal, { field: 'signerCapacity' });
  }

  const attachmentFileIds = [...new Set(input.attachmentFileIds ?? [])];
  if (attachmentFileIds.length > 50) throw invalid('attachmentFileIds', 'Tối đa 50 tệp đính kèm.');
  for (const id of [input.mainFileId, ...attachmentFileIds]) {
    if (!id) continue;
    const file = await tx.files.findById(id);
    if (!file || file.agencyId !== agencyId) throw notFound('Tệp');
  }
  if (input.mainFileId) {
    const main = (await tx.files.findById(input.mainFileId))!;
    if (main.mediaType !== 'application/pdf') throw new AppError(ErrorCode.OUTGOING_FILE_NOT_PDF, 'Tệp văn bản chính phải là PDF (hoặc DOCX khi máy chủ có LibreOffice để chuyển sang PDF).', { field: 'mainFileId' });
  }

  const recipients = await checkRecipients(tx, agencyId, input);
  const toPlaces = (input.toPlaces ?? '').normalize('NFC').split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join('\n');
  if (toPlaces.length > 1000) throw invalid('toPlaces', 'Nơi nhận tối đa 1000 ký tự.');
  const replyBy = input.replyBy || null;
  if (replyBy && !isLocalDate(replyBy)) throw invalid('replyBy', 'Hạn trả lời phải là ngày dạng YYYY-MM-DD.');
  const signerBox = checkSignerBox(input.signerBox);
  const copies = input.copies ?? null;
  if (copies !== null && (!Number.isInteger(copies) || copies < 1 || copies > 999)) throw invalid('copies', 'Số lượng bản từ 1 đến 999.');
  return {
    typeCode: type.code, subject, urgency, draftingUnitId, signerId, signerCapacity, mainFileId: input.mainFileId ?? null, attachmentFileIds,
    recipients, toPlaces, replyBy, copies, signerBox, responseForIncomingId: await checkResponseFor(tx, actor, agencyId, input.responseForIncomingId),
    replacesDocumentId: await checkReplaces(tx, agencyId, input.replacesDocumentId),
  };
}

/** Shape and size of a chosen signer box (the page check needs the file and happens at signing). */
export function checkSignerBox(box: SignerBox | null | undefined): SignerBox | null {
  if (!box) return null;
  const error = signerBoxShapeError(box);
  if (error) throw invalid('signerBox', error);
  return { page: box.page ?? null, x: box.x, y: box.y, width: box.width, height: box.height };
}

/** The incoming document a reply answers: one of the agency's own registered arrivals. */
async function checkResponseFor(tx: TxPorts, _actor: Actor, agencyId: string, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const incoming = await tx.incoming.findById(id);
  if (!incoming || incoming.agencyId !== agencyId) throw invalid('responseForIncomingId', 'Văn bản đến được trả lời không có trong cơ quan.');
  return incoming.id;
}

/** A replacement names an issued document of the same agency, not recalled and not already replaced (domain.md §9). */
async function checkReplaces(tx: TxPorts, agencyId: string, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const old = await tx.outgoing.findById(id);
  if (!old || old.agencyId !== agencyId) throw invalid('replacesDocumentId', 'Văn bản được thay thế không có trong cơ quan.');
  if (old.state !== 'issued' && old.state !== 'updated') throw invalid('replacesDocumentId', 'Chỉ thay thế được văn bản đã phát hành, chưa thu hồi và chưa bị thay thế.');
  return old.id;
}

/** The capacity rules of domain.md §5.3 against the agency's grants to the signer (signing-capacity.ts). */
export async function signingCapacityRefusal(
  tx: TxPorts,
  q: { agencyId: string; signerId: string; signerName: string; roles: readonly Role[]; capacity: string | null; typeCode: string; date: string | null },
): Promise<string | null> {
  const grants = await tx.outgoing.listSigningGrants(q.agencyId, q.signerId);
  return capacityRefusal({ roles: q.roles, capacity: q.capacity, typeCode: q.typeCode, date: q.date, grants, signerName: q.signerName });
}

async function checkRecipients(tx: TxPorts, agencyId: string, input: DraftInput): Promise<NewOutgoingRecipient[]> {
  const out = new Map<string, NewOutgoingRecipient>();
  for (const id of input.recipientAgencyIds ?? []) {
    const a = await tx.agencies.findById(id);
    if (!a) throw invalid('recipientAgencyIds', 'Cơ quan nhận không có trong danh bạ.');
    if (a.id === agencyId) throw invalid('recipientAgencyIds', 'Không gửi văn bản đi cho chính cơ quan mình; hãy chọn đơn vị nội bộ.');
    if (!a.active) throw invalid('recipientAgencyIds', `${a.name} đã ngừng hoạt động.`);
    out.set(`a:${a.id}`, { kind: 'agency', recipientAgencyId: a.id, unitId: null, name: a.name });
  }
  for (const level of input.recipientGroups ?? []) {
    if (!LEVELS.includes(level)) throw invalid('recipientGroups', 'Nhóm cơ quan nhận không hợp lệ.');
    const { items } = await tx.agencies.search({ level, active: true, limit: 1000, offset: 0 });
    for (const a of items) if (a.id !== agencyId) out.set(`a:${a.id}`, { kind: 'agency', recipientAgencyId: a.id, unitId: null, name: a.name });
  }
  for (const id of input.recipientUnitIds ?? []) {
    const u = await tx.agencies.findUnit(id);
    if (!u || u.agencyId !== agencyId) throw invalid('recipientUnitIds', 'Đơn vị nhận nội bộ không thuộc cơ quan.');
    out.set(`u:${u.id}`, { kind: 'unit', recipientAgencyId: null, unitId: u.id, name: u.name });
  }
  for (const [i, p] of (input.paperRecipients ?? []).entries()) {
    const name = p.name.trim().normalize('NFC');
    const address = p.address.trim().normalize('NFC');
    if (name === '' || name.length > 300) throw invalid(`paperRecipients.${i}.name`, `Nơi nhận bản giấy thứ ${i + 1}: cần nhập tên cơ quan, tổ chức (tối đa 300 ký tự).`);
    if (address === '' || address.length > 500) throw invalid(`paperRecipients.${i}.address`, `Nơi nhận bản giấy "${name}": cần nhập địa chỉ gửi bản chính (tối đa 500 ký tự).`);
    out.set(`p:${name.toLowerCase()}`, { kind: 'paper', recipientAgencyId: null, unitId: null, name, address });
  }
  if (out.size > 500) throw invalid('recipientAgencyIds', 'Tối đa 500 nơi nhận.');
  return [...out.values()];
}

/** What a version keeps of the draft (beside its files). */
export function versionFields(d: CheckedDraft | OutgoingDocumentRecord, recipients: NewOutgoingRecipient[]): Record<string, unknown> {
  return {
    typeCode: d.typeCode, subject: d.subject, urgency: d.urgency, draftingUnitId: d.draftingUnitId, signerId: d.signerId, signerCapacity: d.signerCapacity,
    toPlaces: d.toPlaces, replyBy: d.replyBy, copies: d.copies, responseForIncomingId: d.responseForIncomingId, signerBox: d.signerBox, replacesDocumentId: d.replacesDocumentId,
    recipients: recipients.map((r) => ({ kind: r.kind, id: r.recipientAgencyId ?? r.unitId, name: r.name, ...(r.address && { address: r.address }) })),
  };
}
