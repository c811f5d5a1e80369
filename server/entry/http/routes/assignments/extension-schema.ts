import { Type } from '@sinclair/typebox';
import type { ExtensionRecord } from '../../../../app/ports/incoming.ts';

const N = Type.Union([Type.String(), Type.Null()]);
export const ExtensionBody = Type.Object({ id: Type.String(), assignmentId: Type.String(), reason: Type.String(), previousDeadline: N, proposedDeadline: Type.String(), state: Type.String(), decisionNote: N });

export function presentExtension(e: ExtensionRecord) {
  return { id: e.id, assignmentId: e.assignmentId, reason: e.reason, previousDeadline: e.previousDeadline, proposedDeadline: e.proposedDeadline, state: e.state, decisionNote: e.decisionNote };
}
