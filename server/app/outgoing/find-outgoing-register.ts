import { documentTypeByCode } from '../../domain/document/document-types.ts';
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { STATUS_NAMES, type StatusCode } from '../../domain/exchange/status-codes.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { RegisterExporter, RegisterTable } from '../ports/register-export.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertRegisterAccess } from '../registers/register-access.ts';

/** One line of the outgoing register with the Decree 30 columns (domain.md §6.3, App. IV §I). */
export interface OutgoingRegisterRow {
  numberAndNotation: string;
  documentDate: string;
  typeAndSubject: string;
  signer: string;
  recipients: string;
  fileCopyHolder: string;
  copies: number | null;
  passedOnAt: string | null;
  receipt: string;
  note: string;
  /** Not a column: what the screen links to. */
  documentId: string | null;
  number: number;
}

export const OUTGOING_REGISTER_COLUMNS = [
  'Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú',
] as const;

export interface OutgoingRegisterFilter {
  year: number;
  registerId?: string;
  /** Local dates, inclusive. */
  from?: string;
  to?: string;
  /** Words of the abstract or the notation, accent-sensitive substring. */
  text?: string;
}

/** The outgoing register for a year: every number handed out, voided ones included with their reason. */
export async function findOutgoingRegister(tx: TxPorts, actor: Actor, agencyId: string, filter: OutgoingRegisterFilter): Promise<{ registerName: string; year: number; rows: OutgoingRegisterRow[] }> {
  assertRegisterAccess(actor, agencyId, ['register.read'], 'Cơ quan');
  const registers = (await tx.registers.listByAgency(agencyId, { direction: 'outgoing' })).filter((r) => !filter.registerId || r.id === filter.registerId);
  if (filter.registerId && registers.length === 0) throw new AppError(ErrorCode.NOT_FOUND, 'Sổ đăng ký không tồn tại');
  const docs = new Map((await tx.outgoing.listByAgency(agencyId, { limit: 100_000 })).filter((d) => d.numberId).map((d) => [d.numberId!, d]));
  const names = new Map<string, string>();
  const nameOf = async (id: string | null) => {
    if (!id) return '';
    if (!names.has(id)) names.set(id, (await tx.users.findById(id))?.fullName ?? '');
    return names.get(id)!;
  };
  const rows: OutgoingRegisterRow[] = [];
  for (const register of registers) {
    for (const n of await tx.registers.listNumbers(register.id, filter.year)) {
      const doc = docs.get(n.id);
      const date = doc?.issuedDate ?? localDateOf(n.allocatedAt);
      if ((filter.from && date < filter.from) || (filter.to && date > filter.to)) continue;
      const recipients = doc ? await tx.outgoing.listRecipients(doc.id) : [];
      const unit = doc?.draftingUnitId ? await tx.agencies.findUnit(doc.draftingUnitId) : undefined;
      const type = doc ? documentTypeByCode(doc.typeCode) : undefined;
      const registered = recipients.filter((r) => r.businessStatus && ['03', '04', '05', '06'].includes(r.businessStatus));
      const notes = [
        n.voidedAt && `Hủy số: ${n.voidReason}`,
        doc?.state === 'recalled' && 'Thu hồi',
        doc?.state === 'replaced' && 'Bị thay thế',
        doc?.state === 'issuing' && 'Đang phát hành',
        ...recipients.filter((r) => r.businessStatus === '02').map((r) => `${r.name} từ chối: ${r.refusedReason ?? ''}`),
      ].filter(Boolean);
      const row: OutgoingRegisterRow = {
        numberAndNotation: `${n.codeNumber}/${n.codeNotation ?? ''}`,
        documentDate: date,
        typeAndSubject: doc ? `${type?.name ?? ''}: ${doc.subject}` : '',
        signer: doc ? await nameOf(doc.signedBy) : '',
        recipients: recipients.map((r) => r.name).join('; ') || (doc?.toPlaces.replace(/\n/g, '; ') ?? ''),
        fileCopyHolder: `VT${unit?.abbreviation ? `, ${unit.abbreviation}` : unit ? `, ${unit.name}` : ''}`,
        copies: doc ? (doc.copies ?? recipients.length) : null,
        passedOnAt: doc?.sentAt ? doc.sentAt.toISOString() : null,
        receipt: registered.map((r) => `${r.name} (${STATUS_NAMES[r.businessStatus as StatusCode]} ${r.statusAt ? localDateOf(r.statusAt) : ''})`).join('; '),
        note: notes.join('; '),
        documentId: doc?.id ?? null,
        number: n.number,
      };
      const text = filter.text?.trim().toLowerCase();
      if (text && !`${row.numberAndNotation} ${row.typeAndSubject}`.toLowerCase().includes(text)) continue;
      rows.push(row);
    }
  }
  rows.sort((a, b) => a.number - b.number);
  return { registerName: registers[0]?.name ?? 'Sổ đăng ký văn bản đi', year: filter.year, rows };
}

/** The register as a file for printing; the export is logged (domain.md §4.2). */
export async function exportOutgoingRegister(
  tx: TxPorts,
  exporter: RegisterExporter,
  actor: Actor,
  agencyId: string,
  filter: OutgoingRegisterFilter,
  format: 'xlsx' | 'pdf',
): Promise<Buffer> {
  assertRegisterAccess(actor, agencyId, ['register.export'], 'Cơ quan');
  const register = await findOutgoingRegister(tx, actor, agencyId, filter);
  const agency = await tx.agencies.findById(agencyId);
  const table: RegisterTable = {
    title: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
    subtitle: [agency?.name ?? '', `${register.registerName} — Năm ${register.year}`, ...(filter.from || filter.to ? [`Từ ngày ${filter.from ?? '…'} đến ngày ${filter.to ?? '…'}`] : [])],
    columns: OUTGOING_REGISTER_COLUMNS,
    rows: register.rows.map((r) => [
      r.numberAndNotation, r.documentDate, r.typeAndSubject, r.signer, r.recipients, r.fileCopyHolder, r.copies, r.passedOnAt ? localDateOf(new Date(r.passedOnAt)) : '', r.receipt, r.note,
    ]),
  };
  const file = format === 'xlsx' ? await exporter.xlsx(table) : await exporter.pdf(table);
  await tx.audit.record({
    type: 'outgoing.register_exported', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId, subjectType: 'agency', subjectId: agencyId,
    data: { format, year: filter.year, rows: register.rows.length },
  });
  return file;
}
