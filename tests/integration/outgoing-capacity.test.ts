import { expect, it, vi } from 'vitest';
import { describeEachEngine, NAMES } from './harness.ts';
import { createDraft, loginAll, openRegisters, post, signedDocument, userId } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

describeEachEngine('outgoing documents: the clerk’s form check and signing capacities', { seed: true }, (env) => {
  it('the clerk returns a signed, unissued document with a comment: history kept, the signer signs again', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const id = await signedDocument(e, a, [NAMES.STC]);
    expect((await post(e, a.specialist, `/api/outgoing/${id}/return`, { comment: 'Sai thể thức' })).statusCode).toBe(403);
    expect((await post(e, a.clerk, `/api/outgoing/${id}/return`, { comment: ' ' })).statusCode).toBe(400);
    const back = await post(e, a.clerk, `/api/outgoing/${id}/return`, { comment: 'Thiếu nơi nhận "Lưu: VT"; sửa lại phần nơi nhận.' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ state: 'returned', signedBy: null, signedFileId: null });
    expect((await post(e, a.clerk, `/api/outgoing/${id}/issue`)).statusCode).toBe(409);
    for (const [s, step] of [[a.specialist, 'submit'], [a.head, 'approve'], [a.leader, 'sign']] as const) expect((await post(e, s, `/api/outgoing/${id}/${step}`)).statusCode).toBe(200);
    const detail = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${id}` })).json();
    expect(detail.reviews.map((r: { action: string; comment: string | null }) => [r.action, r.comment])).toEqual([
      ['submitted', null], ['approved', null], ['signed', null], ['form_returned', 'Thiếu nơi nhận "Lưu: VT"; sửa lại phần nơi nhận.'], ['submitted', null], ['approved', null], ['signed', null],
    ]);
    expect((await post(e, a.clerk, `/api/outgoing/${id}/issue`)).json()).toMatchObject({ state: 'issued' });
  });

  it('a wrong signing capacity is refused with a sentence saying why; KT. for the deputy, TUQ. only within the authorisation', async () => {
    const e = env();
    const a = await loginAll(e);
    const deputy = await userId(e, 'phogiamdoc.snv');
    const draft = (extra: Record<string, unknown>) => e.request(a.specialist, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'decision', subject: 'Quyết định thử thẩm quyền ký', ...extra } });

    const noMarker = await draft({ signerId: deputy });
    expect(noMarker.statusCode).toBe(422);
    expect(noMarker.json()).toMatchObject({ code: 'OUTGOING_CAPACITY_REFUSED' });
    expect(noMarker.json().message).toContain('cấp phó ký "KT."');
    const tm = await draft({ signerId: deputy, signerCapacity: 'TM. ỦY BAN NHÂN DÂN' });
    expect(tm.json().message).toContain('Chỉ người đứng đầu ký "TM."');
    const kt = await draft({ signerId: await userId(e, 'giamdoc.snv'), signerCapacity: 'KT. GIÁM ĐỐC' });
    expect(kt.json().message).toContain('Chỉ cấp phó ký "KT."');
    expect((await draft({ signerId: deputy, signerCapacity: 'KT. GIÁM ĐỐC' })).statusCode).toBe(201);
    const q = await draft({ signerId: deputy, signerCapacity: 'Q. GIÁM ĐỐC' });
    expect(q.json().message).toContain('không được cơ quan giao quyền người đứng đầu');

    // A head of unit signs TUQ. only under a written authorisation, for its types and dates.
    const head = await userId(e, 'truongphong.snv');
    const snv = await e.agencyId(NAMES.SNV);
    const noGrant = await draft({ signerId: head, signerCapacity: 'TUQ. GIÁM ĐỐC' });
    expect(noGrant.statusCode).toBe(422);
    expect(noGrant.json().message).toContain('không có giấy ủy quyền còn hiệu lực');
    await e.deps.uow.run((tx) => tx.outgoing.addSigningGrant({
      agencyId: snv, userId: head, capacity: 'TUQ.', typeCodes: ['decision'], validFrom: '2026-01-01', validUntil: '2026-03-01', reference: 'Giấy ủy quyền số 05/GUQ-SNV', grantedBy: null, createdAt: e.clock.now(),
    }));
    expect((await draft({ signerId: head, signerCapacity: 'TUQ. GIÁM ĐỐC', typeCode: 'report' })).statusCode).toBe(422); // not its types
    const { id } = await createDraft(e, a, [NAMES.STC], { signerId: head, signerCapacity: 'TUQ. GIÁM ĐỐC' });
    await post(e, a.specialist, `/api/outgoing/${id}/submit`);
    // The test clock is 2 March 2026: the authorisation ended on 1 March.
    const lapsed = await post(e, a.head, `/api/outgoing/${id}/sign`);
    expect(lapsed.statusCode).toBe(422);
    expect(lapsed.json().message).toContain('vào ngày 02/03/2026');
  });
});
