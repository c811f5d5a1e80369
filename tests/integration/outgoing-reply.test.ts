import { expect, it, vi } from 'vitest';
import { parsePackage } from '../../server/adapters/hub/edxml/parse-package.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { codeOf } from './hub-helpers.ts';
import { snvFixture } from './incoming-fixture.ts';
import { loginAll, openRegisters, post, uploadPdf, userId } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

describeEachEngine('outgoing documents: "Soạn văn bản trả lời" from an incoming document', { seed: true }, (env) => {
  it('starts a draft linked to the incoming document and addressed to its sender; the issued package carries ResponseFor', async () => {
    const e = env();
    await openRegisters(e);
    const f = await snvFixture(e);
    const a = await loginAll(e);
    const original = await e.database.db.selectFrom('incoming_documents').selectAll().where('id', '=', f.directedId).executeTakeFirstOrThrow();

    // An arrival not yet registered is the clerk's only, and cannot be answered yet.
    expect((await post(e, a.specialist, '/api/outgoing/replies', { incomingId: f.arrivedId })).statusCode).toBe(404);
    const early = await post(e, a.clerk, '/api/outgoing/replies', { incomingId: f.arrivedId });
    expect(early.statusCode).toBe(403); // a clerk does not draft
    const started = await post(e, a.specialist, '/api/outgoing/replies', { incomingId: f.directedId });
    expect(started.statusCode, started.body).toBe(201);
    const draft = started.json();
    expect(draft).toMatchObject({ state: 'drafting', typeCode: 'official_letter', responseForIncomingId: f.directedId });
    expect(draft.subject).toContain(`số ${original.code_number}/${original.code_notation}`);
    const detail = (await e.request(a.specialist, { method: 'GET', url: `/api/outgoing/${draft.id}` })).json();
    expect(detail.recipients.map((r: { name: string; kind: string }) => [r.kind, r.name])).toEqual([['agency', NAMES.STC]]);

    // The editor saves without the link: it stays.
    const saved = await e.request(a.specialist, {
      method: 'PUT', url: `/api/outgoing/${draft.id}`,
      payload: { typeCode: 'official_letter', subject: draft.subject, mainFileId: await uploadPdf(e, a.specialist), signerId: await userId(e, 'giamdoc.snv'), recipientAgencyIds: [await e.agencyId(NAMES.STC)] },
    });
    expect(saved.json()).toMatchObject({ version: 2, responseForIncomingId: f.directedId });
    for (const [s, step] of [[a.specialist, 'submit'], [a.head, 'approve'], [a.leader, 'sign']] as const) expect((await post(e, s, `/api/outgoing/${draft.id}/${step}`)).statusCode).toBe(200);
    const issuing = await post(e, a.clerk, `/api/outgoing/${draft.id}/issue`);
    expect(issuing.statusCode, issuing.body).toBe(200);
    const issued = issuing.json();

    const row = await e.database.db.selectFrom('hub_outbox').selectAll().where('package_id', '=', issued.packageId).executeTakeFirstOrThrow();
    const chunks: Buffer[] = [];
    for await (const c of await e.deps.files.get(row.payload_sha256)) chunks.push(c as Buffer);
    const parsed = parsePackage(Buffer.concat(chunks));
    if (parsed.kind !== 'document') throw new Error('not a document package');
    expect(parsed.package.MessageHeader.ResponseFor).toEqual([{
      OrganId: (await codeOf(e, NAMES.STC)).code, Code: `${original.code_number}/${original.code_notation}`,
      PromulgationDate: String(original.promulgation_date).slice(0, 10).replace(/-/g, '/'), DocumentId: original.document_id,
    }]);
  });

  it('a reply link must name an incoming document of the own agency', async () => {
    const e = env();
    const a = await loginAll(e);
    const res = await e.request(a.specialist, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'official_letter', subject: 'Trả lời', responseForIncomingId: '00000000-0000-4000-8000-000000000000' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Văn bản đến được trả lời');
  });
});
