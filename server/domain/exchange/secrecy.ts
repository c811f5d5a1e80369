/** Secret-marked documents never enter the exchange (exchange.md §5.3). */

const SECRET_LEVELS = ['MẬT', 'TỐI MẬT', 'TUYỆT MẬT'];

/**
 * True when `OtherInfo/SphereOfPromulgation`, after NFC, trimming and upper-casing, equals a secrecy
 * level or starts with `ĐỘ MẬT`. `Subject` is never inspected.
 */
export function isSecretSphere(sphere: string | undefined): boolean {
  if (!sphere) return false;
  const v = sphere.normalize('NFC').trim().toLocaleUpperCase('vi').normalize('NFC');
  return SECRET_LEVELS.includes(v) || v.startsWith('ĐỘ MẬT');
}
