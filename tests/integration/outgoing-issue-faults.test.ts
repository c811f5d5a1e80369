import { expect, it, vi } from 'vitest';
import { issueDocument } from '../../server/app/outgoing/issue-document.ts';
import { ISSUE_STEPS, type IssueStep } from '../../server/domain/document/issue-steps.ts';
import { outgoingDepsOf } from '../../server/entry/outgoing/outgoing-deps.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';
import { loginAll, openRegisters, post, signedDocument } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

class Crash extends Error {}

async function numbersOf(e: TestEnv, id: string) {
  return e.database.db.selectFrom('register_numbers').select(['number', 'code_number']).where('subject_id', '=', id).execute();
}

async function stateOf(e: TestEnv, id: string) {
  return e.database.db.selectFrom('outgoing_documents').select(['state', 'issue_step', 'number_id', 'code_number']).where('id', '=', id).executeTakeFirstOrThrow();
}

describeEachEngine('issuing is crash-safe: a failure at any step is resumed, never two numbers', { seed: true }, (env) => {
  it('a crash before each step commits leaves an unissued draft or a resumable run; the retry issues with one number', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const clerk = (await e.deps.uow.run((tx) => tx.users.findByUsername('vanthu.snv')))!;
    const actor = { userId: clerk.id, username: clerk.username, fullName: clerk.fullName, agencyId: clerk.agencyId, unitId: null, roles: ['clerk' as const], servedRoles: {} };
    const issued: string[] = [];
    for (const step of ISSUE_STEPS) {
      const id = await signedDocument(e, a, [NAMES.STC]);
      const crashing = outgoingDepsOf(e.deps, { faults: { beforeCommit: (s: IssueStep) => { if (s === step) throw new Crash(`crash at ${s}`); } } });
      await expect(issueDocument(crashing, actor, id)).rejects.toBeInstanceOf(Crash);
      const after = await stateOf(e, id);
      if (step === 'numbered') {
        // Nothing committed: a clearly unissued, signed document without a number.
        expect(after).toMatchObject({ state: 'signed', issue_step: null, number_id: null });
        expect(await numbersOf(e, id)).toEqual([]);
      } else {
        expect(after.state).toBe('issuing');
        expect(after.issue_step).toBe(ISSUE_STEPS[ISSUE_STEPS.indexOf(step) - 1]);
        expect(await numbersOf(e, id)).toHaveLength(1);
      }
      // Retried by the clerk through the API (resumes from the last committed step).
      const retried = await post(e, a.clerk, `/api/outgoing/${id}/issue`);
      expect(retried.statusCode, retried.body).toBe(200);
      expect(retried.json()).toMatchObject({ state: 'issued', issueStep: 'sent' });
      const numbers = await numbersOf(e, id);
      expect(numbers).toHaveLength(1);
      expect(numbers[0]!.code_number).toBe(retried.json().codeNumber);
      const packages = await e.database.db.selectFrom('hub_outbox').select('package_id').where('package_id', '=', retried.json().packageId).execute();
      expect(packages).toHaveLength(1);
      issued.push(retried.json().codeNumber);
    }
    // One number per document, consecutive, none skipped.
    const all = issued.map(Number);
    expect(all).toEqual(Array.from({ length: ISSUE_STEPS.length }, (_, i) => all[0]! + i));
  });

  it('the first document issued after midnight on 1 January (Vietnam time) is number 01 of the new year', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const late = await signedDocument(e, a, [NAMES.STC]);
    const early = await signedDocument(e, a, [NAMES.STC]);
    e.clock.set('2026-12-31T16:59:59.000Z'); // 23:59:59 on 31 December in Vietnam
    const clerk = await e.login('vanthu.snv'); // the earlier session has expired by then
    const last = (await post(e, clerk, `/api/outgoing/${late}/issue`)).json();
    expect(last).toMatchObject({ issuedDate: '2026-12-31' });
    e.clock.set('2026-12-31T17:00:00.000Z'); // 00:00:00 on 1 January 2027 in Vietnam
    const first = (await post(e, clerk, `/api/outgoing/${early}/issue`)).json();
    expect(first).toMatchObject({ issuedDate: '2027-01-01', codeNumber: '01', codeNotation: 'QĐ-SNV' });
    e.clock.set('2026-03-02T02:00:00Z');
  });
});
