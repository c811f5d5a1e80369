import { describe, expect, it } from 'vitest';
import { checkReviewChain, DEFAULT_REVIEW_CHAIN, resolveReviewChain, ReviewChainError } from './review-chain.ts';

describe('review chain', () => {
  const draft = { drafterId: 'cv', unitHeadId: 'tp', signerId: 'gd' };

  it('by default the head of the drafting unit reviews, then the signer (implicit)', () => {
    expect(resolveReviewChain(DEFAULT_REVIEW_CHAIN, draft)).toEqual([{ kind: 'unit_head', userId: 'tp', label: DEFAULT_REVIEW_CHAIN[0]!.label }]);
  });

  it('skips a step the drafter or the signer would fill, a step nobody fills, and repeats of one person', () => {
    const steps = [{ kind: 'unit_head' as const, label: 'Trưởng phòng' }, { kind: 'user' as const, userId: 'tp', label: 'Lặp' }, { kind: 'user' as const, userId: 'gd', label: 'Người ký' }, { kind: 'user' as const, userId: 'vp', label: 'Văn phòng' }];
    expect(resolveReviewChain(steps, draft).map((s) => s.userId)).toEqual(['tp', 'vp']);
    expect(resolveReviewChain(steps, { ...draft, drafterId: 'tp' }).map((s) => s.userId)).toEqual(['vp']);
    expect(resolveReviewChain(steps, { ...draft, unitHeadId: null }).map((s) => s.userId)).toEqual(['tp', 'vp']);
  });

  it('refuses a user step without a person, an empty label and too many steps', () => {
    expect(() => checkReviewChain([{ kind: 'user', label: 'Văn phòng' }])).toThrow(ReviewChainError);
    expect(() => checkReviewChain([{ kind: 'unit_head', label: '  ' }])).toThrow(/tên bước/);
    expect(() => checkReviewChain(Array.from({ length: 7 }, () => ({ kind: 'unit_head' as const, label: 'x' })))).toThrow(/tối đa/);
  });
});
