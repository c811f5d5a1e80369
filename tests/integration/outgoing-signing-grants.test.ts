import { expect, it, vi } from 'vitest';
import { describeEachEngine, NAMES } from './harness.ts';
import { loginAll, userId } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

describeEachEngine('outgoing documents: the agency administrator grants and withdraws signing capacities', { seed: true }, (env) => {
  it('a TUQ. authorisation granted to a unit head lets them be named signer; withdrawn, it no longer does; wrong grants are refused with a sentence', async () => {
    const e = env();
    const a = await loginAll(e);
    const admin = await e.login('quantri.snv');
    const head = await userId(e, 'truongphong.snv');
    const draftSignedByHead = () => e.request(a.specialist, {
      method: 'POST', url: '/api/outgoing', payload: { typeCode: 'decision', subject: 'Quyết định ký theo ủy quyền', signerId: head, signerCapacity: 'TUQ. GIÁM ĐỐC' },
    });
    expect((await draftSignedByHead()).statusCode).toBe(422);
    expect((await e.request(admin, { method: 'GET', url: '/api/signing-grants' })).json()).toEqual({ items: [] });

    const grant = (payload: Record<string, unknown>, who = admin) => e.request(who, { method: 'POST', url: '/api/signing-grants', payload });
    expect((await grant({ userId: head, capacity: 'TL.' }, a.leader)).statusCode).toBe(403);
    expect((await grant({ userId: head, capacity: 'TL.' }, a.specialist)).statusCode).toBe(403);
    const refusals: [Record<string, unknown>, string][] = [
      [{ userId: head, capacity: 'KT.' }, '"KT." không cần giao: người đứng đầu ký "TM.", cấp phó ký "KT." theo vai trò của họ.'],
      [{ userId: head, capacity: 'Q.' }, 'Chỉ giao "Q." (quyền người đứng đầu) cho lãnh đạo hoặc cấp phó; Lý Văn Trưởng không phải.'],
      [{ userId: await userId(e, 'chuyenvien.snv'), capacity: 'TL.' }, 'Chỉ giao "TL." cho lãnh đạo đơn vị; Ngô Thị Chuyên không giữ vai trò lãnh đạo đơn vị.'],
      [{ userId: await userId(e, 'giamdoc.stc'), capacity: 'TL.' }, 'Người được giao phải là cán bộ đang làm việc tại cơ quan.'],
      [{ userId: head, capacity: 'TUQ.', typeCodes: ['decision'] }, 'Ủy quyền "TUQ." cần số giấy ủy quyền và thời hạn (từ ngày, đến ngày).'],
      // What the web form sends when nothing is chosen: nulls, not empty strings.
      [{ userId: head, capacity: 'TUQ.', typeCodes: null, validFrom: null, validUntil: null, reference: null }, 'Ủy quyền "TUQ." cần số giấy ủy quyền và thời hạn (từ ngày, đến ngày).'],
      [{ userId: head, capacity: 'TL.', typeCodes: ['khong_co'] }, 'Loại văn bản "khong_co" không có trong danh mục.'],
      [{ userId: head, capacity: 'TUQ.', validFrom: '2026-04-01', validUntil: '2026-03-01', reference: 'Số 05/GUQ-SNV' }, 'Ngày hết hiệu lực phải từ ngày bắt đầu trở đi.'],
    ];
    for (const [payload, message] of refusals) {
      const res = await grant(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toBe(message);
    }
    expect(await e.database.db.selectFrom('outgoing_signing_grants').select('id').execute()).toEqual([]);

    const created = await grant({ userId: head, capacity: 'TUQ.', typeCodes: ['decision'], validFrom: '2026-03-01', validUntil: '2026-06-30', reference: 'Giấy ủy quyền số 05/GUQ-SNV' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await draftSignedByHead()).statusCode).toBe(201);
    const list = (await e.request(admin, { method: 'GET', url: '/api/signing-grants' })).json().items;
    expect(list).toEqual([expect.objectContaining({
      id: created.json().id, userId: head, userName: 'Lý Văn Trưởng', capacity: 'TUQ.', typeCodes: ['decision'], validFrom: '2026-03-01', validUntil: '2026-06-30', reference: 'Giấy ủy quyền số 05/GUQ-SNV', revokedAt: null,
    })]);

    const revoked = await e.request(admin, { method: 'POST', url: `/api/signing-grants/${created.json().id}/revoke`, payload: {} });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).toBe(e.clock.now().toISOString());
    expect((await e.request(admin, { method: 'POST', url: `/api/signing-grants/${created.json().id}/revoke`, payload: {} })).statusCode).toBe(409);
    expect((await e.request(admin, { method: 'GET', url: '/api/signing-grants' })).json().items).toEqual([]);
    expect((await draftSignedByHead()).statusCode).toBe(422);
    const audit = await e.database.db.selectFrom('audit_events').select('data').where('type', '=', 'outgoing.signing_grant_set').where('agency_id', '=', await e.agencyId(NAMES.SNV)).orderBy('seq').execute();
    expect(audit.map((x) => (x.data as { action: string }).action)).toEqual(['granted', 'revoked']);
  });
});
