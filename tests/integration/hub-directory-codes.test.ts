/**
 * Identifier codes over time (exchange.md §6.4, C73/C74): a code closed on a date neither sends nor
 * receives packages made after it, what was sent before keeps its historical code and name, and a
 * province's code change is a directory import that routing follows with no change to the code.
 */
import { beforeAll, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../server/adapters/hub/testing/certs.ts';
import { assignAgencyCode } from '../../server/app/agencies/assign-agency-code.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { formatWireTimestamp } from '../../server/domain/exchange/wire-dates.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';
import { addPeer, codeOf, deliveriesOf, documentPackage, hubDeps, inboxOf, sendThroughHub, trustCa } from './hub-helpers.ts';
import { loginAll, openRegisters, post, signedDocument } from './outgoing-helpers.ts';

const DAY = 24 * 3600_000;
const TOKEN = 'closed-code-peer-token-0123456789abcdefghij';
let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

/** `YYYY-MM-DD` in Vietnam time. */
const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

function pushFromPeer(e: TestEnv, bytes: Buffer) {
  return e.app.inject({ method: 'POST', url: '/api/hub/packages', payload: bytes, headers: { 'content-type': 'application/xml', authorization: `Bearer ${TOKEN}` } });
}

describeEachEngine('hub: identifier codes closed on a date', { seed: true }, (env) => {
  it('C73: a code closed on a date is neither sender nor receiver of packages made after it; documents issued earlier keep its code and historical name', async () => {
    const e = env();
    // Test certificates are valid from now: the story runs from today.
    const start = new Date();
    e.clock.set(start);
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    const oldCode = stc.code;

    // Before the closing: a document issued to Sở Tài chính under its old code and name.
    await openRegisters(e);
    const a = await loginAll(e);
    const id = await signedDocument(e, a, [NAMES.STC]);
    expect((await post(e, a.clerk, `/api/outgoing/${id}/issue`)).statusCode).toBe(200);
    await deliverDue(hubDeps(e));
    expect((await inboxOf(e, stc.agencyId)).filter((r) => r.receiver_code === oldCode)).toHaveLength(1);
    // A peer system may send for the old code (a package made before the closing is pushed late below).
    await trustCa(e.deps, pki.ca.certificatePem, pki.crl);
    await addPeer(e, { name: 'Hệ thống gửi thay mã cũ (thử)', codePrefixes: [oldCode], certificatePem: pki.organ.certificatePem, inboundToken: TOKEN });
    const madeBefore = documentPackage(oldCode, [snv.code], { number: '731', signer: pki.organ, timestamp: formatWireTimestamp(start) });

    // The code closes in three days, with a successor; the agency is renamed.
    const closing = vnDay(new Date(start.getTime() + 3 * DAY));
    const newCode = '000.00.93.H04';
    await e.deps.uow.run((tx) => assignAgencyCode(tx, { clock: e.clock }, null, stc.agencyId, { code: newCode, validFrom: closing }));
    await e.database.db.updateTable('agencies').set({ name: 'Sở Tài chính tỉnh Bạc Liêu (tên mới)' }).where('id', '=', stc.agencyId).execute();
    e.clock.set(new Date(start.getTime() + 4 * DAY));

    // As receiver: refused with the successor, not re-addressed.
    const toOld = documentPackage(snv.code, [oldCode], { number: '732' });
    await sendThroughHub(e, snv, [oldCode], toOld);
    const [dead] = await deliveriesOf(e, toOld.packageId);
    expect(dead).toMatchObject({ state: 'dead', last_error_code: 'EXCHANGE_RECEIVER_CLOSED', last_error_origin: 'hub' });
    expect(dead!.last_error_message).toContain(newCode);
    // As sender, from this deployment: the agency cannot send under its closed code.
    const fromOld = documentPackage(oldCode, [snv.code], { number: '733' });
    await expect(sendThroughHub(e, { agencyId: stc.agencyId, code: oldCode }, [snv.code], fromOld)).rejects.toMatchObject({ code: 'EXCHANGE_INVALID_FIELD' });
    // As sender, from a peer: made after the closing, refused naming the successor; made before, still taken.
    const madeAfter = documentPackage(oldCode, [snv.code], { number: '734', signer: pki.organ, timestamp: formatWireTimestamp(e.clock.now()) });
    const refused = await pushFromPeer(e, madeAfter.bytes);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SENDER_MISMATCH', origin: 'hub' });
    expect(refused.json().message).toContain(newCode);
    const late = await pushFromPeer(e, madeBefore.bytes);
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ result: 'accepted' });

    // The earlier document still shows the recipient as it was called, under the code it had.
    const clerk = await e.login('vanthu.snv');
    const tracking = (await e.request(clerk, { method: 'GET', url: `/api/outgoing/${id}/tracking` })).json();
    expect(tracking.recipients.map((r: { recipient: { name: string; organCode: string } }) => [r.recipient.name, r.recipient.organCode])).toEqual([[NAMES.STC, oldCode]]);
    // And the new code receives.
    const toNew = documentPackage(snv.code, [newCode], { number: '735' });
    await sendThroughHub(e, snv, [newCode], toNew);
    await deliverDue(hubDeps(e));
    expect((await inboxOf(e, stc.agencyId)).filter((r) => r.package_id === toNew.packageId)).toHaveLength(1);
  });

  it('C74: closing a province code and naming its successor is a directory import; routing follows it from that day', async () => {
    const e = env();
    e.clock.set(new Date('2026-06-01T03:00:00Z'));
    const snv = await codeOf(e, NAMES.SNV);
    const province = await codeOf(e, NAMES.UBND_TINH);
    const row = await e.database.db.selectFrom('agencies').select(['name', 'short_name', 'level']).where('id', '=', province.agencyId).executeTakeFirstOrThrow();
    const successor = '000.00.00.H96';
    const csv = `level,name,short_name,parent_name,identifier_code,code_valid_from\n${row.level},${row.name},${row.short_name},,${successor},2026-07-01\n`;
    const operator = await e.login('vanhanh');
    const imported = await e.request(operator, { method: 'POST', url: '/api/agencies/import', payload: { csv } });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 1, updated: 1 });

    // Before the day, the old code still routes here.
    const before = documentPackage(snv.code, [province.code], { number: '741' });
    await sendThroughHub(e, snv, [province.code], before);
    await deliverDue(hubDeps(e));
    expect((await deliveriesOf(e, before.packageId))[0]).toMatchObject({ route: 'local', state: 'delivered', receiver_agency_id: province.agencyId });

    // From the day: the old code is closed naming its successor; the successor reaches the same organ.
    e.clock.set(new Date('2026-07-01T03:00:00Z'));
    const toOld = documentPackage(snv.code, [province.code], { number: '742' });
    await sendThroughHub(e, snv, [province.code], toOld);
    const [closed] = await deliveriesOf(e, toOld.packageId);
    expect(closed).toMatchObject({ state: 'dead', last_error_code: 'EXCHANGE_RECEIVER_CLOSED' });
    expect(closed!.last_error_message).toContain(successor);
    const toNew = documentPackage(snv.code, [successor], { number: '743' });
    await sendThroughHub(e, snv, [successor], toNew);
    await deliverDue(hubDeps(e));
    expect((await deliveriesOf(e, toNew.packageId))[0]).toMatchObject({ route: 'local', state: 'delivered', receiver_agency_id: province.agencyId });
    expect((await inboxOf(e, province.agencyId)).map((r) => r.package_id)).toEqual(expect.arrayContaining([before.packageId, toNew.packageId]));
  });
});
