import { expect, it, vi } from 'vitest';
import { parsePackage } from '../../server/adapters/hub/edxml/parse-package.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { receiveStatuses } from '../../server/app/outgoing/receive-statuses.ts';
import type { DocumentPackage } from '../../server/domain/exchange/package.ts';
import { outgoingDepsOf } from '../../server/entry/outgoing/outgoing-deps.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';
import { codeOf, hubDeps } from './hub-helpers.ts';
import { createDraft, loginAll, openRegisters, post, sendStatusBack, signedDocument, userId } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

const DISTRICT = 'Ủy ban nhân dân thành phố Bạc Liêu';

/** The packages the hub holds about a DocumentId (as the ordering key), oldest first, parsed. */
async function packagesAbout(e: TestEnv, documentKey: string): Promise<{ businessType: string | null; receivers: string[]; documentKey: string; pkg: DocumentPackage }[]> {
  const rows = await e.database.db.selectFrom('hub_outbox').selectAll().where('document_key', '=', documentKey).orderBy('created_at').orderBy('id').execute();
  const out = [];
  for (const r of rows) {
    const chunks: Buffer[] = [];
    for await (const c of await e.deps.files.get(r.payload_sha256)) chunks.push(c as Buffer);
    const parsed = parsePackage(Buffer.concat(chunks));
    if (parsed.kind !== 'document') throw new Error('not a document package');
    out.push({ businessType: r.business_type, receivers: [...r.receiver_codes].sort(), documentKey: r.document_key, pkg: parsed.package });
  }
  return out;
}

async function tracking(e: TestEnv, s: Parameters<TestEnv['request']>[0], id: string) {
  const t = (await e.request(s, { method: 'GET', url: `/api/outgoing/${id}/tracking` })).json();
  return { ...t, by: (name: string) => t.recipients.find((r: { recipient: { name: string } }) => r.recipient.name === name) };
}

