import { checkReviewChain, DEFAULT_REVIEW_CHAIN, ReviewChainError, type ReviewStepConfig } from '../../domain/document/review-chain.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertCan } from './outgoing-access.ts';

/** The agency's review chain (default: the head of the drafting unit, then the signer). */
export async function getReviewChain(tx: TxPorts, actor: Actor, agencyId: string): Promise<{ steps: ReviewStepConfig[]; isDefault: boolean }> {
  assertCan(actor, agencyId, 'agency.configure', 'Chỉ quản trị cơ quan cấu hình quy trình xem xét.');
  const steps = await tx.outgoing.reviewChain(agencyId);
  return steps ? { steps, isDefault: false } : { steps: [...DEFAULT_REVIEW_CHAIN], isDefault: true };
}

/** The agency administrator sets the steps drafts pass before the signer; drafts already in review keep theirs. */
export async function updateReviewChain(tx: TxPorts, deps: { clock: Clock }, actor: Actor, agencyId: string, steps: ReviewStepConfig[]): Promise<ReviewStepConfig[]> {
  assertCan(actor, agencyId, 'agency.configure', 'Chỉ quản trị cơ quan cấu hình quy trình xem xét.');
  let checked: ReviewStepConfig[];
  try {
    checked = checkReviewChain(steps);
  } catch (e) {
    if (e instanceof ReviewChainError) throw new AppError(ErrorCode.VALIDATION_FAILED, e.message, { field: 'steps' });
    throw e;
  }
  for (const s of checked) {
    if (s.kind !== 'user') continue;
    const user = await tx.users.findById(s.userId!);
    const roles = user?.active ? (await tx.users.roles(user.id)).filter((g) => g.agencyId === agencyId) : [];
    if (roles.length === 0) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Người xem xét phải là cán bộ đang làm việc tại cơ quan.', { field: 'steps' });
  }
  const now = deps.clock.now();
  await tx.outgoing.setReviewChain(agencyId, checked, actor.userId, now);
  await tx.audit.record({
    type: 'outgoing.review_chain_set', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId, subjectType: 'agency', subjectId: agencyId,
    data: { steps: checked },
  });
  return checked;
}
