import { describe, expect, it } from 'vitest';
import { overallSignatureStatus } from './receive-arrivals.ts';

describe('an arrival’s overall signature result', () => {
  it('is the worst of its PDFs: invalid, then indeterminate, then unsigned', () => {
    expect(overallSignatureStatus(['valid', 'valid'])).toBe('valid');
    expect(overallSignatureStatus(['valid', 'indeterminate'])).toBe('indeterminate');
    expect(overallSignatureStatus(['indeterminate', 'invalid', 'valid'])).toBe('invalid');
    expect(overallSignatureStatus(['valid', 'unsigned'])).toBe('unsigned');
  });
  it('is "unsigned" when no PDF came', () => {
    expect(overallSignatureStatus([])).toBe('unsigned');
  });
});
