import { execFileSync } from 'node:child_process';
import { crc32 } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { hasTool, requireTool } from '../../server/adapters/signing/testing/test-pki.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { receiveStatuses } from '../../server/app/outgoing/receive-statuses.ts';
import { readBytes } from '../../server/app/outgoing/file-bytes.ts';
import { outgoingDepsOf } from '../../server/entry/outgoing/outgoing-deps.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';
import { hubDeps, inboxOf } from './hub-helpers.ts';
import { createDraft, loginAll, openRegisters, post, sendStatusBack, signedDocument, uploadPdf, userId } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

const DISTRICT = 'Ủy ban nhân dân thành phố Bạc Liêu';

/** A ZIP with stored entries: the smallest thing the file store sniffs as a DOCX. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(entries).length, 8); end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function pdfsig(e: TestEnv, pdf: Uint8Array): string {
  const work = mkdtempSync(path.join(tmpdir(), 'lt-out-'));
  const file = path.join(work, 'issued.pdf');
  writeFileSync(file, pdf);
  const args = [file];
  if (hasTool('certutil')) {
    execFileSync('certutil', ['-N', '-d', `sql:${work}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${work}`, '-n', 'lienthong-test-root', '-t', 'C,C,C', '-i', path.join(e.config.signing.caDir, 'root.crt')]);
    args.unshift('-nssdir', `sql:${work}`);
  }
  return execFileSync(requireTool('pdfsig', 'poppler-utils'), args, { encoding: 'utf8' });
}

describeEachEngine('outgoing documents: draft, review, sign, issue, send, track', { seed: true }, (env) => {
  it('refuses a secrecy level with the secure-channel sentence, a DOCX without LibreOffice, a non-PDF main file', async () => {
    const e = env();
    const a = await loginAll(e);
    const secret = await e.request(a.specialist, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'decision', subject: 'Mật', secrecy: 'secret' } });
    expect(secret.statusCode).toBe(422);
    expect(secret.json()).toMatchObject({ code: 'OUTGOING_SECRET_REFUSED' });
    expect(secret.json().message).toContain('kênh chuyên dùng');
    const docx = await e.request(a.specialist, {
      method: 'POST', url: '/api/files', payload: storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'x-file-name': 'du-thao.docx' },
    });
    expect(docx.statusCode).toBe(201);
    const res = await e.request(a.specialist, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'decision', subject: 'Thử', mainFileId: docx.json().id } });
    // LibreOffice is not installed on the test machines: the draft is refused with a sentence saying so.
    if (!hasTool('soffice') && !hasTool('libreoffice')) {
      expect(res.statusCode).toBe(422);
      expect(res.json().message).toContain('chưa cài LibreOffice');
    }
    const png = await e.request(a.specialist, { method: 'POST', url: '/api/files', payload: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), headers: { 'content-type': 'image/png', 'x-file-name': 'anh.png' } });
    const notPdf = await e.request(a.specialist, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'decision', subject: 'Thử', mainFileId: png.json().id } });
    expect(notPdf.statusCode).toBe(415);
    const clerkDraft = await e.request(a.clerk, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'decision', subject: 'Thử' } });
    expect(clerkDraft.statusCode).toBe(403);
  });

  it('a returned draft keeps both versions and the comment; history says who did what and when', async () => {
    const e = env();
    const a = await loginAll(e);
    const { id } = await createDraft(e, a, [NAMES.STC]);
    expect((await post(e, a.specialist, `/api/outgoing/${id}/submit`)).json()).toMatchObject({ state: 'in_review' });
    expect((await post(e, a.leader, `/api/outgoing/${id}/approve`)).statusCode).toBe(403); // not the leader's turn
    const noComment = await post(e, a.head, `/api/outgoing/${id}/return`, { comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    const returned = await post(e, a.head, `/api/outgoing/${id}/return`, { comment: 'Sửa trích yếu cho rõ đối tượng được cử đi học.' });
    expect(returned.json()).toMatchObject({ state: 'returned' });
    const revised = await e.request(a.specialist, {
      method: 'PUT', url: `/api/outgoing/${id}`,
      payload: { typeCode: 'decision', subject: 'Quyết định cử ông Nguyễn Văn A đi học cao cấp lý luận chính trị', mainFileId: await uploadPdf(e, a.specialist, 'du-thao-2.pdf'), signerId: await userId(e, 'giamdoc.snv'), recipientAgencyIds: [await e.agencyId(NAMES.STC)] },
    });
    expect(revised.json()).toMatchObject({ state: 'drafting', version: 2 });
    expect((await post(e, a.specialist, `/api/outgoing/${id}/submit`)).json()).toMatchObject({ state: 'in_review' });
    expect((await post(e, a.head, `/api/outgoing/${id}/approve`)).json()).toMatchObject({ state: 'awaiting_signature' });

    const detail = (await e.request(a.specialist, { method: 'GET', url: `/api/outgoing/${id}` })).json();
    expect(detail.versions.map((v: { version: number; fields: { subject: string } }) => [v.version, v.fields.subject])).toEqual([
      [1, 'Quyết định về việc cử cán bộ đi học'],
      [2, 'Quyết định cử ông Nguyễn Văn A đi học cao cấp lý luận chính trị'],
    ]);
    expect(detail.versions[0].mainFileId).not.toBe(detail.versions[1].mainFileId);
    expect(detail.reviews.map((r: { action: string; actorName: string; version: number; comment: string | null }) => [r.action, r.actorName, r.version, r.comment])).toEqual([
      ['submitted', 'Ngô Thị Chuyên', 1, null],
      ['returned', 'Lý Văn Trưởng', 1, 'Sửa trích yếu cho rõ đối tượng được cử đi học.'],
      ['submitted', 'Ngô Thị Chuyên', 2, null],
      ['approved', 'Lý Văn Trưởng', 2, null],
    ]);
    expect(detail.reviews.every((r: { actedAt: string }) => !Number.isNaN(Date.parse(r.actedAt)))).toBe(true);
  });

  it('a clerk cannot sign for a leader, nor another leader for the named signer; a specialist cannot issue', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const { id } = await createDraft(e, a, [NAMES.STC]);
    await post(e, a.specialist, `/api/outgoing/${id}/submit`);
    await post(e, a.head, `/api/outgoing/${id}/approve`);
    const clerk = await post(e, a.clerk, `/api/outgoing/${id}/sign`);
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json().message).toContain('văn thư không được ký thay');
    const deputy = await post(e, await e.login('phogiamdoc.snv'), `/api/outgoing/${id}/sign`);
    expect(deputy.statusCode).toBe(403);
    expect(deputy.json().code).toBe('OUTGOING_NOT_YOUR_TURN');
    expect((await post(e, a.leader, `/api/outgoing/${id}/sign`)).json()).toMatchObject({ state: 'signed' });
    const specialist = await post(e, a.specialist, `/api/outgoing/${id}/issue`);
    expect(specialist.statusCode).toBe(403);
    expect(specialist.json().message).toContain('văn thư');
    const leader = await post(e, a.leader, `/api/outgoing/${id}/issue`);
    expect(leader.statusCode).toBe(403);
  });

  it('the clerk issues: number 01, both PDF signatures valid (pdfsig), one package to three agencies, statuses come back to tracking', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const id = await signedDocument(e, a, [NAMES.STC, NAMES.UBND_TINH, DISTRICT]);
    const issued = await post(e, a.clerk, `/api/outgoing/${id}/issue`);
    expect(issued.statusCode).toBe(200);
    const doc = issued.json();
    expect(doc).toMatchObject({ state: 'issued', codeNumber: expect.stringMatching(/^\d\d+$/), codeNotation: 'QĐ-SNV', issuedDate: '2026-03-02', issueStep: 'sent' });
    expect(doc.finalMainSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await post(e, a.clerk, `/api/outgoing/${id}/issue`)).statusCode).toBe(409); // issued once

    const file = await e.database.db.selectFrom('files').select('sha256').where('id', '=', doc.finalMainFileId).executeTakeFirstOrThrow();
    expect(file.sha256).toBe(doc.finalMainSha256);
    const output = pdfsig(e, await readBytes(e.deps.files, file.sha256));
    expect(output.match(/Signature is Valid\./g)?.length).toBe(2);

    const outbox = await e.database.db.selectFrom('hub_outbox').selectAll().where('package_id', '=', doc.packageId).execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.receiver_codes).toHaveLength(3);
    await deliverDue(hubDeps(e));
    for (const name of [NAMES.STC, NAMES.UBND_TINH, DISTRICT]) {
      const inbox = await inboxOf(e, await e.agencyId(name));
      expect(inbox.filter((r) => r.package_id === doc.packageId && r.kind === 'document')).toHaveLength(1);
    }

    await sendStatusBack(e, NAMES.STC, NAMES.SNV, doc.edxmlDocumentId, '01');
    e.clock.advance(60_000);
    await sendStatusBack(e, NAMES.STC, NAMES.SNV, doc.edxmlDocumentId, '03', 'Số đến: 15');
    e.clock.advance(60_000);
    await sendStatusBack(e, DISTRICT, NAMES.SNV, doc.edxmlDocumentId, '02', 'Không đúng thẩm quyền giải quyết');
    // A recall request (13) about a document Sở Nội vụ received is the incoming side's: left unprocessed.
    const foreign = '000.00.00.G22,2026/03/01,12/UBND-VP';
    await sendStatusBack(e, NAMES.STC, NAMES.SNV, foreign, '13', 'Lấy lại để sửa');
    const run = await receiveStatuses(outgoingDepsOf(e.deps));
    expect(run).toEqual({ applied: 3, late: 0, flagged: 0, unmatched: 0 });
    const left = await e.database.db.selectFrom('hub_inbox').select('processed_at').where('document_id', '=', foreign).execute();
    expect(left).toEqual([{ processed_at: null }]);
    expect(await receiveStatuses(outgoingDepsOf(e.deps))).toEqual({ applied: 0, late: 0, flagged: 0, unmatched: 0 });

    const tracking = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${id}/tracking` })).json();
    const by = (name: string) => tracking.recipients.find((r: { recipient: { name: string } }) => r.recipient.name === name);
    expect(by(NAMES.STC)).toMatchObject({ recipient: { businessStatus: '03' }, statusName: 'Đã tiếp nhận', delivery: { state: 'delivered' } });
    expect(by(NAMES.STC).events.map((x: { statusCode: string }) => x.statusCode)).toEqual(['01', '03']);
    expect(by(DISTRICT)).toMatchObject({ recipient: { businessStatus: '02', refusedReason: 'Không đúng thẩm quyền giải quyết' }, statusName: 'Từ chối tiếp nhận' });
    expect(by(NAMES.UBND_TINH)).toMatchObject({ recipient: { businessStatus: null }, delivery: { state: 'delivered' } });
    // Not dead: nothing to resend.
    const resend = await post(e, a.clerk, `/api/outgoing/${id}/recipients/${by(NAMES.STC).recipient.id}/resend`);
    expect(resend.statusCode).toBe(409);
  });

  it('whole groups of recipients: "all district committees" expands from the directory', async () => {
    const e = env();
    const a = await loginAll(e);
    const res = await e.request(a.specialist, { method: 'POST', url: '/api/outgoing', payload: { typeCode: 'official_letter', subject: 'V/v báo cáo', recipientGroups: ['district'] } });
    expect(res.statusCode).toBe(201);
    const detail = (await e.request(a.specialist, { method: 'GET', url: `/api/outgoing/${res.json().id}` })).json();
    const districts = await e.database.db.selectFrom('agencies').select('name').where('level', '=', 'district').where('active', '=', true).execute();
    expect(detail.recipients.map((r: { name: string }) => r.name).sort()).toEqual(districts.map((d) => d.name).sort());
    expect(districts.length).toBeGreaterThan(3);
  });

  it('the agency administrator configures the review chain: head of unit, then a named deputy, then the signer', async () => {
    const e = env();
    const admin = await e.login('quantri.snv');
    const deputyId = await userId(e, 'phogiamdoc.snv');
    const set = await e.request(admin, { method: 'PUT', url: '/api/outgoing-review-chain', payload: { steps: [{ kind: 'unit_head', label: 'Trưởng phòng xem xét' }, { kind: 'user', userId: deputyId, label: 'Phó Giám đốc cho ý kiến' }] } });
    expect(set.statusCode).toBe(200);
    const a = await loginAll(e);
    expect((await e.request(a.specialist, { method: 'PUT', url: '/api/outgoing-review-chain', payload: { steps: [] } })).statusCode).toBe(403);
    const { id } = await createDraft(e, a, [NAMES.STC]);
    await post(e, a.specialist, `/api/outgoing/${id}/submit`);
    expect((await post(e, a.head, `/api/outgoing/${id}/approve`)).json()).toMatchObject({ state: 'in_review', reviewStep: 1 });
    const deputy = await e.login('phogiamdoc.snv');
    expect((await e.request(deputy, { method: 'GET', url: '/api/outgoing?view=reviews' })).json().items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await post(e, deputy, `/api/outgoing/${id}/approve`, { comment: 'Đồng ý' })).json()).toMatchObject({ state: 'awaiting_signature' });
    await e.request(admin, { method: 'PUT', url: '/api/outgoing-review-chain', payload: { steps: [{ kind: 'unit_head', label: 'Lãnh đạo đơn vị soạn thảo xem xét nội dung' }] } });
  });

  it('a leader recalls an issued document: a type 1 package follows the original, recipients answer 15/16, the register notes it', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const id = await signedDocument(e, a, [NAMES.STC, NAMES.UBND_TINH]);
    const doc = (await post(e, a.clerk, `/api/outgoing/${id}/issue`)).json();
    await deliverDue(hubDeps(e));
    expect((await post(e, a.clerk, `/api/outgoing/${id}/recall`, { reason: 'Sai đối tượng' })).statusCode).toBe(403);
    expect((await post(e, a.leader, `/api/outgoing/${id}/recall`, { reason: ' ' })).statusCode).toBe(400);
    const recalled = await post(e, a.leader, `/api/outgoing/${id}/recall`, { reason: 'Sai đối tượng được cử' });
    expect(recalled.json()).toMatchObject({ state: 'recalled', recallReason: 'Sai đối tượng được cử' });
    const packages = await e.database.db.selectFrom('hub_outbox').selectAll().where('document_id', '=', doc.edxmlDocumentId).orderBy('created_at').execute();
    expect(packages.map((p) => p.business_type)).toEqual(['0', '1']);
    await deliverDue(hubDeps(e));
    const stcInbox = await inboxOf(e, await e.agencyId(NAMES.STC));
    expect(stcInbox.filter((r) => r.document_id === doc.edxmlDocumentId).map((r) => r.business_type).sort()).toEqual(['0', '1']);

    e.clock.advance(60_000);
    await sendStatusBack(e, NAMES.STC, NAMES.SNV, doc.edxmlDocumentId, '15', 'Đã hủy văn bản');
    await sendStatusBack(e, NAMES.UBND_TINH, NAMES.SNV, doc.edxmlDocumentId, '16', 'Văn bản đã được triển khai');
    expect(await receiveStatuses(outgoingDepsOf(e.deps))).toMatchObject({ applied: 2 });
    const tracking = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${id}/tracking` })).json();
    const by = (name: string) => tracking.recipients.find((r: { recipient: { name: string } }) => r.recipient.name === name).recipient;
    expect(by(NAMES.STC)).toMatchObject({ changeOpen: null, changeAnswer: '15', changeAnswerReason: 'Đã hủy văn bản' });
    expect(by(NAMES.UBND_TINH)).toMatchObject({ changeOpen: null, changeAnswer: '16', changeAnswerReason: 'Văn bản đã được triển khai' });
    const register = (await e.request(a.clerk, { method: 'GET', url: '/api/outgoing-register?year=2026' })).json();
    expect(register.rows.find((r: { documentId: string }) => r.documentId === id).note).toContain('Thu hồi');
  });
});
