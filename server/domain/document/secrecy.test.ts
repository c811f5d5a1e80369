import { describe, expect, it } from 'vitest';
import { checkSecrecy, SECRECY_LEVELS } from './secrecy.ts';

describe('secrecy marks are refused', () => {
  it.each(SECRECY_LEVELS)('%s cannot be saved, and the message points to the secure channel', (level) => {
    const r = checkSecrecy(level);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('bí mật nhà nước');
      expect(r.message).toContain('kênh chuyên dùng');
    }
  });

  it('refuses a mark it does not know rather than letting it through', () => {
    expect(checkSecrecy('Mật').ok).toBe(false);
  });

  it('accepts a document without a mark', () => {
    expect(checkSecrecy(null)).toEqual({ ok: true });
    expect(checkSecrecy('')).toEqual({ ok: true });
    expect(checkSecrecy('none')).toEqual({ ok: true });
  });
});
