/** C44: a status 13 (Lấy lại) from the issuer opens the same change request as a type 1 package (exchange.md §2.8, §3). */
import { beforeEach, expect, it } from 'vitest';
import { receiveRecallStatuses } from '../../server/app/incoming/receive-recall-statuses.ts';
import { receiveStatuses } from '../../server/app/outgoing/receive-statuses.ts';
import { outgoingDepsOf } from '../../server/entry/outgoing/outgoing-deps.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { sendFromStc } from './incoming-change-helpers.ts';
import { FakeSigning, incomingDeps, pinFakeSigning } from './incoming-helpers.ts';
import { sendStatusBack } from './outgoing-helpers.ts';

type Change = { id: string; kind: string; state: string; reason: string | null; incomingId: string | null; targetDocumentId: string };

describeEachEngine('incoming: a received status 13 becomes a recall request for the clerk (C44)', { seed: true }, (env) => {
  beforeEach(() => pinFakeSigning(env(), new FakeSigning()));

  it('from the issuer it opens a revocation the clerk sees and answers; from another organ it is not applied; for an unknown document it is parked', async () => {
    const e = env();
    e.clock.set('2026-03-18T02:00:00Z');
    const deps = incomingDeps(e, new FakeSigning());
    const sent = await sendFromStc(e, deps, { number: '131', subject: 'Công văn ban hành nhầm' });
    const doc = await e.database.db.selectFrom('incoming_documents').select('id').where('document_id', '=', sent.documentId).executeTakeFirstOrThrow();
    const clerk = await e.login('vanthu.snv');
    expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${doc.id}/register`, payload: {} })).statusCode).toBe(200);

    // Văn phòng UBND tỉnh did not issue it: its 13 is not applied.
    await sendStatusBack(e, NAMES.VP_TINH, NAMES.SNV, sent.documentId, '13', 'Không phải cơ quan ban hành');
    expect(await receiveRecallStatuses(deps)).toMatchObject({ opened: 0 });
    const notApplied = await e.database.db.selectFrom('audit_events').select('data').where('type', '=', 'incoming.status_not_applied').execute();
    expect(notApplied.map((a) => a.data)).toContainEqual(expect.objectContaining({ documentId: sent.documentId, code: '13', reason: 'the sender did not issue the document' }));
    expect(await e.database.db.selectFrom('incoming_change_requests').select('id').where('target_document_id', '=', sent.documentId).execute()).toEqual([]);

    await sendStatusBack(e, NAMES.STC, NAMES.SNV, sent.documentId, '13', 'Ban hành nhầm, đề nghị lấy lại');
    // The outgoing side leaves it alone (not about a document Sở Nội vụ sent); the incoming step takes it.
    expect(await receiveStatuses(outgoingDepsOf(e.deps))).toMatchObject({ applied: 0, unmatched: 0 });
    expect(await receiveRecallStatuses(deps)).toMatchObject({ opened: 1 });
    const seen = (await e.request(clerk, { method: 'GET', url: `/api/incoming/${doc.id}` })).json() as { changeRequests: Change[]; can: { answerChanges: string[] } };
    expect(seen.changeRequests).toEqual([expect.objectContaining({ kind: 'revoke', state: 'open', reason: 'Ban hành nhầm, đề nghị lấy lại', incomingId: doc.id })]);
    expect(seen.can.answerChanges).toEqual([seen.changeRequests[0]!.id]);
    const notes = (await e.request(clerk, { method: 'GET', url: '/api/notifications' })).json() as { items: { kind: string; incomingId: string | null }[] };
    expect(notes.items.filter((n) => n.kind === 'incoming.change_requested' && n.incomingId === doc.id)).toHaveLength(1);
    const answered = await e.request(clerk, { method: 'POST', url: `/api/incoming-change-requests/${seen.changeRequests[0]!.id}/answer`, payload: { accept: true } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await e.database.db.selectFrom('incoming_documents').select('state').where('id', '=', doc.id).executeTakeFirstOrThrow()).state).toBe('cancelled');

    // A 13 naming a document not received (yet): parked, listed among the requests not linked to a document.
    const unknown = `${(await e.database.db.selectFrom('agencies').select('id').limit(1).executeTakeFirstOrThrow()).id.slice(0, 8)},2026/02/27,999/STC-NS`;
    await sendStatusBack(e, NAMES.STC, NAMES.SNV, unknown, '13', 'Lấy lại');
    expect(await receiveRecallStatuses(deps)).toMatchObject({ opened: 1 });
    expect(await receiveRecallStatuses(deps)).toMatchObject({ opened: 0 });
    const unlinked = (await e.request(clerk, { method: 'GET', url: '/api/incoming-change-requests' })).json() as { items: Change[] };
    expect(unlinked.items.filter((c) => c.targetDocumentId === unknown)).toEqual([expect.objectContaining({ kind: 'revoke', state: 'parked', incomingId: null })]);
  });
});
