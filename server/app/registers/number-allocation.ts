import { documentTypeByCode, isCopyKind, type CopyKind, type DocumentType } from '../../domain/document/document-types.ts';
import { formatNotation, NotationError } from '../../domain/register/notation.ts';
import { allocationYear, formatNumber, numberLine } from '../../domain/register/numbering.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { RegisterNumberRecord, RegisterRecord } from '../ports/registers.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { allocationPermission, assertRegisterAccess } from './register-access.ts';

/**
 * Taking numbers from registers: the step issuing (outgoing, copies) and registering (incoming)
 * stand on. It runs inside the caller's transaction, so the number, its register line and its
 * audit event commit with the document or not at all (domain.md §6.2.5).
 */
export interface AllocateNumberInput {
  registerId: string;
  /** Outgoing: the document type code (documentTypeByCode). */
  typeCode?: string;
  /** Copies: SY, TrS or SL. */
  copyKind?: string;
  /** The drafting unit, whose abbreviation a công văn's notation carries. */
  unitId?: string | null;
  /** A subject-area abbreviation (VX, KT) used instead of the unit's. */
  areaAbbreviation?: string | null;
  /** What the number is for (the document), recorded on the register line. */
  subject?: { type: string; id: string };
}

export interface AllocatedNumber {
  id: string;
  registerId: string;
  year: number;
  number: number;
  /** As written: "05", "125". */
  codeNumber: string;
  /** Null for arrival numbers. */
  codeNotation: string | null;
  /** "Số: 05/QĐ-UBND"; an arrival number prints as "Số đến: 05". */
  printed: string;
  allocatedAt: Date;
}

export async function allocateNumber(tx: TxPorts, deps: { clock: Clock }, actor: Actor | null, input: AllocateNumberInput): Promise<AllocatedNumber> {
  const register = await tx.registers.findById(input.registerId);
  if (!register) throw notFound('Sổ đăng ký');
  assertRegisterAccess(actor, register.agencyId, [allocationPermission(register.direction)]);
  if (register.state !== 'open') throw new AppError(ErrorCode.REGISTER_CLOSED, `Sổ "${register.name}" đã khóa, không cấp thêm số.`);
  const allocatedAt = deps.clock.now();
  const year = allocationYear(allocatedAt);
  if (year < register.year) throw new AppError(ErrorCode.REGISTER_YEAR_NOT_OPEN, `Sổ "${register.name}" dùng từ năm ${register.year}.`);

  const codeNotation = register.direction === 'incoming' ? null : await notationFor(tx, register, input, year);
  // The counter comes last among the reads and first among the writes: nothing that can fail
  // for a reason of the input runs while its row lock is held.
  const number = await tx.registerCounter.next(register.id, year);
  if (codeNotation !== null && (await tx.registers.numberTaken(register.agencyId, year, number, codeNotation))) {
    throw new AppError(ErrorCode.REGISTER_NUMBER_TAKEN, `Số ${formatNumber(number)}/${codeNotation} năm ${year} đã được cấp ở sổ khác của cơ quan. Hãy kiểm tra cấu hình sổ.`);
  }
  const row = await tx.registers.recordNumber({
    registerId: register.id,
    agencyId: register.agencyId,
    year,
    number,
    codeNumber: formatNumber(number),
    codeNotation,
    allocatedAt,
    allocatedBy: actor?.userId ?? null,
    subjectType: input.subject?.type ?? null,
    subjectId: input.subject?.id ?? null,
  });
  await tx.audit.record({
    type: 'register.number_allocated',
    actorUserId: actor?.userId ?? null,
    actorAgencyId: actor?.agencyId ?? null,
    agencyId: register.agencyId,
    subjectType: 'register',
    subjectId: register.id,
    data: { numberId: row.id, year, number, codeNotation, subject: input.subject ?? null },
  });
  return present(row, register);
}

export interface VoidNumberInput {
  numberId: string;
  reason: string;
}

/** Hủy số: an abandoned number stays on its register line, marked void with the reason (§6.2.5). */
export async function voidNumber(tx: TxPorts, deps: { clock: Clock }, actor: Actor | null, input: VoidNumberInput): Promise<RegisterNumberRecord> {
  const row = await tx.registers.findNumber(input.numberId);
  if (!row) throw notFound('Số văn bản');
  const register = await tx.registers.findById(row.registerId);
  if (!register) throw notFound('Số văn bản');
  assertRegisterAccess(actor, register.agencyId, [allocationPermission(register.direction)], 'Số văn bản');
  const reason = input.reason.trim();
  if (reason === '') throw new AppError(ErrorCode.VALIDATION_FAILED, 'Hủy số phải nêu lý do.', { field: 'reason' });
  if (row.voidedAt) throw new AppError(ErrorCode.REGISTER_NUMBER_VOIDED, `Số ${row.codeNumber} đã bị hủy trước đó.`);
  const voidedAt = deps.clock.now();
  await tx.registers.voidNumber(row.id, { voidedAt, voidedBy: actor?.userId ?? null, reason });
  await tx.audit.record({
    type: 'register.number_voided',
    actorUserId: actor?.userId ?? null,
    actorAgencyId: actor?.agencyId ?? null,
    agencyId: register.agencyId,
    subjectType: 'register',
    subjectId: register.id,
    data: { numberId: row.id, year: row.year, number: row.number, codeNotation: row.codeNotation, reason },
  });
  return { ...row, voidedAt, voidedBy: actor?.userId ?? null, voidReason: reason };
}

function present(row: RegisterNumberRecord, register: RegisterRecord): AllocatedNumber {
  return {
    id: row.id,
    registerId: register.id,
    year: row.year,
    number: row.number,
    codeNumber: row.codeNumber,
    codeNotation: row.codeNotation,
    printed: row.codeNotation === null ? `Số đến: ${row.codeNumber}` : numberLine(row.codeNumber, row.codeNotation),
    allocatedAt: row.allocatedAt,
  };
}

async function notationFor(tx: TxPorts, register: RegisterRecord, input: AllocateNumberInput, year: number): Promise<string> {
  let type: DocumentType | undefined;
  let copyKind: CopyKind | undefined;
  if (register.direction === 'copy') {
    if (!input.copyKind || !isCopyKind(input.copyKind)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Hình thức sao phải là SY, TrS hoặc SL.', { field: 'copyKind' });
    copyKind = input.copyKind;
  } else {
    type = input.typeCode === undefined ? undefined : documentTypeByCode(input.typeCode);
    if (!type) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Loại văn bản không hợp lệ.', { field: 'typeCode' });
    if (register.typeCodes.length > 0 && !register.typeCodes.includes(type.code)) {
      throw new AppError(ErrorCode.REGISTER_TYPE_NOT_COVERED, `Sổ "${register.name}" không đăng ký loại văn bản "${type.name}".`, { field: 'typeCode' });
    }
  }
  const agency = await tx.agencies.findById(register.agencyId);
  let unit = input.areaAbbreviation?.trim() || null;
  if (!unit && input.unitId) {
    const found = await tx.agencies.findUnit(input.unitId);
    if (!found || found.agencyId !== register.agencyId) throw notFound('Đơn vị');
    unit = found.abbreviation;
  }
  try {
    return formatNotation(register.notationPattern!, { type, copyKind, agency: agency?.abbreviation, unit, year });
  } catch (e) {
    if (e instanceof NotationError) throw new AppError(ErrorCode.REGISTER_NOTATION_INVALID, e.message);
    throw e;
  }
}
