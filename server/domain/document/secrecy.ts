/**
 * Secrecy levels (độ mật, box 10a) belong to state-secret law. lienthong keeps the field only to
 * refuse: a draft or a paper entry with any level cannot be saved (domain.md §1, §5.2).
 */
export const SECRECY_LEVELS = ['confidential', 'secret', 'top_secret'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

export const SECRECY_LABELS: Record<SecrecyLevel, string> = {
  confidential: 'Mật',
  secret: 'Tối mật',
  top_secret: 'Tuyệt mật',
};

export const SECRECY_REFUSAL_MESSAGE =
  'Văn bản có nội dung bí mật nhà nước (Mật, Tối mật, Tuyệt mật) không được soạn thảo, nhập hoặc gửi trên hệ thống này. ' +
  'Hãy xử lý văn bản qua kênh chuyên dùng dành cho văn bản mật theo quy định về bảo vệ bí mật nhà nước.';

export function isSecrecyLevel(value: string): value is SecrecyLevel {
  return (SECRECY_LEVELS as readonly string[]).includes(value);
}

export type SecrecyCheck = { readonly ok: true } | { readonly ok: false; readonly level: string; readonly message: string };

/**
 * Any mark at all is refused, including one we do not recognise: an unknown value is more likely
 * a secrecy mark spelled differently than a harmless one.
 */
export function checkSecrecy(level: string | null | undefined): SecrecyCheck {
  if (level === null || level === undefined || level.trim() === '' || level === 'none') return { ok: true };
  return { ok: false, level, message: SECRECY_REFUSAL_MESSAGE };
}
