import { expect, it, vi } from 'vitest';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { receiveStatuses } from '../../server/app/outgoing/receive-statuses.ts';
import { outgoingDepsOf } from '../../server/entry/outgoing/outgoing-deps.ts';
import { describeEachEngine, NAMES, type Session, type TestEnv } from './harness.ts';
import { codeOf, hubDeps } from './hub-helpers.ts';
import { createDraft, loginAll, openRegisters, post, sendStatusBack, signedDocument } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

async function found(e: TestEnv, s: Session, q: string): Promise<string[]> {
  const res = await e.request(s, { method: 'GET', url: `/api/search?${new URLSearchParams({ q })}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { documentId: string }[] }>().items.map((i) => i.documentId);
}

async function facts(e: TestEnv, kind: string, documentKey: string) {
  return e.database.db.selectFrom('supervision_facts').selectAll().where('kind', '=', kind).where('document_key', '=', documentKey).where('demo', '=', false).orderBy('occurred_at').execute();
}

describeEachEngine('outgoing documents write supervision facts and search entries in their own transactions', { seed: true }, (env) => {
  it('a draft is found by its drafter and signer only; once issued by the clerk too, with number, signer and status; never by another agency', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const { id } = await createDraft(e, a, [NAMES.STC], { subject: 'Kế hoạch bồi dưỡng công chức xã Vĩnh Trạch năm 2026' });
    expect(await found(e, a.specialist, 'boi duong vinh trach')).toEqual([id]);
    expect(await found(e, a.clerk, 'boi duong vinh trach')).toEqual([]); // a draft is not the clerk's
    for (const [s, step] of [[a.specialist, 'submit'], [a.head, 'approve'], [a.leader, 'sign']] as const) expect((await post(e, s, `/api/outgoing/${id}/${step}`)).statusCode).toBe(200);
    expect(await found(e, a.leader, 'boi duong vinh trach')).toEqual([id]);
    const issued = (await post(e, a.clerk, `/api/outgoing/${id}/issue`)).json();
    expect(issued.state).toBe('issued');

    const res = await e.request(a.clerk, { method: 'GET', url: `/api/search?${new URLSearchParams({ q: 'bồi dưỡng Vĩnh Trạch' })}` });
    expect(res.json().items).toEqual([expect.objectContaining({
      documentId: id, kind: 'outgoing', codeNumber: issued.codeNumber, codeNotation: 'QĐ-SNV', issuedDate: '2026-03-02', status: 'issued', signerName: 'Huỳnh Văn Đức',
    })]);
    expect(await found(e, a.clerk, issued.codeNotation)).toContain(id);
    // Another agency's clerk and leader never find it, whatever they type.
    for (const who of ['vanthu.stc', 'giamdoc.stc']) expect(await found(e, await e.login(who), 'boi duong vinh trach')).toEqual([]);
  });

  it('issuing records outgoing.issued with the signatures checked and the recipients; a 02 and a recall answer are recorded too', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const id = await signedDocument(e, a, [NAMES.STC, NAMES.UBND_TINH]);
    const before = await e.database.db.selectFrom('supervision_facts').select('id').where('kind', '=', 'outgoing.issued').execute();
    const doc = (await post(e, a.clerk, `/api/outgoing/${id}/issue`)).json();
    const issued = await facts(e, 'outgoing.issued', doc.edxmlDocumentId);
    expect(issued).toHaveLength(1);
    expect(await e.database.db.selectFrom('supervision_facts').select('id').where('kind', '=', 'outgoing.issued').execute()).toHaveLength(before.length + 1);
    expect(issued[0]).toMatchObject({ agency_id: await e.agencyId(NAMES.SNV), document_key: doc.edxmlDocumentId });
    const data = issued[0]!.data as { recipients: { key: string; channel: string }[] } & Record<string, unknown>;
    expect(data).toMatchObject({ urgency: 'urgent', competentSignature: 'valid', orgSignature: 'valid', paperCopyReason: null, signedAt: expect.any(String) });
    const codes = [(await codeOf(e, NAMES.STC)).code, (await codeOf(e, NAMES.UBND_TINH)).code];
    expect(data.recipients.map((r) => r.key).sort()).toEqual(codes.sort());
    expect(data.recipients.every((r) => r.channel === 'electronic')).toBe(true);
    expect(new Date(issued[0]!.occurred_at).toISOString()).toBe(new Date(doc.issuedAt).toISOString());

    await deliverDue(hubDeps(e));
    await sendStatusBack(e, NAMES.UBND_TINH, NAMES.SNV, doc.edxmlDocumentId, '02', 'Không đúng thẩm quyền');
    await receiveStatuses(outgoingDepsOf(e.deps));
    const refused = await facts(e, 'outgoing.refused_by_receiver', doc.edxmlDocumentId);
    expect(refused.map((f) => f.data)).toEqual([{ receiverKey: (await codeOf(e, NAMES.UBND_TINH)).code, reason: 'Không đúng thẩm quyền' }]);

    expect((await post(e, a.leader, `/api/outgoing/${id}/recall`, { reason: 'Sai đối tượng' })).statusCode).toBe(200);
    expect((await facts(e, 'outgoing.recall_sent', doc.edxmlDocumentId)).map((f) => f.document_key)).toEqual([doc.edxmlDocumentId, doc.edxmlDocumentId]);
    e.clock.advance(60_000);
    await sendStatusBack(e, NAMES.STC, NAMES.SNV, doc.edxmlDocumentId, '16', 'Đã triển khai');
    await receiveStatuses(outgoingDepsOf(e.deps));
    expect((await facts(e, 'outgoing.change_answered', doc.edxmlDocumentId)).map((f) => f.data)).toEqual([{ receiverKey: (await codeOf(e, NAMES.STC)).code, code: '16', reason: 'Đã triển khai' }]);
  });

  it('a paper recipient outside the exchange is kept with its address and recorded as paper in the issued fact; own units are not listed', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const bad = await e.request(a.specialist, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'decision', subject: 'Thử', paperRecipients: [{ name: 'Công ty TNHH Minh Phát', address: ' ' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('"Công ty TNHH Minh Phát": cần nhập địa chỉ');
    const unit = await e.database.db.selectFrom('units').select('id').where('agency_id', '=', await e.agencyId(NAMES.SNV)).where('name', '=', 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ').executeTakeFirstOrThrow();
    const id = await signedDocument(e, a, [NAMES.STC], { paperRecipients: [{ name: 'Công ty TNHH Minh Phát', address: '12 Trần Phú, phường 7, thành phố Bạc Liêu' }], recipientUnitIds: [unit.id] });
    const detail = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${id}` })).json();
    expect(detail.recipients.find((r: { kind: string }) => r.kind === 'paper')).toMatchObject({ name: 'Công ty TNHH Minh Phát', address: '12 Trần Phú, phường 7, thành phố Bạc Liêu' });
    const doc = (await post(e, a.clerk, `/api/outgoing/${id}/issue`)).json();
    const [fact] = await facts(e, 'outgoing.issued', doc.edxmlDocumentId);
    expect((fact!.data as { recipients: unknown[] }).recipients).toEqual(expect.arrayContaining([{ key: 'Công ty TNHH Minh Phát', channel: 'paper' }, { key: (await codeOf(e, NAMES.STC)).code, channel: 'electronic' }]));
    expect((fact!.data as { recipients: unknown[] }).recipients).toHaveLength(2);
  });
});
