import { expect, it } from 'vitest';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { codeOf, deliveriesOf, documentPackage, hubDeps, sendThroughHub, traceKinds } from './hub-helpers.ts';

describeEachEngine('hub: an operator abandons a dead letter', { seed: true }, (env) => {
  it('abandoning needs a reason, keeps the delivery (abandoned, not deleted), tells the sender why, is audited and lets the revocation behind it proceed', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    // A document that went dead (its receiver was unknown at custody), and its revocation held behind it.
    const unknown = '000.00.67.H96';
    const doc = documentPackage(snv.code, [unknown], { number: '81' });
    await sendThroughHub(e, snv, [unknown], doc);
    const [dead] = await deliveriesOf(e, doc.packageId);
    expect(dead).toMatchObject({ state: 'dead', last_error_code: 'EXCHANGE_UNKNOWN_RECEIVER' });
    // Make it a dead letter to Sở Tài chính, so a later package of the same document to it is held (§4.5).
    await e.database.db.updateTable('hub_deliveries').set({ receiver_code: stc.code }).where('id', '=', dead!.id).execute();
    const revoke = documentPackage(snv.code, [stc.code], { revoke: doc.documentId });
    await sendThroughHub(e, snv, [stc.code], revoke, { revokes: doc.documentId });
    expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 0, failed: 0, dead: 0 });

    const operator = await e.login('vanhanh');
    const blank = await e.request(operator, { method: 'POST', url: `/api/hub/dead-letters/${dead!.id}/abandon`, payload: { reason: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toContain('lý do');
    const res = await e.request(operator, { method: 'POST', url: `/api/hub/dead-letters/${dead!.id}/abandon`, payload: { reason: 'Cơ quan nhận không còn tồn tại' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'abandoned', lastErrorMessage: expect.stringContaining('Cơ quan nhận không còn tồn tại') });
    const [row] = await deliveriesOf(e, doc.packageId);
    expect(row).toMatchObject({ state: 'abandoned', abandoned_reason: 'Cơ quan nhận không còn tồn tại', abandoned_by: 'vanhanh' });
    expect(await traceKinds(e, doc.packageId)).toContain('abandoned');
    const audit = await e.database.db.selectFrom('audit_events').select(['type', 'subject_id']).where('type', '=', 'hub.dead_letter_abandoned').execute();
    expect(audit).toEqual([{ type: 'hub.dead_letter_abandoned', subject_id: dead!.id }]);
    // No longer a dead letter, and no second abandonment or resend.
    const list = (await e.request(operator, { method: 'GET', url: '/api/hub/dead-letters' })).json() as { items: { deliveryId: string }[] };
    expect(list.items.map((i) => i.deliveryId)).not.toContain(dead!.id);
    expect((await e.request(operator, { method: 'POST', url: `/api/hub/dead-letters/${dead!.id}/abandon`, payload: { reason: 'lần hai' } })).statusCode).toBe(409);
    expect((await e.request(operator, { method: 'POST', url: `/api/hub/dead-letters/${dead!.id}/resend` })).statusCode).toBe(409);
    // The revocation waited behind the dead document; now it proceeds.
    expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 1, failed: 0, dead: 0 });
  });
});
