import { Readable } from 'node:stream';
import { beforeEach, expect, it, vi } from 'vitest';
import { verifyXml } from '../../server/adapters/hub/xml-signature.ts';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { incomingDepsOf } from '../../server/entry/incoming/incoming-deps.ts';
import { createFile } from '../../server/app/files/create-file.ts';
import { receiveArrivals } from '../../server/app/incoming/receive-arrivals.ts';
import { AppError, ErrorCode } from '../../server/app/errors.ts';
import { describeEachEngine } from './harness.ts';
import { arriveFromStc, ensureUser, FakeSigning, incomingDeps, INVALID, pinFakeSigning, statusesAtSender, VALID } from './incoming-helpers.ts';

// The real signing adapter makes the test CA and its keys on first use (RSA key generation).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

describeEachEngine('incoming documents: arrival, inbox, registering, refusing, paper', { seed: true }, (env) => {
  const signing = new FakeSigning();
  // Routes sign statuses through the fake (key generation costs minutes on a loaded machine); the first test uses the real adapter.
  beforeEach(() => pinFakeSigning(env(), signing));

  it('with the real signing adapter: an organisation-signed PDF arrives as a valid original, and the 01 it answers with carries a valid XML signature', async () => {
    const e = env();
    const stcCode = (await e.database.db.selectFrom('agency_codes as c').innerJoin('agencies as a', 'a.id', 'c.agency_id').select('c.code').where('a.name', '=', 'Sở Tài chính tỉnh Bạc Liêu').where('c.valid_to', 'is', null).executeTakeFirstOrThrow()).code;
    const pdf = Buffer.from(await e.deps.signing.signOrganisation({ pdf: await samplePdf(), agencyCode: stcCode }));
    const a = await arriveFromStc(e, incomingDepsOf(e.deps, { clock: e.clock }), { number: '10', pdf });
    const doc = await e.database.db.selectFrom('incoming_documents').select(['signature_status']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(doc.signature_status).toBe('valid');
    const status = await e.database.db.selectFrom('hub_outbox').select(['payload_sha256']).where('kind', '=', 'status').where('document_id', '=', a.documentId).executeTakeFirstOrThrow();
    const chunks: Buffer[] = [];
    for await (const c of await e.deps.files.get(status.payload_sha256)) chunks.push(c as Buffer);
    const check = verifyXml(Buffer.concat(chunks));
    expect(check).toMatchObject({ present: true, digestValid: true, signatureValid: true });
  });

  it('an arrival from another agency is stored with its files and signature result, and the sender gets 01 at once; processing twice changes nothing', async () => {
    const e = env();
    e.clock.set('2026-03-02T02:00:00Z');
    const deps = incomingDeps(e, signing);
    signing.next = VALID;
    const a = await arriveFromStc(e, deps, { number: '11' });
    const doc = await e.database.db.selectFrom('incoming_documents').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ state: 'arrived', channel: 'electronic', signature_status: 'valid', code_number: '11', code_notation: 'STC-NS', due_date: '2026-03-31', exchange_state: '01' });
    const files = await e.database.db.selectFrom('incoming_files').selectAll().where('incoming_id', '=', a.id).execute();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ role: 'attachment', media_type: 'application/pdf', signature_status: 'valid' });
    expect(await e.deps.files.has(files[0]!.sha256)).toBe(true);
    expect((await statusesAtSender(e, a.documentId)).map((s) => s.code)).toEqual(['01']);
    // The inbox row is processed; a second pass, or a crash-retry that finds the document already made, adds nothing.
    expect(await receiveArrivals(deps)).toEqual({ processed: 0 });
    await e.database.db.updateTable('hub_inbox').set({ processed_at: null }).where('package_id', '=', a.packageId).execute();
    expect(await receiveArrivals(deps)).toEqual({ processed: 1 });
    expect(await e.database.db.selectFrom('incoming_documents').select('id').where('package_id', '=', a.packageId).execute()).toHaveLength(1);
    expect((await statusesAtSender(e, a.documentId)).map((s) => s.code)).toEqual(['01']);
  });

  it("the clerk's inbox shows the validation result and flags a probable duplicate; leaders and specialists do not see unregistered arrivals", async () => {
    const e = env();
    const deps = incomingDeps(e, signing);
    signing.next = INVALID;
    const first = await arriveFromStc(e, deps, { number: '12', subject: 'Văn bản gốc' });
    signing.next = VALID;
    // Same organ, number, notation and year under another DocumentId (the same DocumentId is linked, not doubled: C48 in incoming-changes.test.ts).
    const again = await arriveFromStc(e, deps, { number: '12', subject: 'Gửi lại lần hai', promulgationDate: '2026/02/28' });
    const clerk = await e.login('vanthu.snv');
    const inbox = await e.request(clerk, { method: 'GET', url: '/api/incoming?view=inbox' });
    expect(inbox.statusCode, inbox.body).toBe(200);
    const items = (inbox.json() as { items: { id: string; signatureStatus: string; duplicateOf: string | null; duplicateReason: string | null; state: string }[] }).items;
    expect(items.find((i) => i.id === first.id)).toMatchObject({ signatureStatus: 'invalid', duplicateOf: null, state: 'arrived' });
    expect(items.find((i) => i.id === again.id)).toMatchObject({ signatureStatus: 'valid', duplicateOf: first.id, duplicateReason: 'Trùng cơ quan ban hành, số, ký hiệu và năm' });
    const detail = await e.request(clerk, { method: 'GET', url: `/api/incoming/${first.id}` });
    expect(detail.statusCode).toBe(200);
    expect((detail.json() as { files: { signatureStatus: string; signatureDetails: { reasons: string[] } }[] }).files[0]).toMatchObject({ signatureStatus: 'invalid', signatureDetails: { reasons: ['DIGEST_MISMATCH'] } });
    for (const username of ['giamdoc.snv', 'chuyenvien.snv']) {
      const s = await e.login(username);
      expect((await e.request(s, { method: 'GET', url: `/api/incoming/${first.id}` })).statusCode).toBe(404);
      expect(((await e.request(s, { method: 'GET', url: '/api/incoming?view=inbox' })).json() as { items: unknown[] }).items).toEqual([]);
    }
    // Registering a probable duplicate needs the clerk's confirmation.
    const refused = await e.request(clerk, { method: 'POST', url: `/api/incoming/${again.id}/refuse`, payload: { reason: 'Trùng văn bản đã nhận' } });
    expect(refused.statusCode, refused.body).toBe(200);
    const dup = await e.request(clerk, { method: 'POST', url: `/api/incoming/${first.id}/register`, payload: {} });
    expect(dup.statusCode, dup.body).toBe(200);
  });

  it('two clerks registering at the same moment get consecutive arrival numbers, the first of the year being 1; the sender gets 03', async () => {
    const e = env();
    e.clock.set('2027-01-04T01:00:00Z');
    const deps = incomingDeps(e, signing);
    const one = await arriveFromStc(e, deps, { number: '21' });
    const two = await arriveFromStc(e, deps, { number: '22' });
    await ensureUser(e, 'vanthu2.snv', ['clerk']);
    const [c1, c2] = [await e.login('vanthu.snv'), await e.login('vanthu2.snv')];
    const [r1, r2] = await Promise.all([
      e.request(c1, { method: 'POST', url: `/api/incoming/${one.id}/register`, payload: {} }),
      e.request(c2, { method: 'POST', url: `/api/incoming/${two.id}/register`, payload: {} }),
    ]);
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r2.statusCode, r2.body).toBe(200);
    const numbers = [(r1.json() as { arrivalNumber: number }).arrivalNumber, (r2.json() as { arrivalNumber: number }).arrivalNumber].sort();
    expect(numbers).toEqual([1, 2]);
    expect(r1.json()).toMatchObject({ state: 'registered', arrivalYear: 2027, registeredAt: '2027-01-04T01:00:00.000Z' });
    const statuses = await statusesAtSender(e, one.documentId);
    expect(statuses.map((s) => s.code)).toEqual(['01', '03']);
    expect(statuses[1]!.description).toMatch(/số đến 0[12]/);
    const again = await e.request(c1, { method: 'POST', url: `/api/incoming/${one.id}/register`, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INCOMING_STATE_INVALID' });
  });

  it('a refusal needs a reason, stays on record as refused, and reaches the sender as 02 with that reason', async () => {
    const e = env();
    const deps = incomingDeps(e, signing);
    const a = await arriveFromStc(e, deps, { number: '31' });
    const clerk = await e.login('vanthu.snv');
    const blank = await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/refuse`, payload: { reason: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'reason' } });
    const res = await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/refuse`, payload: { reason: 'Gửi sai nơi nhận' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'refused', refusalReason: 'Gửi sai nơi nhận' });
    const statuses = await statusesAtSender(e, a.documentId);
    expect(statuses.map((s) => [s.code, s.description])).toEqual([['01', 'Đã đến'], ['02', 'Gửi sai nơi nhận']]);
    const all = (await e.request(clerk, { method: 'GET', url: '/api/incoming?view=all' })).json() as { items: { id: string; state: string }[] };
    expect(all.items.find((i) => i.id === a.id)).toMatchObject({ state: 'refused' });
    const audit = await e.database.db.selectFrom('audit_events').select(['type']).where('subject_id', '=', a.id).orderBy('seq').execute();
    expect(audit.map((x) => x.type)).toEqual(['incoming.arrived', 'incoming.refused']);
  });

  it('a paper document is entered with its scan and registered in the same series, with no status package', async () => {
    const e = env();
    e.clock.set('2027-01-05T02:00:00Z');
    const clerk = await e.login('vanthu.snv');
    const clerkRow = await e.database.db.selectFrom('users').selectAll().where('username', '=', 'vanthu.snv').executeTakeFirstOrThrow();
    const actor = { userId: clerkRow.id, username: clerkRow.username, fullName: clerkRow.full_name, agencyId: clerkRow.agency_id, unitId: null, roles: ['clerk' as const], servedRoles: {} };
    const scan = await createFile({ uow: e.deps.uow, files: e.deps.files }, actor, { source: Readable.from([Buffer.from('%PDF-1.4\nscan\n%%EOF\n')]), originalName: 'cong-van-giay.pdf', maxBytes: 1 << 20 });
    const bad = await e.request(clerk, { method: 'POST', url: '/api/incoming/paper', payload: { fileId: scan.id, senderName: 'UBND huyện Hòa Bình', codeNumber: '7', codeNotation: 'UBND', promulgationDate: '03/01/2027', typeName: 'Công văn', subject: 'Xin ý kiến' } });
    expect(bad.statusCode).toBe(400);
    const res = await e.request(clerk, { method: 'POST', url: '/api/incoming/paper', payload: { fileId: scan.id, senderName: 'UBND huyện Hòa Bình', codeNumber: '7', codeNotation: 'UBND', promulgationDate: '2027-01-03', typeName: 'Công văn', subject: 'Xin ý kiến về biên chế' } });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    expect(res.json()).toMatchObject({ channel: 'paper', state: 'arrived' });
    const reg = await e.request(clerk, { method: 'POST', url: `/api/incoming/${id}/register`, payload: {} });
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json()).toMatchObject({ arrivalNumber: 3, exchangeState: 'none' });
    expect(await e.database.db.selectFrom('hub_outbox').select('id').where('document_id', 'is', null).where('kind', '=', 'status').execute()).toEqual([]);
  });

  it('an agency without its organisation key still receives: the arrival is kept with a warning, the next one is not blocked, and registering sends 01 then 03 once a key exists', async () => {
    const e = env();
    const noKey = new FakeSigning();
    noKey.signPackageXml = () => Promise.reject(new AppError(ErrorCode.SIGNING_NO_KEY, 'Chưa có chứng thư số và khóa ký của Sở Nội vụ: quản trị cơ quan cần nhập tệp PKCS#12'));
    const deps = incomingDeps(e, noKey);
    const first = await arriveFromStc(e, deps, { number: '41' });
    const second = await arriveFromStc(e, deps, { number: '42' });
    for (const a of [first, second]) {
      const doc = await e.database.db.selectFrom('incoming_documents').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
      expect(doc).toMatchObject({ state: 'arrived', exchange_state: 'none' });
      expect(doc.warnings.join(' ')).toContain('Chưa gửi được trạng thái "Đã đến" (01)');
      expect(await statusesAtSender(e, a.documentId)).toEqual([]);
    }
    expect(await e.database.db.selectFrom('hub_inbox').select('id').where('package_id', 'in', [first.packageId, second.packageId]).where('processed_at', 'is', null).execute()).toEqual([]);
    const clerk = await e.login('vanthu.snv');
    pinFakeSigning(e, noKey);
    const refused = await e.request(clerk, { method: 'POST', url: `/api/incoming/${first.id}/register`, payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SIGNING_NO_KEY' });
    expect(await e.database.db.selectFrom('incoming_documents').select(['state', 'arrival_number']).where('id', '=', first.id).executeTakeFirstOrThrow()).toEqual({ state: 'arrived', arrival_number: null });
    pinFakeSigning(e, signing);
    const reg = await e.request(clerk, { method: 'POST', url: `/api/incoming/${first.id}/register`, payload: {} });
    expect(reg.statusCode, reg.body).toBe(200);
    expect((await statusesAtSender(e, first.documentId)).map((s) => s.code)).toEqual(['01', '03']);
  });
});
