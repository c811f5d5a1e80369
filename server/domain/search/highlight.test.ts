import { describe, expect, it } from 'vitest';
import { highlight, snippet } from './highlight.ts';

const marked = (segments: { text: string; hit: boolean }[] | undefined) => segments?.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('highlight', () => {
  it('marks the original words, with their diacritics, for unaccented terms', () => {
    expect(marked(highlight('Quyết định công nhận xã Đồng Đăng', ['quyet', 'dinh', 'dong', 'dang']))).toBe('[Quyết] [định] công nhận xã [Đồng] [Đăng]');
  });

  it('marks whole words only, and the last term as a prefix while typing', () => {
    expect(marked(highlight('Ban hành kế hoạch', ['an']))).toBe('Ban hành kế hoạch');
    expect(marked(highlight('Ban hành kế hoạch', ['ke', 'hoa'], { prefixLast: true }))).toBe('Ban hành [kế] [hoạch]');
  });

  it('cuts a window of a long text around the matches', () => {
    const text = `${'lorem ipsum '.repeat(80)}về việc phòng chống dịch bệnh trên đàn gia cầm tại huyện Hồng Dân ${'dolor sit '.repeat(80)}`;
    const s = marked(snippet(text, ['hong', 'dan', 'gia', 'cam']));
    expect(s).toContain('[gia] [cầm] tại huyện [Hồng] [Dân]');
    expect(s!.startsWith('…')).toBe(true);
    expect(s!.endsWith('…')).toBe(true);
    expect(s!.length).toBeLessThan(300);
    expect(snippet(text, ['khong', 'co'])).toBeUndefined();
  });
});
