import { describe, expect, it } from 'vitest';
import { checkRegisterSeries, findClashingSeries, pickRegister, RegisterRuleError, type RegisterSeries } from './register.ts';

describe('register series', () => {
  it('defaults the pattern per direction: {type}-{agency} outgoing, {copy} copies, none incoming', () => {
    expect(checkRegisterSeries({ direction: 'outgoing' })).toEqual({ typeCodes: [], notationPattern: '{type}-{agency}' });
    expect(checkRegisterSeries({ direction: 'copy' })).toEqual({ typeCodes: [], notationPattern: '{copy}' });
    expect(checkRegisterSeries({ direction: 'incoming' })).toEqual({ typeCodes: [], notationPattern: null });
  });

  it('refuses a pattern on an incoming register, unknown types and a copy register without {copy}', () => {
    expect(() => checkRegisterSeries({ direction: 'incoming', notationPattern: '{type}-{agency}' })).toThrow(RegisterRuleError);
    expect(() => checkRegisterSeries({ direction: 'outgoing', typeCodes: ['memo'] })).toThrow('memo');
    expect(() => checkRegisterSeries({ direction: 'copy', notationPattern: '{agency}' })).toThrow('{copy}');
  });

  const open = (over: Partial<RegisterSeries & { name: string }>): RegisterSeries & { name: string } => ({
    name: 'x', direction: 'outgoing', typeCodes: [], notationPattern: '{type}-{agency}', state: 'open', ...over,
  });

  it('a second register for a type the all-types register already numbers clashes', () => {
    const all = open({ name: 'Sổ chung' });
    expect(findClashingSeries(open({ typeCodes: ['decision'] }), [all])?.name).toBe('Sổ chung');
  });

  it('registers for different types, closed registers and incoming registers do not clash', () => {
    expect(findClashingSeries(open({ typeCodes: ['decision'] }), [open({ typeCodes: ['notice'] })])).toBeUndefined();
    expect(findClashingSeries(open({}), [open({ state: 'closed' })])).toBeUndefined();
    expect(findClashingSeries(open({ direction: 'incoming', notationPattern: null }), [open({ direction: 'incoming', notationPattern: null })])).toBeUndefined();
  });

  it('an advisory body with its own fixed group does not clash with the agency series', () => {
    expect(findClashingSeries(open({ notationPattern: '{type}-{agency}-HĐTĐ' }), [open({})])).toBeUndefined();
  });
});

describe('which register numbers a document', () => {
  const reg = (name: string, over: Partial<RegisterSeries>) => ({ name, direction: 'outgoing' as const, typeCodes: [] as string[], notationPattern: '{type}-{agency}', state: 'open' as const, ...over });
  const registers = [
    reg('Sổ chung', {}),
    reg('Sổ quyết định', { typeCodes: ['decision'], notationPattern: '{type}-{agency}-QĐQP' }),
    reg('Sổ cũ', { typeCodes: ['notice'], state: 'closed' }),
    reg('Sổ đến', { direction: 'incoming', notationPattern: null }),
  ];

  it('a register naming the type wins over the all-types one', () => {
    expect(pickRegister(registers, 'outgoing', 'decision')?.name).toBe('Sổ quyết định');
    expect(pickRegister(registers, 'outgoing', 'plan')?.name).toBe('Sổ chung');
  });

  it('a closed register is never picked; incoming documents go to the incoming register', () => {
    expect(pickRegister(registers, 'outgoing', 'notice')?.name).toBe('Sổ chung');
    expect(pickRegister(registers, 'incoming')?.name).toBe('Sổ đến');
    expect(pickRegister(registers, 'copy')).toBeUndefined();
  });
});
