import { describe, expect, it } from 'vitest';
import { applyReceivedStatus, checkEmission, INITIAL_STATE, type ExchangeState } from './transitions.ts';
import { normalizeStatusCode, STATUS_CODES } from './status-codes.ts';

const at = (handling: ExchangeState['handling'], extra: Partial<ExchangeState> = {}): ExchangeState => ({ handling, ...extra });

describe('status codes', () => {
  it('C20 (domain): the set is exactly §3.2; `3` reads as `03`; 07 and 14 do not exist', () => {
    expect([...STATUS_CODES]).toEqual(['01', '02', '03', '04', '05', '06', '13', '15', '16']);
    expect(normalizeStatusCode('3')).toBe('03');
    expect(normalizeStatusCode(' 05 ')).toBe('05');
    for (const bad of ['07', '08', '12', '14', '00', '7', '003', 'x', '']) expect(normalizeStatusCode(bad), bad).toBeNull();
  });
});

describe('emission (§3.3)', () => {
  it('follows the handling path none → 01 → 03 → 04 → 05 → 06', () => {
    let s = INITIAL_STATE;
    for (const code of ['01', '03', '04', '04', '05', '05', '06'] as const) {
      const r = checkEmission(s, code);
      expect(r.ok, code).toBe(true);
      if (r.ok) s = r.next;
    }
    expect(s.handling).toBe('06');
    expect(checkEmission(at('03'), '06').ok).toBe(true);
  });

  it('C52: refuses a transition not in §3.3 (06 from 01, 03 from none, anything after 02)', () => {
    const r = checkEmission(at('01'), '06');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('06');
    expect(checkEmission(INITIAL_STATE, '03').ok).toBe(false);
    expect(checkEmission(at('02'), '03').ok).toBe(false);
    expect(checkEmission(at('05'), '04').ok).toBe(false);
    expect(checkEmission(at('06'), '05').ok).toBe(false);
  });

  it('C51: 02 and 16 need a non-empty Description', () => {
    expect(checkEmission(at('01'), '02').ok).toBe(false);
    expect(checkEmission(at('01'), '02', '   ').ok).toBe(false);
    expect(checkEmission(at('01'), '02', 'Gửi nhầm cơ quan').ok).toBe(true);
    expect(checkEmission(at('03', { openChange: 'recall' }), '16').ok).toBe(false);
    expect(checkEmission(at('03', { openChange: 'recall' }), '16', 'Đã ban hành văn bản thực hiện').ok).toBe(true);
  });

  it('opens and answers change requests; 15 to a recall or revocation is terminal, to an update is not', () => {
    const opened = checkEmission(at('05'), '13');
    expect(opened).toMatchObject({ ok: true, next: { handling: '05', openChange: 'recall' } });
    if (!opened.ok) return;
    expect(checkEmission(opened.next, '13').ok).toBe(false);
    expect(checkEmission(opened.next, '06').ok).toBe(false);
    const accepted = checkEmission(opened.next, '15');
    expect(accepted).toMatchObject({ ok: true, next: { terminal: 'cancelled' } });
    if (accepted.ok) expect(checkEmission(accepted.next, '06').ok).toBe(false);
    const update = checkEmission(at('04'), { changePackage: '2' });
    expect(update).toMatchObject({ ok: true, next: { openChange: 'update' } });
    if (update.ok) expect(checkEmission(update.next, '15')).toMatchObject({ ok: true, next: { handling: '04' } });
    const replace = checkEmission(at('03'), { changePackage: '3' });
    if (replace.ok) expect(checkEmission(replace.next, '15')).toMatchObject({ ok: true, next: { terminal: 'replaced' } });
    expect(checkEmission(INITIAL_STATE, { changePackage: '1' }).ok).toBe(false);
    expect(checkEmission(at('02'), '13').ok).toBe(false);
    expect(checkEmission(at('03'), '15').ok).toBe(false);
  });
});

describe('reading statuses from others (§3.3)', () => {
  it('C53: 03 after 05 is stored but the state stays 05; 05 after 01 applies', () => {
    expect(applyReceivedStatus(at('05'), '03')).toEqual({ outcome: 'late', next: at('05') });
    expect(applyReceivedStatus(at('01'), '05')).toEqual({ outcome: 'applied', next: at('05') });
    expect(applyReceivedStatus(at('03'), '03')).toEqual({ outcome: 'applied', next: at('03') });
  });

  it('C54: 15 or 16 with no open change request is flagged and not applied', () => {
    const r = applyReceivedStatus(at('03'), '15');
    expect(r.outcome).toBe('flagged');
    expect(r.next).toEqual(at('03'));
    expect(applyReceivedStatus(at('03'), '16').outcome).toBe('flagged');
    expect(applyReceivedStatus(at('03', { openChange: 'revoke' }), '15')).toMatchObject({ outcome: 'applied', next: { terminal: 'cancelled' } });
  });

  it('applies 02 only from none or 01', () => {
    expect(applyReceivedStatus(INITIAL_STATE, '02').outcome).toBe('applied');
    expect(applyReceivedStatus(at('01'), '02').outcome).toBe('applied');
    expect(applyReceivedStatus(at('03'), '02').outcome).toBe('flagged');
    expect(applyReceivedStatus(at('02'), '03').outcome).toBe('flagged');
  });

  it('C44 (domain): a 13 from the issuer opens the same change request as a revocation', () => {
    expect(applyReceivedStatus(at('04'), '13')).toEqual({ outcome: 'applied', next: at('04', { openChange: 'recall' }) });
  });
});
