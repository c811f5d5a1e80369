import { expect, it, vi } from 'vitest';
import { describeEachEngine, NAMES } from './harness.ts';
import { loginAll, openRegisters, post, signedDocument } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

const PAPER = { name: 'Công ty TNHH Minh Phát', address: '12 Trần Phú, phường 7, thành phố Bạc Liêu' };

describeEachEngine('outgoing documents: the paper master copy posted to a recipient outside the exchange', { seed: true }, (env) => {
  it('the clerk records "Đã gửi bản giấy" once after issue: time in tracking, audit event and the outgoing.paper_sent fact', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const id = await signedDocument(e, a, [NAMES.STC], { paperRecipients: [PAPER] });
    const recipients = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${id}` })).json<{ recipients: { id: string; kind: string }[] }>().recipients;
    const paper = recipients.find((r) => r.kind === 'paper')!;
    const electronic = recipients.find((r) => r.kind === 'agency')!;
    const url = (rid: string) => `/api/outgoing/${id}/recipients/${rid}/paper-sent`;

    const early = await post(e, a.clerk, url(paper.id));
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('Chỉ gửi bản giấy sau khi văn bản đã phát hành.');
    const doc = (await post(e, a.clerk, `/api/outgoing/${id}/issue`)).json();
    expect(doc.state).toBe('issued');

    expect((await post(e, a.specialist, url(paper.id))).statusCode).toBe(403); // a specialist does not send
    expect((await post(e, a.clerk, url(electronic.id))).json()).toMatchObject({ code: 'OUTGOING_STATE_INVALID', message: 'Nơi nhận này nhận văn bản điện tử, không gửi bản giấy.' });
    e.clock.advance(2 * 3600_000);
    const sent = await post(e, a.clerk, url(paper.id));
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ ...PAPER, kind: 'paper', paperSentAt: e.clock.now().toISOString() });
    const again = await post(e, a.clerk, url(paper.id));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/^Đã ghi nhận gửi bản giấy đến "Công ty TNHH Minh Phát" lúc \d\d:\d\d ngày \d\d\/\d\d\/2026\.$/);

    const tracking = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${id}/tracking` })).json();
    expect(tracking.recipients.find((r: { recipient: { kind: string } }) => r.recipient.kind === 'paper').recipient).toMatchObject({ paperSentAt: e.clock.now().toISOString(), address: PAPER.address });
    const facts = await e.database.db.selectFrom('supervision_facts').selectAll().where('kind', '=', 'outgoing.paper_sent').where('demo', '=', false).execute();
    expect(facts.map((f) => [f.document_key, f.data, new Date(f.occurred_at).toISOString()])).toEqual([[doc.edxmlDocumentId, { receiverKey: PAPER.name }, e.clock.now().toISOString()]]);
    const audit = await e.database.db.selectFrom('audit_events').select(['data', 'actor_user_id']).where('type', '=', 'outgoing.paper_sent').where('subject_id', '=', id).execute();
    expect(audit.map((x) => x.data)).toEqual([{ recipientId: paper.id, ...PAPER }]);
  });
});
