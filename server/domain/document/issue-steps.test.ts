import { expect, it } from 'vitest';
import { ISSUE_STEPS, nextIssueStep } from './issue-steps.ts';

it('issuing steps run in the order of domain.md §7.3 and end after sending', () => {
  expect(ISSUE_STEPS).toEqual(['numbered', 'stamped', 'org_signed', 'registered', 'frozen', 'packaged', 'sent']);
  expect(nextIssueStep(null)).toBe('numbered');
  expect(nextIssueStep('frozen')).toBe('packaged');
  expect(nextIssueStep('sent')).toBeNull();
});
