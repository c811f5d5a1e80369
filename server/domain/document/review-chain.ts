/**
 * The review chain of an agency's drafts (domain.md §7.2 step 3) [LT]: the steps before the
 * competent signer, who approves by signing or returns. Configured per agency by its
 * administrator; by default the head of the drafting unit reviews the content first.
 */
export type ReviewStepKind = 'unit_head' | 'user';

export interface ReviewStepConfig {
  readonly kind: ReviewStepKind;
  /** For `user`: the person who checks at this step (an office checker, a deputy). */
  readonly userId?: string;
  /** Shown in the history: "Trưởng phòng xem xét", "Văn phòng kiểm tra thể thức". */
  readonly label: string;
}

export const DEFAULT_REVIEW_CHAIN: readonly ReviewStepConfig[] = [{ kind: 'unit_head', label: 'Lãnh đạo đơn vị soạn thảo xem xét nội dung' }];

export const MAX_REVIEW_STEPS = 6;

/** A step resolved for one draft: the person who acts. */
export interface ResolvedReviewStep {
  readonly kind: ReviewStepKind;
  readonly userId: string;
  readonly label: string;
}

export class ReviewChainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewChainError';
  }
}

export function checkReviewChain(steps: readonly ReviewStepConfig[]): ReviewStepConfig[] {
  if (steps.length > MAX_REVIEW_STEPS) throw new ReviewChainError(`Quy trình xem xét tối đa ${MAX_REVIEW_STEPS} bước (chưa kể bước ký).`);
  return steps.map((s, i) => {
    const label = s.label.trim();
    if (label === '' || label.length > 200) throw new ReviewChainError(`Bước ${i + 1}: cần tên bước (tối đa 200 ký tự).`);
    if (s.kind === 'user' && !s.userId) throw new ReviewChainError(`Bước ${i + 1}: cần chọn người xem xét.`);
    if (s.kind !== 'user' && s.kind !== 'unit_head') throw new ReviewChainError(`Bước ${i + 1}: loại bước không hợp lệ.`);
    return s.kind === 'user' ? { kind: 'user', userId: s.userId, label } : { kind: 'unit_head', label };
  });
}

/**
 * Resolves a chain for a draft: a unit-head step goes to the head of the drafting unit; a step
 * whose person is the drafter (a head drafting themself) or that nobody fills is skipped, and two
 * steps in a row for one person collapse into one.
 */
export function resolveReviewChain(
  steps: readonly ReviewStepConfig[],
  draft: { drafterId: string; unitHeadId: string | null; signerId: string },
): ResolvedReviewStep[] {
  const out: ResolvedReviewStep[] = [];
  for (const s of steps) {
    const userId = s.kind === 'unit_head' ? draft.unitHeadId : (s.userId ?? null);
    if (!userId || userId === draft.drafterId || userId === draft.signerId) continue;
    if (out.at(-1)?.userId === userId) continue;
    out.push({ kind: s.kind, userId, label: s.label });
  }
  return out;
}
