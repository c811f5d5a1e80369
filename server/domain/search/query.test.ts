import { describe, expect, it } from 'vitest';
import { allTermsTsQuery, fold, foldAligned, parseQuery, suggestTsQuery } from './query.ts';

describe('search query', () => {
  it('folds Vietnamese to ASCII like lt_fold, including đ', () => {
    expect(fold('Quyết định Đồng Đăng')).toBe('quyet dinh dong dang');
    expect(fold('Hỏa tốc — Thượng khẩn')).toBe('hoa toc — thuong khan');
  });

  it('keeps one folded character per original character, even for decomposed input', () => {
    const { original, folded } = foldAligned('Quye\u0302\u0301t đi\u0323nh');
    expect(original).toBe('Quyết định');
    expect(folded).toBe('quyet dinh');
  });

  it('splits a query into folded terms and remembers the words typed with diacritics', () => {
    expect(parseQuery('Quyết định dong dang')).toEqual({ terms: ['quyet', 'dinh', 'dong', 'dang'], exactWords: ['quyết', 'định'] });
    expect(parseQuery('15/QĐ-UBND')).toEqual({ terms: ['15', 'qd', 'ubnd'], exactWords: ['qđ'] });
    expect(parseQuery('  ;; ')).toEqual({ terms: [], exactWords: [] });
  });

  it('never lets more than 16 words or anything but [a-z0-9] into a tsquery', () => {
    const q = parseQuery("a' | b & !c d e f g h i j k l m n o p q r s");
    expect(q.terms).toHaveLength(16);
    expect(allTermsTsQuery(q.terms.slice(0, 4))).toBe("'a' & 'b' & 'c' & 'd'");
    expect(suggestTsQuery(['quyet', 'di'])).toBe("'quyet':AB & 'di':*AB");
  });
});
