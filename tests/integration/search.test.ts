import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { PdfTextExtractor } from '../../server/adapters/search/pdf-text-extractor.ts';
import { updateSearchTexts } from '../../server/app/search/update-search-texts.ts';
import { startTextExtraction } from '../../server/entry/jobs/text-extraction.ts';
import { describeEachEngine, NAMES, type Session, type TestEnv } from './harness.ts';
import { entry, hasOcr, index, scannedPdf, textPdf, userIds } from './search-fixtures.ts';

type Item = { documentId: string; subject: string; subjectSegments: { text: string; hit: boolean }[]; textSnippet: { text: string; hit: boolean }[] | null; textState: string | null };

async function search(e: TestEnv, s: Session, query: Record<string, string>): Promise<{ items: Item[]; total: number; totalCapped: boolean }> {
  const res = await e.request(s, { method: 'GET', url: `/api/search?${new URLSearchParams(query)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const ids = (r: { items: { documentId: string }[] }) => r.items.map((i) => i.documentId);
const marked = (segments: { text: string; hit: boolean }[] | null) => segments?.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describeEachEngine('document search', { seed: true }, (env) => {
  let clerk: Session;
  let snv: string;
  beforeAll(async () => {
    snv = await env().agencyId(NAMES.SNV);
    clerk = await env().login('vanthu.snv');
  });

  it('finds Vietnamese with diacritics from a query typed without them, words highlighted', async () => {
    const e = env();
    const doc = entry(snv, { subject: 'Quyết định công nhận xã Đồng Đăng đạt chuẩn nông thôn mới năm 2024', documentType: { code: 'decision', name: 'Quyết định' }, codeNumber: '15', codeNotation: 'QĐ-UBND' });
    await index(e, doc, entry(snv, { subject: 'Kế hoạch tổ chức hội thi văn nghệ quần chúng' }));
    const r = await search(e, clerk, { q: 'quyet dinh dong dang' });
    expect(ids(r)).toEqual([doc.documentId]);
    expect(marked(r.items[0]!.subjectSegments)).toBe('[Quyết] [định] công nhận xã [Đồng] [Đăng] đạt chuẩn nông thôn mới năm 2024');
    expect(ids(await search(e, clerk, { q: 'QUYẾT ĐỊNH đồng đăng' }))).toEqual([doc.documentId]);
    // Number and notation as printed, and the number without its leading zero.
    expect(ids(await search(e, clerk, { q: '15/QĐ-UBND' }))).toEqual([doc.documentId]);
  });

  it('ranks the documents holding the very diacritics typed first', async () => {
    const e = env();
    const dong = entry(snv, { subject: 'Thông báo lịch tiếp công dân tại ấp Đồng Đăng', issuedDate: '2024-04-01', arrivalDate: '2024-04-01' });
    const dongNewer = entry(snv, { subject: 'Thông báo lịch tiếp công dân tại ấp Đông Đằng', issuedDate: '2024-05-01', arrivalDate: '2024-05-01' });
    await index(e, dong, dongNewer);
    expect(ids(await search(e, clerk, { q: 'tiep cong dan dong dang' }))).toEqual([dongNewer.documentId, dong.documentId]);
    expect(ids(await search(e, clerk, { q: 'tiếp công dân Đồng Đăng' }))).toEqual([dong.documentId, dongNewer.documentId]);
    expect(ids(await search(e, clerk, { q: 'ấp đông đằng' }))).toEqual([dongNewer.documentId, dong.documentId]);
  });

  it('ranks the typed phrase before the same words apart, and says "more than" past the ranked matches', async () => {
    const e = env();
    const apart = entry(snv, { subject: 'Kế hoạch kiểm tra nguồn nước sạch và hỗ trợ vệ sinh môi trường', issuedDate: '2024-09-01', arrivalDate: '2024-09-01' });
    const phrase = entry(snv, { subject: 'Kế hoạch hỗ trợ nước sạch nông thôn', issuedDate: '2024-02-01', arrivalDate: '2024-02-01' });
    await index(e, apart, phrase);
    // Both hold every word; the older one holds "nuoc sach" as typed, so it comes first.
    expect(ids(await search(e, clerk, { q: 'ho tro nuoc sach' }))).toEqual([phrase.documentId, apart.documentId]);
    expect(await search(e, clerk, { q: 'ho tro nuoc sach' })).toMatchObject({ total: 2, totalCapped: false });
    // 201 matches of a two-word phrase: the page ranks 200 of them and the total says "more than 200".
    const many = Array.from({ length: 201 }, (_, i) => entry(snv, { subject: `Báo cáo quyết toán kinh phí đợt ${i + 1} ấp Bờ Xáng Mới`, codeNumber: String(i + 1) }));
    await index(e, ...many);
    const broad = await search(e, clerk, { q: 'bo xang moi', pageSize: '5' });
    expect(broad).toMatchObject({ total: 200, totalCapped: true });
    expect(broad.items).toHaveLength(5);
    // A filter that leaves few: exact again.
    const fewer = await search(e, clerk, { q: 'bo xang moi', kind: 'outgoing' });
    expect(fewer).toMatchObject({ total: 0, totalCapped: false });
    await index(e, { ...many[0]!, kind: 'outgoing' });
    expect(await search(e, clerk, { q: 'bo xang moi', kind: 'outgoing' })).toMatchObject({ total: 1, totalCapped: false });
  });

  it('filters by kind, type, issue dates, sender, register, status, signer and urgency', async () => {
    const e = env();
    const [registerA, registerB] = ['7a1f0000-0000-4000-8000-000000000001', '7a1f0000-0000-4000-8000-000000000002'];
    const base = { subject: 'Hướng dẫn phòng chống dịch tả lợn châu Phi' };
    const a = entry(snv, { ...base, kind: 'incoming', documentType: { code: 'guidance', name: 'Hướng dẫn' }, issuedDate: '2024-01-10', organName: 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu', registerId: registerA, status: 'registered', signerName: 'Lê Văn Nông', urgency: 'urgent' });
    const b = entry(snv, { ...base, kind: 'outgoing', documentType: { code: 'official_letter', name: 'Công văn' }, issuedDate: '2024-06-20', organName: 'Sở Nội vụ tỉnh Bạc Liêu', registerId: registerB, status: 'issued', signerName: 'Huỳnh Văn Đức', urgency: 'normal', arrivalDate: null });
    await index(e, a, b);
    const q = { q: 'dich ta lon chau phi' };
    expect(ids(await search(e, clerk, q)).sort()).toEqual([a.documentId, b.documentId].sort());
    // The total counts every match, also on a page past the end.
    expect(await search(e, clerk, { ...q, pageSize: '1' })).toMatchObject({ total: 2, items: [expect.anything()] });
    expect(await search(e, clerk, { ...q, page: '5' })).toMatchObject({ total: 2, items: [] });
    expect(ids(await search(e, clerk, { ...q, kind: 'outgoing' }))).toEqual([b.documentId]);
    expect(ids(await search(e, clerk, { ...q, type: 'guidance' }))).toEqual([a.documentId]);
    expect(ids(await search(e, clerk, { ...q, issuedFrom: '2024-06-01' }))).toEqual([b.documentId]);
    expect(ids(await search(e, clerk, { ...q, issuedTo: '2024-01-10' }))).toEqual([a.documentId]);
    expect(ids(await search(e, clerk, { ...q, organ: 'so nong nghiep' }))).toEqual([a.documentId]);
    expect(ids(await search(e, clerk, { ...q, register: registerB }))).toEqual([b.documentId]);
    expect(ids(await search(e, clerk, { ...q, status: 'registered' }))).toEqual([a.documentId]);
    expect(ids(await search(e, clerk, { ...q, signer: 'Huỳnh Đức' }))).toEqual([b.documentId]);
    expect(ids(await search(e, clerk, { ...q, urgency: 'urgent' }))).toEqual([a.documentId]);
    // Filters alone list the newest first.
    expect(ids(await search(e, clerk, { organ: 'nong nghiep', status: 'registered' }))).toEqual([a.documentId]);
    const bad = await e.request(clerk, { method: 'GET', url: '/api/search?q=x&issuedFrom=2024-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('2024-02-30');
    const badStatus = await e.request(clerk, { method: 'GET', url: '/api/search?q=x&status=lost' });
    expect(badStatus.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('lost') });
  });

  it('never returns another agency’s document, nor one whose readers exclude the user, even on an exact match', async () => {
    const e = env();
    const stc = await e.agencyId(NAMES.STC);
    const specialist = await userIds(e, 'chuyenvien.snv');
    const head = await userIds(e, 'truongphong.snv');
    const subject = 'Quyết định phê duyệt đề án vị trí việc làm mật mã XK-77';
    const foreign = entry(stc, { subject });
    const clerksOnly = entry(snv, { subject, readers: ['role:clerk'] });
    const specialistOwn = entry(snv, { subject, readers: [`user:${specialist.id}`] });
    const unitDoc = entry(snv, { subject, readers: [`unit:${head.unitId}`] });
    const nobody = entry(snv, { subject, readers: [] });
    await index(e, foreign, clerksOnly, specialistOwn, unitDoc, nobody);
    const q = { q: subject };

    expect(ids(await search(e, clerk, q))).toEqual([clerksOnly.documentId]);
    expect(ids(await search(e, await e.login('chuyenvien.snv'), q))).toEqual([specialistOwn.documentId]);
    expect(ids(await search(e, await e.login('truongphong.snv'), q))).toEqual([unitDoc.documentId]);
    expect(ids(await search(e, await e.login('giamdoc.snv'), q))).toEqual([]);
    const stcClerk = await e.login('vanthu.stc');
    expect(ids(await search(e, stcClerk, q))).toEqual([foreign.documentId]);
    // Asking for Sở Nội vụ by id: as if it did not exist.
    const asked = await e.request(stcClerk, { method: 'GET', url: `/api/search?${new URLSearchParams({ ...q, agencyId: snv })}` });
    expect(asked.statusCode).toBe(404);
    const suggest = await e.request(stcClerk, { method: 'GET', url: `/api/search/suggest?${new URLSearchParams({ q: 'quyet dinh phe duyet de an vi tri', agencyId: snv })}` });
    expect(suggest.statusCode).toBe(404);
    const own = await e.request(stcClerk, { method: 'GET', url: `/api/search/suggest?${new URLSearchParams({ q: 'quyet dinh phe duyet de an vi tri' })}` });
    expect(own.json().items.map((i: { documentId: string }) => i.documentId)).toEqual([foreign.documentId]);
    // The same words apart (no document holds the phrase): still only what the user may read.
    const apart = await e.request(stcClerk, { method: 'GET', url: `/api/search/suggest?${new URLSearchParams({ q: 'phe duyet vi tri mat m' })}` });
    expect(apart.json().items.map((i: { documentId: string }) => i.documentId)).toEqual([foreign.documentId]);
    const apartSnv = await e.request(clerk, { method: 'GET', url: `/api/search/suggest?${new URLSearchParams({ q: 'phe duyet vi tri mat m' })}` });
    expect(apartSnv.json().items.map((i: { documentId: string }) => i.documentId)).toEqual([clerksOnly.documentId]);
    // Roles without document content: refused outright.
    const admin = await e.request(await e.login('quantri.snv'), { method: 'GET', url: '/api/search?q=quyet' });
    expect(admin.statusCode).toBe(403);
    expect((await e.request(null, { method: 'GET', url: '/api/search?q=quyet' })).statusCode).toBe(401);
  });

  it('suggests subjects and numbers as one types, the last word as a prefix', async () => {
    const e = env();
    const doc = entry(snv, { subject: 'Kế hoạch tuyên truyền cải cách hành chính huyện Hồng Dân', codeNumber: '08', codeNotation: 'KH-SNV', kind: 'outgoing' });
    await index(e, doc);
    const suggest = async (q: string) => (await e.request(clerk, { method: 'GET', url: `/api/search/suggest?${new URLSearchParams({ q })}` })).json().items as Item[];
    const typed = await suggest('ke hoach tuyen truyen cai cach hanh chinh hong d');
    expect(typed.map((s) => s.documentId)).toEqual([doc.documentId]);
    expect(marked(typed[0]!.subjectSegments)).toBe('[Kế] [hoạch] [tuyên] [truyền] [cải] [cách] [hành] [chính] huyện [Hồng] [Dân]');
    expect((await suggest('8/KH-S')).map((s) => s.documentId)).toEqual([doc.documentId]);
    expect(await suggest('k')).toEqual([]);
    // The words apart, the last still a prefix: found when the prefix begins a word of the subject, not otherwise.
    expect((await suggest('tuyen truyen hong d')).map((s) => s.documentId)).toEqual([doc.documentId]);
    expect(await suggest('tuyen truyen hong x')).toEqual([]);
  });

  it('reads the text of a main PDF in the background, and searches and highlights it', async () => {
    const e = env();
    const pdf = await textPdf(['Căn cứ Luật Tổ chức chính quyền địa phương;', 'Giao Ủy ban nhân dân huyện Vĩnh Lợi triển khai nạo vét kênh thủy lợi Cái Cùng.']);
    const stored = await e.deps.files.put(Readable.from([pdf]), { maxBytes: 1 << 22 });
    const doc = entry(snv, { subject: 'Công văn về việc triển khai công tác thủy lợi', mainFileSha256: stored.sha256 });
    await index(e, doc);
    const before = await search(e, clerk, { q: 'nao vet kenh cai cung' });
    expect(ids(before)).toEqual([]);
    const run = await updateSearchTexts({ uow: e.deps.uow, files: e.deps.files, extractor: new PdfTextExtractor(), clock: e.clock });
    expect(run).toMatchObject({ done: 1 });
    const after = await search(e, clerk, { q: 'nao vet kenh cai cung' });
    expect(ids(after)).toEqual([doc.documentId]);
    expect(after.items[0]!.textState).toBe('done');
    expect(marked(after.items[0]!.textSnippet)).toContain('[nạo] [vét] [kênh] thủy lợi [Cái] [Cùng]');
  });

  it('the worker’s text job picks up a new main file by itself', async () => {
    const e = env();
    const pdf = await textPdf(['Phương án ứng phó triều cường tại khu vực Gành Hào.']);
    const stored = await e.deps.files.put(Readable.from([pdf]), { maxBytes: 1 << 22 });
    const doc = entry(snv, { subject: 'Phương án ứng phó thiên tai', mainFileSha256: stored.sha256 });
    await index(e, doc);
    const worker = startTextExtraction(e.deps, { intervalMs: 50 });
    try {
      await expect.poll(async () => ids(await search(e, clerk, { q: 'trieu cuong ganh hao' })), { timeout: 20_000 }).toEqual([doc.documentId]);
    } finally {
      await worker.stop();
    }
  });

  it.skipIf(!hasOcr())('reads a scanned PDF with Tesseract’s Vietnamese model, and marks a blank scan as having no text', async () => {
    const e = env();
    const scan = await e.deps.files.put(Readable.from([await scannedPdf(['QUYẾT ĐỊNH', 'Về việc thành lập Hội đồng thi đua khen thưởng', 'huyện Phước Long'])]), { maxBytes: 1 << 24 });
    const blank = await e.deps.files.put(Readable.from([await scannedPdf([' '])]), { maxBytes: 1 << 24 });
    const scanned = entry(snv, { subject: 'Văn bản giấy đã quét số 3', mainFileSha256: scan.sha256 });
    const empty = entry(snv, { subject: 'Văn bản giấy đã quét số 4', mainFileSha256: blank.sha256 });
    await index(e, scanned, empty);
    const run = await updateSearchTexts({ uow: e.deps.uow, files: e.deps.files, extractor: new PdfTextExtractor(), clock: e.clock });
    expect(run).toMatchObject({ done: 1, noText: 1 });
    const found = await search(e, clerk, { q: 'hoi dong thi dua khen thuong phuoc long' });
    expect(ids(found)).toEqual([scanned.documentId]);
    const text = await e.database.db.selectFrom('search_texts').select(['state', 'method', 'note']).where('sha256', 'in', [scan.sha256, blank.sha256]).execute();
    expect(text).toEqual(expect.arrayContaining([
      { state: 'done', method: 'ocr', note: null },
      { state: 'no_text', method: null, note: expect.stringContaining('không đọc được chữ') },
    ]));
    expect((await search(e, clerk, { q: 'van ban giay da quet so 4' })).items[0]!.textState).toBe('no_text');
  }, 120_000);
});
