import { checkRegisterSeries, findClashingSeries, isRegisterDirection, REGISTER_DIRECTION_LABELS, RegisterRuleError } from '../../domain/register/register.ts';
import { localYearOf } from '../../domain/calendar/vietnam-time.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { RegisterRecord } from '../ports/registers.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertRegisterAccess } from './register-access.ts';

export interface CreateRegisterInput {
  agencyId: string;
  direction: string;
  /** Default: the direction's name, "Sổ đăng ký văn bản đi" and the like. */
  name?: string;
  /** The first year it numbers in (default: the current year in Vietnam time); its series restarts each 1 January. */
  year?: number;
  /** Document type codes covered; empty or absent means every type. */
  typeCodes?: string[];
  /** Default per direction: `{type}-{agency}` outgoing, `{copy}` copies, none incoming. */
  notationPattern?: string | null;
  volume?: number;
}

/**
 * Opens a register for an agency: its administrator (register.manage) or the command line. Two open
 * registers that could give the same number and notation in a year are refused (§6.2.2).
 */
export async function createRegister(tx: TxPorts, deps: { clock: Clock }, actor: Actor | null, input: CreateRegisterInput): Promise<RegisterRecord> {
  assertRegisterAccess(actor, input.agencyId, ['register.manage'], 'Cơ quan');
  const agency = await tx.agencies.findById(input.agencyId);
  if (!agency) throw notFound('Cơ quan');
  if (!isRegisterDirection(input.direction)) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Loại sổ phải là sổ văn bản đi, sổ văn bản đến hoặc sổ bản sao.', { field: 'direction' });
  }
  const direction = input.direction;
  const currentYear = localYearOf(deps.clock.now());
  const year = input.year ?? currentYear;
  if (!Number.isInteger(year) || year < currentYear - 1 || year > currentYear + 1) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `Năm của sổ phải trong khoảng ${currentYear - 1}–${currentYear + 1}.`, { field: 'year' });
  }
  const volume = input.volume ?? 1;
  if (!Number.isInteger(volume) || volume < 1 || volume > 999) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Quyển số phải là số nguyên dương.', { field: 'volume' });
  const name = (input.name?.trim() || REGISTER_DIRECTION_LABELS[direction]).normalize('NFC');
  if (name.length > 200) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Tên sổ tối đa 200 ký tự.', { field: 'name' });

  let series: { typeCodes: string[]; notationPattern: string | null };
  try {
    series = checkRegisterSeries({ direction, typeCodes: input.typeCodes, notationPattern: input.notationPattern });
  } catch (e) {
    if (e instanceof RegisterRuleError) {
      const code = e.field === 'notationPattern' ? ErrorCode.REGISTER_NOTATION_INVALID : ErrorCode.VALIDATION_FAILED;
      throw new AppError(code, e.message, { field: e.field });
    }
    throw e;
  }
  if (await tx.registers.findByName(input.agencyId, year, name)) {
    throw new AppError(ErrorCode.REGISTER_NAME_TAKEN, `Cơ quan đã có sổ "${name}" năm ${year}.`, { field: 'name' });
  }
  const existing = await tx.registers.listByAgency(input.agencyId, { direction });
  const clash = findClashingSeries({ direction, ...series, state: 'open' }, existing);
  if (clash) {
    throw new AppError(
      ErrorCode.REGISTER_SERIES_CLASH,
      `Sổ mới có thể cấp trùng số và ký hiệu với sổ "${clash.name}" (cùng loại văn bản, cùng mẫu ký hiệu). Hãy chọn loại văn bản hoặc mẫu ký hiệu khác, hoặc khóa sổ cũ.`,
      { registerId: clash.id },
    );
  }
  const register = await tx.registers.create({ agencyId: input.agencyId, direction, name, year, ...series, volume, state: 'open' });
  await tx.audit.record({
    type: 'register.created',
    actorUserId: actor?.userId ?? null,
    actorAgencyId: actor?.agencyId ?? null,
    agencyId: input.agencyId,
    subjectType: 'register',
    subjectId: register.id,
    data: { direction, name, year, typeCodes: series.typeCodes, notationPattern: series.notationPattern, volume, by: actor ? 'user' : 'cli' },
  });
  return register;
}

/**
 * The registers every agency has by default (§6.3): one outgoing register for all types, one
 * incoming and one copy register. A direction that already has an open register is left alone:
 * a register carries on into the next year with its series restarted at 01.
 */
export async function createDefaultRegisters(tx: TxPorts, deps: { clock: Clock }, actor: Actor | null, agencyId: string, year?: number): Promise<RegisterRecord[]> {
  const y = year ?? localYearOf(deps.clock.now());
  const existing = await tx.registers.listByAgency(agencyId);
  const created: RegisterRecord[] = [];
  for (const direction of ['outgoing', 'incoming', 'copy'] as const) {
    if (existing.some((r) => r.direction === direction && r.state === 'open')) continue;
    created.push(await createRegister(tx, deps, actor, { agencyId, direction, year: y }));
  }
  return created;
}
