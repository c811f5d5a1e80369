import { expect, it, vi } from 'vitest';
import { describeEachEngine, NAMES, type Session, type TestEnv } from './harness.ts';
import { ensureUser, UNIT_CCVC, UNIT_TCBC } from './incoming-helpers.ts';
import { loginAll, openRegisters, post, signedDocument } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

async function unitId(e: TestEnv, name: string): Promise<string> {
  return (await e.database.db.selectFrom('units').select('id').where('agency_id', '=', await e.agencyId(NAMES.SNV)).where('name', '=', name).executeTakeFirstOrThrow()).id;
}

const internalList = async (e: TestEnv, s: Session) => {
  const res = await e.request(s, { method: 'GET', url: '/api/outgoing?view=internal' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string }[] }>().items.map((d) => d.id);
};
const searchIds = async (e: TestEnv, s: Session, q: string) =>
  (await e.request(s, { method: 'GET', url: `/api/search?${new URLSearchParams({ q })}` })).json<{ items: { documentId: string }[] }>().items.map((i) => i.documentId);

describeEachEngine('outgoing documents: internal recipients (units of the own agency)', { seed: true }, (env) => {
  it('at issue each named unit gets the document: its head and members are notified, list it, read it and its PDF, find it; another unit does not', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    await ensureUser(e, 'truongphong.tcbc', ['head_of_unit'], { unit: UNIT_TCBC });
    await ensureUser(e, 'chuyenvien.tcbc', ['specialist'], { unit: UNIT_TCBC });
    await ensureUser(e, 'chuyenvien2.ccvc', ['specialist'], { unit: UNIT_CCVC });
    await ensureUser(e, 'quantri.tcbc', ['agency_admin'], { unit: UNIT_TCBC });
    const [headTcbc, memberTcbc, otherUnit, stranger] = [
      await e.login('truongphong.tcbc'), await e.login('chuyenvien.tcbc'), await e.login('chuyenvien2.ccvc'), await e.login('vanthu.stc'),
    ];
    const tcbc = await unitId(e, UNIT_TCBC);
    const id = await signedDocument(e, a, [NAMES.STC], { subject: 'Quyết định phân công theo dõi biên chế xã Hưng Thành', recipientUnitIds: [tcbc] });

    // Before issue the named unit sees nothing.
    expect((await e.request(memberTcbc, { method: 'GET', url: `/api/outgoing/${id}` })).statusCode).toBe(404);
    expect(await internalList(e, memberTcbc)).toEqual([]);

    const doc = (await post(e, a.clerk, `/api/outgoing/${id}/issue`)).json();
    expect(doc.state).toBe('issued');

    for (const s of [headTcbc, memberTcbc]) {
      expect(await internalList(e, s)).toEqual([id]);
      const detail = await e.request(s, { method: 'GET', url: `/api/outgoing/${id}` });
      expect(detail.statusCode, detail.body).toBe(200);
      const pdf = await e.request(s, { method: 'GET', url: `/api/files/${detail.json().document.finalMainFileId}` });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const notes = (await e.request(s, { method: 'GET', url: '/api/notifications' })).json<{ items: { kind: string; title: string; body: string }[] }>().items;
      expect(notes).toContainEqual(expect.objectContaining({
        kind: 'outgoing.internal', title: `Văn bản nội bộ gửi ${UNIT_TCBC}: Quyết định số ${doc.codeNumber}/${doc.codeNotation}`, body: 'Quyết định phân công theo dõi biên chế xã Hưng Thành',
      }));
      expect(await searchIds(e, s, 'bien che Hung Thanh')).toEqual([id]);
    }

    // A member of another unit (even the drafting one) and another agency's user: not found anywhere.
    expect((await e.request(otherUnit, { method: 'GET', url: `/api/outgoing/${id}` })).statusCode).toBe(404);
    expect((await e.request(otherUnit, { method: 'GET', url: `/api/outgoing/${id}/tracking` })).statusCode).toBe(404);
    expect(await internalList(e, otherUnit)).toEqual([]);
    expect(await searchIds(e, otherUnit, 'bien che Hung Thanh')).toEqual([]);
    expect((await e.request(otherUnit, { method: 'GET', url: '/api/notifications' })).json().items).toEqual([]);
    expect((await e.request(stranger, { method: 'GET', url: `/api/outgoing/${id}` })).statusCode).toBe(404);
    // An administrator seated in the named unit gets no content (domain.md §4.1: no document content through that role).
    const adminInUnit = await e.login('quantri.tcbc');
    expect((await e.request(adminInUnit, { method: 'GET', url: `/api/outgoing/${id}` })).statusCode).toBe(404);
    expect(await internalList(e, adminInUnit)).toEqual([]);
    expect((await e.request(adminInUnit, { method: 'GET', url: '/api/notifications' })).json().items).toEqual([]);
    expect(await searchIds(e, stranger, 'bien che Hung Thanh')).toEqual([]);

    // Tracking shows the unit as delivered at the issue time, without a hub delivery; the audit event names it.
    const tracking = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${id}/tracking` })).json();
    const unitRow = tracking.recipients.find((r: { recipient: { kind: string } }) => r.recipient.kind === 'unit');
    expect(unitRow).toMatchObject({ recipient: { unitId: tcbc, name: UNIT_TCBC, deliveredAt: doc.issuedAt }, delivery: null });
    const audit = await e.database.db.selectFrom('audit_events').select('data').where('type', '=', 'outgoing.issued').where('subject_id', '=', id).executeTakeFirstOrThrow();
    expect((audit.data as { internalUnits: unknown }).internalUnits).toEqual([{ unitId: tcbc, name: UNIT_TCBC }]);
  });
});
