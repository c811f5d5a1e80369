import { isDocumentTypeCode } from '../document/document-types.ts';
import { DEFAULT_PATTERNS, NotationError, parsePattern, patternsMayCollide, usesPlaceholder } from './notation.ts';

/** A register (sổ đăng ký văn bản), domain.md §6.3. */
export const REGISTER_DIRECTIONS = ['outgoing', 'incoming', 'copy'] as const;
export type RegisterDirection = (typeof REGISTER_DIRECTIONS)[number];
export const REGISTER_STATES = ['open', 'closed'] as const;
export type RegisterState = (typeof REGISTER_STATES)[number];

export const REGISTER_DIRECTION_LABELS: Record<RegisterDirection, string> = {
  outgoing: 'Sổ đăng ký văn bản đi',
  incoming: 'Sổ đăng ký văn bản đến',
  copy: 'Sổ đăng ký bản sao văn bản',
};

export function isRegisterDirection(value: string): value is RegisterDirection {
  return (REGISTER_DIRECTIONS as readonly string[]).includes(value);
}

/** What decides whether two registers could hand out the same number and notation. */
export interface RegisterSeries {
  readonly direction: RegisterDirection;
  /** Document type codes covered; empty means every type. */
  readonly typeCodes: readonly string[];
  readonly notationPattern: string | null;
  readonly state: RegisterState;
}

export class RegisterRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RegisterRuleError';
  }
}

/**
 * Normalises and checks a new register's series. Incoming registers give arrival numbers only, so
 * they carry no pattern; outgoing and copy registers need one (defaulted per direction).
 */
export function checkRegisterSeries(input: { direction: RegisterDirection; typeCodes?: readonly string[]; notationPattern?: string | null }): { typeCodes: string[]; notationPattern: string | null } {
  const typeCodes = [...new Set(input.typeCodes ?? [])];
  if (input.direction === 'incoming') {
    if (input.notationPattern) throw new RegisterRuleError('notationPattern', 'Sổ văn bản đến chỉ cấp số đến, không có mẫu ký hiệu.');
    if (typeCodes.length > 0) throw new RegisterRuleError('typeCodes', 'Sổ văn bản đến nhận mọi loại văn bản theo một dãy số đến.');
    return { typeCodes: [], notationPattern: null };
  }
  if (input.direction === 'copy' && typeCodes.length > 0) {
    throw new RegisterRuleError('typeCodes', 'Sổ bản sao dùng một dãy số chung cho mọi hình thức sao.');
  }
  for (const code of typeCodes) {
    if (!isDocumentTypeCode(code)) throw new RegisterRuleError('typeCodes', `Loại văn bản không hợp lệ: ${code}`);
  }
  const source = input.notationPattern?.trim() || DEFAULT_PATTERNS[input.direction];
  let pattern;
  try {
    pattern = parsePattern(source);
  } catch (e) {
    if (e instanceof NotationError) throw new RegisterRuleError('notationPattern', e.message);
    throw e;
  }
  if (input.direction === 'copy' && !usesPlaceholder(pattern, 'copy')) {
    throw new RegisterRuleError('notationPattern', 'Mẫu ký hiệu của sổ bản sao phải có {copy} (SY, TrS, SL).');
  }
  if (input.direction === 'outgoing' && usesPlaceholder(pattern, 'copy')) {
    throw new RegisterRuleError('notationPattern', 'Mẫu ký hiệu của sổ văn bản đi không dùng {copy}.');
  }
  return { typeCodes, notationPattern: pattern.source };
}

function typesOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((t) => b.includes(t));
}

/**
 * The open register of the same agency that could give the same (number, notation) in one year as
 * `candidate` (§6.2.2), if any. Incoming registers never clash: arrival numbers carry no notation
 * and every arrival has its own row.
 */
export function findClashingSeries<R extends RegisterSeries>(candidate: RegisterSeries, existing: readonly R[]): R | undefined {
  if (candidate.direction === 'incoming' || !candidate.notationPattern) return undefined;
  return existing.find(
    (r) =>
      r.state === 'open' &&
      r.direction === candidate.direction &&
      r.notationPattern !== null &&
      typesOverlap(r.typeCodes, candidate.typeCodes) &&
      patternsMayCollide(r.notationPattern, candidate.notationPattern!),
  );
}

/**
 * The register that numbers a document of this direction and type (§6.3: the administrator routes
 * types to registers): an open register naming the type wins over an open all-types one.
 */
export function pickRegister<R extends RegisterSeries>(registers: readonly R[], direction: RegisterDirection, typeCode?: string): R | undefined {
  const open = registers.filter((r) => r.state === 'open' && r.direction === direction);
  return (typeCode === undefined ? undefined : open.find((r) => r.typeCodes.includes(typeCode))) ?? open.find((r) => r.typeCodes.length === 0);
}