describeEachEngine('outgoing documents: update (type 2) and replacement (type 3) of an issued document', { seed: true }, (env) => {
  it('a leader updates the subject and adds a recipient: one type 2 package after the original, answers 15/16 shown, the earlier version kept', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const id = await signedDocument(e, a, [NAMES.STC, NAMES.UBND_TINH]);
    const doc = (await post(e, a.clerk, `/api/outgoing/${id}/issue`)).json();
    await deliverDue(hubDeps(e));
    const [stc, tinh, district] = [await codeOf(e, NAMES.STC), await codeOf(e, NAMES.UBND_TINH), await codeOf(e, DISTRICT)];

    expect((await post(e, a.clerk, `/api/outgoing/${id}/update`, { reason: 'Sửa trích yếu', subject: 'Khác' })).statusCode).toBe(403);
    const nothing = await post(e, a.leader, `/api/outgoing/${id}/update`, { reason: 'Không đổi gì', subject: doc.subject });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().message).toContain('Không có thông tin nào thay đổi');
    const noReason = await post(e, a.leader, `/api/outgoing/${id}/update`, { reason: ' ', subject: 'Khác' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('lý do');

    e.clock.advance(60_000);
    const newSubject = 'Quyết định về việc cử công chức đi học lớp bồi dưỡng quản lý nhà nước';
    const updated = await post(e, a.leader, `/api/outgoing/${id}/update`, { reason: 'Ghi rõ tên lớp học', subject: newSubject, addRecipientAgencyIds: [await e.agencyId(DISTRICT)] });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ state: 'updated', subject: newSubject, codeNumber: doc.codeNumber, edxmlDocumentId: doc.edxmlDocumentId });

    const packages = await packagesAbout(e, doc.edxmlDocumentId);
    expect(packages.map((p) => p.businessType)).toEqual(['0', '2']);
    const change = packages[1]!;
    expect(change.receivers).toEqual([stc.code, tinh.code, district.code].sort());
    expect(change.pkg.MessageHeader.Subject).toBe(newSubject);
    expect(change.pkg.TraceHeaderList.Bussiness).toMatchObject({
      BussinessDocType: '2', BussinessDocReason: 'Cập nhật văn bản điện tử: Ghi rõ tên lớp học', DocumentId: doc.edxmlDocumentId,
      BussinessDocumentInfo: { DocumentInfo: '1', DocumentReceiver: '1', ReceiverList: [{ OrganId: district.code, ReceiverType: '1' }] },
    });

    await deliverDue(hubDeps(e));
    e.clock.advance(60_000);
    await sendStatusBack(e, NAMES.STC, NAMES.SNV, doc.edxmlDocumentId, '15', 'Đã cập nhật');
    await sendStatusBack(e, NAMES.UBND_TINH, NAMES.SNV, doc.edxmlDocumentId, '16', 'Văn bản đã chuyển xử lý');
    expect(await receiveStatuses(outgoingDepsOf(e.deps))).toMatchObject({ applied: 2, flagged: 0 });

    const t = await tracking(e, a.clerk, id);
    expect(t.by(NAMES.STC).recipient).toMatchObject({ changeOpen: null, changeAnswer: '15', changeAnswerReason: 'Đã cập nhật' });
    expect(t.by(NAMES.UBND_TINH).recipient).toMatchObject({ changeOpen: null, changeAnswer: '16', changeAnswerReason: 'Văn bản đã chuyển xử lý' });
    // The added organ gets it as a new document: delivered by the update's package, no change request to answer.
    expect(t.by(DISTRICT)).toMatchObject({ recipient: { changeOpen: null, organCode: district.code }, delivery: { state: 'delivered' } });
    expect(t.changes).toEqual([expect.objectContaining({
      kind: 'update', reason: 'Ghi rõ tên lớp học', addedRecipients: [DISTRICT], changes: [{ field: 'subject', before: doc.subject, after: newSubject }],
    })]);
    const detail = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${id}` })).json();
    expect(detail.versions.map((v: { fields: { subject: string } }) => v.fields.subject).slice(-2)).toEqual([doc.subject, newSubject]);
  });

  it('a replacement goes through the workflow and is issued as type 3 naming the replaced DocumentId; the old one is marked replaced and shows the answers', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const oldId = await signedDocument(e, a, [NAMES.STC]);
    const old = (await post(e, a.clerk, `/api/outgoing/${oldId}/issue`)).json();
    await deliverDue(hubDeps(e));
    const stc = await codeOf(e, NAMES.STC);

    e.clock.advance(60_000);
    const { id } = await createDraft(e, a, [NAMES.STC], { replacesDocumentId: oldId, subject: 'Quyết định cử cán bộ đi học (thay thế)' });
    for (const [s, step] of [[a.specialist, 'submit'], [a.head, 'approve'], [a.leader, 'sign']] as const) expect((await post(e, s, `/api/outgoing/${id}/${step}`)).statusCode).toBe(200);
    const issued = await post(e, a.clerk, `/api/outgoing/${id}/issue`);
    expect(issued.json()).toMatchObject({ state: 'issued', replacesDocumentId: oldId });
    const replacement = issued.json();
    expect(replacement.edxmlDocumentId).not.toBe(old.edxmlDocumentId);

    // Ordered after the replaced document's packages: its DocumentId is the ordering key.
    const packages = await packagesAbout(e, old.edxmlDocumentId);
    expect(packages.map((p) => p.businessType)).toEqual(['0', '3']);
    expect(packages[1]!.pkg.MessageHeader.DocumentId).toBe(replacement.edxmlDocumentId);
    expect(packages[1]!.pkg.TraceHeaderList.Bussiness).toMatchObject({ BussinessDocType: '3', ReplacementInfoList: [{ DocumentId: old.edxmlDocumentId, OrganIdList: [stc.code] }] });

    const oldNow = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${oldId}` })).json().document;
    expect(oldNow).toMatchObject({ state: 'replaced', replacedById: id });
    expect((await tracking(e, a.clerk, oldId)).by(NAMES.STC).recipient).toMatchObject({ changeOpen: 'replace' });

    await deliverDue(hubDeps(e));
    e.clock.advance(60_000);
    await sendStatusBack(e, NAMES.STC, NAMES.SNV, old.edxmlDocumentId, '15', 'Đã đánh dấu bị thay thế');
    expect(await receiveStatuses(outgoingDepsOf(e.deps))).toMatchObject({ applied: 1 });
    const t = await tracking(e, a.clerk, oldId);
    expect(t.by(NAMES.STC).recipient).toMatchObject({ changeOpen: null, changeAnswer: '15' });
    expect(t.changes).toEqual([expect.objectContaining({ kind: 'replace', replacementId: id })]);

    // A replaced (or recalled) document cannot be replaced again nor updated.
    const again = await e.request(a.specialist, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'decision', subject: 'Lần nữa', replacesDocumentId: oldId, signerId: await userId(e, 'giamdoc.snv') } });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('chưa bị thay thế');
    expect((await post(e, a.leader, `/api/outgoing/${oldId}/update`, { reason: 'x', subject: 'y' })).statusCode).toBe(409);
  });
});
