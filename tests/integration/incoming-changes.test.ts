/** Receiving revocations, updates, replacements and business duplicates (exchange.md §2.8, §3.3). */
import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine, NAMES, type Session, type TestEnv } from './harness.ts';
import { docsWith, sendFromStc, snvCode } from './incoming-change-helpers.ts';
import { FakeSigning, incomingDeps, pinFakeSigning, statusesAtSender } from './incoming-helpers.ts';

type Change = { id: string; kind: string; targetDocumentId: string; state: string; incomingId: string | null; replacementId: string | null; reason: string | null; metadata: { subject: string } | null; previousMetadata: { subject: string } | null };
type Detail = { document: { state: string; subject: string; outcomeNote: string | null; warnings: string[] }; changeRequests: Change[]; can: { answerChanges: string[] } };

async function detail(e: TestEnv, s: Session, id: string): Promise<Detail> {
  const r = await e.request(s, { method: 'GET', url: `/api/incoming/${id}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

async function answer(e: TestEnv, s: Session, id: string, body: { accept: boolean; reason?: string }) {
  return e.request(s, { method: 'POST', url: `/api/incoming-change-requests/${id}/answer`, payload: body });
}

async function unlinked(e: TestEnv, s: Session): Promise<Change[]> {
  const r = await e.request(s, { method: 'GET', url: '/api/incoming-change-requests' });
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { items: Change[] }).items;
}

describeEachEngine('incoming documents: change requests from the issuer', { seed: true }, (env) => {
  const signing = new FakeSigning();
  beforeEach(() => pinFakeSigning(env(), signing));

  it('C43: a revocation asks the clerk; nothing is applied until answered; refusing sends 16 with its reason, accepting cancels the document and sends 15', async () => {
    const e = env();
    const deps = incomingDeps(e, signing);
    const a = await sendFromStc(e, deps, { number: '431', subject: 'Văn bản sẽ bị thu hồi' });
    const [doc] = await docsWith(e, a.documentId);
    const clerk = await e.login('vanthu.snv');
    expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${doc!.id}/register`, payload: {} })).statusCode).toBe(200);
    await sendFromStc(e, deps, { number: '431', business: { BussinessDocType: '1', BussinessDocReason: 'Thu hồi văn bản điện tử: sai số liệu', DocumentId: a.documentId } });
    expect(await docsWith(e, a.documentId)).toHaveLength(1);
    let d = await detail(e, clerk, doc!.id);
    expect(d.document.state).toBe('registered');
    const first = d.changeRequests[0]!;
    expect(first).toMatchObject({ kind: 'revoke', state: 'open', reason: 'Thu hồi văn bản điện tử: sai số liệu' });
    expect(d.can.answerChanges).toEqual([first.id]);
    // Only a clerk answers; a refusal needs a reason.
    const leader = await e.login('giamdoc.snv');
    expect((await answer(e, leader, first.id, { accept: true })).statusCode).toBe(403);
    const noReason = await answer(e, clerk, first.id, { accept: false });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ details: { field: 'reason' } });
    expect((await answer(e, clerk, first.id, { accept: false, reason: 'Văn bản đã triển khai thực hiện' })).statusCode).toBe(200);
    expect((await detail(e, clerk, doc!.id)).document.state).toBe('registered');
    expect((await answer(e, clerk, first.id, { accept: true })).statusCode).toBe(409);

    await sendFromStc(e, deps, { number: '431', business: { BussinessDocType: '1', DocumentId: a.documentId } });
    d = await detail(e, clerk, doc!.id);
    const second = d.changeRequests.find((c) => c.state === 'open')!;
    const ok = await answer(e, clerk, second.id, { accept: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await detail(e, clerk, doc!.id)).document.state).toBe('cancelled');
    const statuses = await statusesAtSender(e, a.documentId);
    expect(statuses.map((s) => s.code)).toEqual(['01', '03', '16', '15']);
    expect(statuses[2]!.description).toBe('Văn bản đã triển khai thực hiện');
    const fact = await e.database.db.selectFrom('supervision_facts').select('kind').where('document_key', '=', doc!.id).where('kind', '=', 'incoming.cancelled').execute();
    expect(fact).toHaveLength(1);
  });

  it('C45: a revocation for an unknown document is parked and opened when the document arrives within the TTL; past the TTL it is shown as unmatched', async () => {
    const e = env();
    const deps = incomingDeps(e, signing);
    const clerk = await e.login('vanthu.snv');
    const code = await snvCode(e);
    const stcCode = (await e.database.db.selectFrom('agency_codes as c').innerJoin('agencies as a', 'a.id', 'c.agency_id').select('c.code').where('a.name', '=', NAMES.STC).where('c.valid_to', 'is', null).executeTakeFirstOrThrow()).code;
    const early = `${stcCode},2026/02/27,451/STC-NS`;
    await sendFromStc(e, deps, { number: '451', business: { BussinessDocType: '1', BussinessDocReason: 'Thu hồi trước khi văn bản đến', DocumentId: early } });
    expect(await docsWith(e, early)).toHaveLength(0);
    expect((await unlinked(e, clerk)).find((c) => c.reason === 'Thu hồi trước khi văn bản đến')).toMatchObject({ state: 'parked', incomingId: null });
    const arrived = await sendFromStc(e, deps, { number: '451' });
    expect(arrived.documentId).toBe(early);
    const [doc] = await docsWith(e, early);
    expect((await detail(e, clerk, doc!.id)).changeRequests).toMatchObject([{ kind: 'revoke', state: 'open', incomingId: doc!.id }]);

    // An update whose document never comes: unmatched after the TTL (72 hours).
    const never = `${stcCode},2026/02/27,452/STC-NS`;
    await sendFromStc(e, deps, { number: '452', subject: 'Cập nhật cho văn bản chưa đến', business: { BussinessDocType: '2', DocumentId: never, BussinessDocumentInfo: { DocumentInfo: '1', ReceiverList: [{ OrganId: code, ReceiverType: '2' }] } } });
    expect((await unlinked(e, clerk)).find((c) => c.targetDocumentId === never)).toMatchObject({ state: 'parked', kind: 'update' });
    e.clock.advance(73 * 3600_000);
    await sendFromStc(e, deps, { number: '453' });
    expect((await unlinked(e, await e.login('vanthu.snv'))).find((c) => c.targetDocumentId === never)).toMatchObject({ state: 'unmatched' });
  });

  it('C46: an accepted update replaces the metadata and keeps the previous version; an organ listed with ReceiverType 1 gets an unknown document as a new arrival', async () => {
    const e = env();
    const deps = incomingDeps(e, signing);
    const clerk = await e.login('vanthu.snv');
    const a = await sendFromStc(e, deps, { number: '461', subject: 'Báo cáo quý I (bản đầu)' });
    const [doc] = await docsWith(e, a.documentId);
    await sendFromStc(e, deps, { number: '461', subject: 'Báo cáo quý I (bản sửa)', business: { BussinessDocType: '2', DocumentId: a.documentId, BussinessDocumentInfo: { DocumentInfo: '1' } } });
    let d = await detail(e, clerk, doc!.id);
    expect(d.document.subject).toBe('Báo cáo quý I (bản đầu)');
    const cr = d.changeRequests[0]!;
    expect(cr).toMatchObject({ kind: 'update', state: 'open', metadata: { subject: 'Báo cáo quý I (bản sửa)' } });
    expect((await answer(e, clerk, cr.id, { accept: true })).statusCode).toBe(200);
    d = await detail(e, clerk, doc!.id);
    expect(d.document).toMatchObject({ subject: 'Báo cáo quý I (bản sửa)', state: 'arrived' });
    expect(d.changeRequests[0]).toMatchObject({ state: 'accepted', previousMetadata: { subject: 'Báo cáo quý I (bản đầu)' } });
    expect((await statusesAtSender(e, a.documentId)).map((s) => s.code)).toEqual(['01', '15']);
    // Handling continues after an update: the clerk can still register it (03).
    expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${doc!.id}/register`, payload: {} })).statusCode).toBe(200);

    const code = await snvCode(e);
    const fresh = await sendFromStc(e, deps, { number: '462', subject: 'Văn bản cập nhật gửi thêm nơi nhận', business: { BussinessDocType: '2', BussinessDocumentInfo: { DocumentInfo: '0', ReceiverList: [{ OrganId: code, ReceiverType: '1' }] } } });
    expect(await docsWith(e, fresh.documentId)).toMatchObject([{ state: 'arrived', subject: 'Văn bản cập nhật gửi thêm nơi nhận' }]);
  });

  it('C47: a replacement registers as new and opens a change request on the replaced document; accepted, the old one is marked replaced by the new and 15 is sent for it', async () => {
    const e = env();
    const deps = incomingDeps(e, signing);
    const clerk = await e.login('vanthu.snv');
    const code = await snvCode(e);
    const old = await sendFromStc(e, deps, { number: '471', subject: 'Kế hoạch cũ' });
    const [oldDoc] = await docsWith(e, old.documentId);
    const repl = await sendFromStc(e, deps, { number: '472', subject: 'Kế hoạch thay thế', business: { BussinessDocType: '3', ReplacementInfoList: [{ DocumentId: old.documentId, OrganIdList: [code] }, { DocumentId: 'khac,2026/01/01,1/X', OrganIdList: ['000.00.99.H99'] }] } });
    const [newDoc] = await docsWith(e, repl.documentId);
    expect(newDoc).toMatchObject({ state: 'arrived', subject: 'Kế hoạch thay thế' });
    const d = await detail(e, clerk, oldDoc!.id);
    expect(d.changeRequests).toHaveLength(1);
    expect(d.changeRequests[0]).toMatchObject({ kind: 'replace', state: 'open', replacementId: newDoc!.id });
    expect((await answer(e, clerk, d.changeRequests[0]!.id, { accept: true })).statusCode).toBe(200);
    const after = await detail(e, clerk, oldDoc!.id);
    expect(after.document.state).toBe('replaced');
    expect(after.document.outcomeNote).toContain(newDoc!.id);
    expect((await statusesAtSender(e, old.documentId)).map((s) => s.code)).toEqual(['01', '15']);
    expect((await detail(e, clerk, newDoc!.id)).document.state).toBe('arrived');
  });

  it('C48: a second new-document package for a known DocumentId creates no second document and warns; after the first ended in 02 it is a new arrival', async () => {
    const e = env();
    const deps = incomingDeps(e, signing);
    const clerk = await e.login('vanthu.snv');
    const a = await sendFromStc(e, deps, { number: '481', subject: 'Văn bản gửi hai lần' });
    const again = await sendFromStc(e, deps, { number: '481', subject: 'Văn bản gửi hai lần' });
    expect(again.packageId).not.toBe(a.packageId);
    const docs = await docsWith(e, a.documentId);
    expect(docs).toHaveLength(1);
    expect((await detail(e, clerk, docs[0]!.id)).document.warnings.join(' ')).toContain(again.packageId);
    expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${docs[0]!.id}/refuse`, payload: { reason: 'Thiếu chữ ký số' } })).statusCode).toBe(200);
    await sendFromStc(e, deps, { number: '481', subject: 'Văn bản gửi hai lần' });
    const now = await docsWith(e, a.documentId);
    expect(now.map((d) => d.state).sort()).toEqual(['arrived', 'refused']);
    expect(now.find((d) => d.state === 'arrived')!.duplicate_of).toBeNull();
  });
});
