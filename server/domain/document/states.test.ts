import { describe, expect, it } from 'vitest';
import { INCOMING_STATUS_CODE, incomingStates } from './incoming-states.ts';
import { isIssued, outgoingStates } from './outgoing-states.ts';
import { TransitionError } from './state-machine.ts';

describe('outgoing states (§7.1)', () => {
  it('walks the main path from draft to issued', () => {
    const path = ['drafting', 'in_review', 'awaiting_signature', 'signed', 'issuing', 'issued'] as const;
    for (let i = 1; i < path.length; i++) expect(outgoingStates.canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('returns from review or signature, and a returned draft goes back to drafting', () => {
    expect(outgoingStates.canTransition('in_review', 'returned')).toBe(true);
    expect(outgoingStates.canTransition('awaiting_signature', 'returned')).toBe(true);
    expect(outgoingStates.canTransition('returned', 'drafting')).toBe(true);
    expect(outgoingStates.canTransition('returned', 'issued')).toBe(false);
  });

  it('never issues without signing, nor skips the issuing steps', () => {
    expect(outgoingStates.canTransition('drafting', 'issued')).toBe(false);
    expect(outgoingStates.canTransition('awaiting_signature', 'issuing')).toBe(false);
    expect(outgoingStates.canTransition('signed', 'issued')).toBe(false);
  });

  it('after issue allows only recall, replacement and update; a recalled document is frozen', () => {
    expect([...outgoingStates.table.issued].sort()).toEqual(['recalled', 'replaced', 'updated']);
    expect(outgoingStates.isTerminal('recalled')).toBe(true);
    expect(outgoingStates.canTransition('issued', 'drafting')).toBe(false);
    expect(isIssued('updated')).toBe(true);
    expect(isIssued('signed')).toBe(false);
  });

  it('a draft may be withdrawn, an issued document may not', () => {
    expect(outgoingStates.canTransition('drafting', 'withdrawn')).toBe(true);
    expect(outgoingStates.canTransition('issued', 'withdrawn')).toBe(false);
  });

  it('assertTransition names both states in Vietnamese', () => {
    expect(() => outgoingStates.assertTransition('drafting', 'issued')).toThrow(TransitionError);
    expect(() => outgoingStates.assertTransition('drafting', 'issued')).toThrow('"Đang soạn thảo" sang "Đã phát hành"');
    expect(() => outgoingStates.assertTransition('signed', 'issuing')).not.toThrow();
  });

  it('every state named in a row is a state of the machine', () => {
    for (const targets of Object.values(outgoingStates.table)) for (const t of targets) expect(outgoingStates.isState(t)).toBe(true);
  });
});

describe('incoming states (§8.1)', () => {
  it('walks arrived → registered → awaiting direction → assigned → in progress → finished', () => {
    const path = ['arrived', 'registered', 'awaiting_direction', 'assigned', 'in_progress', 'finished'] as const;
    for (let i = 1; i < path.length; i++) expect(incomingStates.canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('a refusal is terminal and only possible before registering', () => {
    expect(incomingStates.canTransition('arrived', 'refused')).toBe(true);
    expect(incomingStates.isTerminal('refused')).toBe(true);
    expect(incomingStates.canTransition('registered', 'refused')).toBe(false);
  });

  it('the leader may file for information instead of assigning', () => {
    expect(incomingStates.canTransition('awaiting_direction', 'filed_for_information')).toBe(true);
    expect(INCOMING_STATUS_CODE.filed_for_information).toBe('06');
  });

  it('a wrong assignment goes back to direction', () => {
    expect(incomingStates.canTransition('assigned', 'awaiting_direction')).toBe(true);
    expect(incomingStates.canTransition('in_progress', 'awaiting_direction')).toBe(true);
  });

  it('an accepted recall cancels from any live state; cancelled and replaced are terminal', () => {
    for (const s of ['arrived', 'registered', 'awaiting_direction', 'assigned', 'in_progress', 'finished'] as const) {
      expect(incomingStates.canTransition(s, 'cancelled')).toBe(true);
    }
    expect(incomingStates.isTerminal('cancelled')).toBe(true);
    expect(incomingStates.isTerminal('replaced')).toBe(true);
  });

  it('cannot go backwards from finished to processing', () => {
    expect(() => incomingStates.assertTransition('finished', 'in_progress')).toThrow('"Đã hoàn thành" sang "Đang xử lý"');
  });

  it('owes the sender 01–06 in order along the main path', () => {
    expect(['arrived', 'registered', 'assigned', 'in_progress', 'finished'].map((s) => INCOMING_STATUS_CODE[s as never])).toEqual(['01', '03', '04', '05', '06']);
  });
});
