/**
 * Issuing is one crash-safe procedure of named steps (domain.md §7.3) [LT]. Each step commits what
 * it did with the name of the step; a retried run starts after the last committed step, so a crash
 * at any point is resumed to completion, and the number is taken once (the first step commits it
 * with the document).
 */
export const ISSUE_STEPS = ['numbered', 'stamped', 'org_signed', 'registered', 'frozen', 'packaged', 'sent'] as const;
export type IssueStep = (typeof ISSUE_STEPS)[number];

export const ISSUE_STEP_LABELS: Record<IssueStep, string> = {
  numbered: 'Cấp số',
  stamped: 'Điền số, ngày ban hành',
  org_signed: 'Ký số của cơ quan',
  registered: 'Vào sổ văn bản đi',
  frozen: 'Khóa tệp (SHA-256)',
  packaged: 'Đóng gói EDXML',
  sent: 'Gửi lên trục liên thông',
};

export function isIssueStep(value: string): value is IssueStep {
  return (ISSUE_STEPS as readonly string[]).includes(value);
}

/** The step after `done` (null: nothing done yet), or null when the run is complete. */
export function nextIssueStep(done: IssueStep | null): IssueStep | null {
  if (done === null) return ISSUE_STEPS[0];
  const i = ISSUE_STEPS.indexOf(done);
  return ISSUE_STEPS[i + 1] ?? null;
}
