import { describe, expect, it } from 'vitest';
import { isValidOrganId, parentOrganId, parseOrganId } from './organ-id.ts';

describe('parseOrganId', () => {
  it('C71: reads levels and parents of strict codes', () => {
    expect(parseOrganId('000.00.12.H99')).toMatchObject({ ok: true, form: 'strict', level: 2, parent: '000.00.00.H99' });
    expect(parseOrganId('000.05.12.H99')).toMatchObject({ ok: true, form: 'strict', level: 3, parent: '000.00.12.H99' });
    expect(parseOrganId('000.00.00.H99')).toMatchObject({ ok: true, form: 'strict', level: 1, parent: null });
    expect(parseOrganId('001.05.12.H99')).toMatchObject({ ok: true, level: 4, parent: '000.05.12.H99' });
  });

  it('exposes the groups of a strict code', () => {
    const r = parseOrganId('001.05.12.H99');
    expect(r.ok && r.form === 'strict' ? r.groups : null).toEqual({ v: '001', z: '05', y: '12', m: 'H99' });
  });

  it('accepts skipped levels: parent is the next non-zero group up', () => {
    expect(parseOrganId('002.00.20.H13')).toMatchObject({ ok: true, level: 4, parent: '000.00.20.H13' });
    expect(parentOrganId('000.00.20.H13')).toBe('000.00.00.H13');
  });

  it('C72: accepts general-form codes as opaque and refuses system ids, lower case and long codes', () => {
    expect(parseOrganId('001.00.20.TT2')).toEqual({ ok: true, form: 'general' });
    expect(parseOrganId('01.02.G22')).toEqual({ ok: true, form: 'general' });
    expect(parentOrganId('001.00.20.TT2')).toBeNull();
    for (const bad of ['vxp.saas.03', '000.00.12.h99', '', ' 000.00.12.H99', '000.00.12.H99 ', '000..12.H99', '.H99', 'H99.']) {
      const r = parseOrganId(bad);
      expect(r.ok, bad).toBe(false);
      expect(isValidOrganId(bad)).toBe(false);
    }
    const long = `${'1'.repeat(32)}.AB`; // 35 characters: allowed
    expect(isValidOrganId(long)).toBe(true);
    const tooLong = `${'1'.repeat(33)}.AB`;
    const r = parseOrganId(tooLong);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('35');
  });

  it('gives Vietnamese reasons', () => {
    const r = parseOrganId('vxp.saas.03');
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.reason).toMatch(/^Mã định danh "vxp\.saas\.03" không đúng định dạng/);
    const empty = parseOrganId('');
    if (!empty.ok) expect(empty.reason).toBe('Mã định danh trống');
  });
});
