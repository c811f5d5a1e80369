import { inflateRawSync } from 'node:zlib';
import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from './harness.ts';
import { arriveFromStc, ensureUser, FakeSigning, incomingDeps, pinFakeSigning, UNIT_CCVC, userIdOf } from './incoming-helpers.ts';

/** Reads a ZIP's entries through its central directory (the way unzip tools do). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const [method, size, nameLen, extraLen, commentLen, offset] = [zip.readUInt16LE(p + 10), zip.readUInt32LE(p + 20), zip.readUInt16LE(p + 28), zip.readUInt16LE(p + 30), zip.readUInt16LE(p + 32), zip.readUInt32LE(p + 42)];
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataAt = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

describeEachEngine('case files (hồ sơ công việc): closing and exporting (domain.md §13)', { seed: true }, (env) => {
  beforeEach(() => pinFakeSigning(env(), new FakeSigning()));

  it('exports the list (PDF), the metadata (XML, chronological) and the documents’ own files; a colleague who may not see a document gets it listed without its files; closing stops filing', async () => {
    const e = env();
    e.clock.set('2026-03-16T02:00:00Z');
    const deps = incomingDeps(e, new FakeSigning());
    await ensureUser(e, 'chuyenvien4.snv', ['specialist'], { unit: UNIT_CCVC });
    const [clerk, leader, specialist] = [await e.login('vanthu.snv'), await e.login('giamdoc.snv'), await e.login('chuyenvien.snv')];
    const spec = await userIdOf(e, 'chuyenvien.snv');
    const later = await arriveFromStc(e, deps, { number: '301', promulgationDate: '2026/03/10', subject: 'Báo cáo quý I', pdf: pdf('quy I') });
    const earlier = await arriveFromStc(e, deps, { number: '302', promulgationDate: '2026/03/02', subject: 'Kế hoạch biên chế', pdf: pdf('ke hoach') });
    for (const a of [later, earlier]) {
      expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} })).statusCode).toBe(200);
      expect((await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Xử lý', lead: { userId: spec }, deadline: '2026-03-30' } })).statusCode).toBe(200);
    }
    const cf = (await e.request(specialist, { method: 'POST', url: '/api/case-files', payload: { title: 'Hồ sơ biên chế năm 2026', notation: '05.BC', retention: '10 năm' } })).json() as { id: string };
    const empty = (await e.request(specialist, { method: 'POST', url: '/api/case-files', payload: { title: 'Hồ sơ trống', notation: '06.BC' } })).json() as { id: string };
    for (const a of [later, earlier]) expect((await e.request(specialist, { method: 'POST', url: `/api/case-files/${cf.id}/documents`, payload: { incomingId: a.id } })).statusCode).toBe(200);

    const res = await e.request(specialist, { method: 'GET', url: `/api/case-files/${cf.id}/export` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = unzip(res.rawPayload);
    expect([...entries.keys()]).toEqual(['muc-luc-van-ban.pdf', 'ho-so.xml', 'van-ban/01-van-ban.pdf', 'van-ban/02-van-ban.pdf']);
    expect(entries.get('muc-luc-van-ban.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    // Chronological: the 2 March plan first although it was filed second; the files are the received bytes.
    expect(entries.get('van-ban/01-van-ban.pdf')).toEqual(pdf('ke hoach'));
    expect(entries.get('van-ban/02-van-ban.pdf')).toEqual(pdf('quy I'));
    const xml = entries.get('ho-so.xml')!.toString('utf8');
    expect(xml).toContain('<FileCatalog>2026</FileCatalog><FileNotation>05.BC</FileNotation>');
    expect(xml).toContain('<Maintenance>10 năm</Maintenance>');
    expect(xml).toMatch(/<DocOrdinal>1<\/DocOrdinal>.*<CodeNumber>302<\/CodeNumber>.*<DocOrdinal>2<\/DocOrdinal>.*<CodeNumber>301<\/CodeNumber>/s);
    expect(xml).toContain('<DocTotal>2</DocTotal>');

    // A specialist of the same unit, not assigned: the documents are listed, their files withheld.
    const other = unzip((await e.request(await e.login('chuyenvien4.snv'), { method: 'GET', url: `/api/case-files/${cf.id}/export` })).rawPayload);
    expect([...other.keys()]).toEqual(['muc-luc-van-ban.pdf', 'ho-so.xml']);
    expect(other.get('ho-so.xml')!.toString('utf8')).toContain('<Description>Không có quyền xem tệp</Description>');
    const audits = await e.database.db.selectFrom('audit_events').select('data').where('type', '=', 'casefile.exported').where('subject_id', '=', cf.id).execute();
    expect(audits.map((a) => a.data)).toEqual([{ documents: 2, files: 2, withheld: 0 }, { documents: 2, files: 0, withheld: 2 }]);

    // Closing: not by a colleague, not when empty; then nothing more can be filed.
    const notKeeper = await e.request(await e.login('chuyenvien4.snv'), { method: 'POST', url: `/api/case-files/${cf.id}/close`, payload: {} });
    expect(notKeeper.statusCode).toBe(403);
    expect(notKeeper.json()).toMatchObject({ message: 'Chỉ người lập hồ sơ hoặc lãnh đạo cơ quan được đóng hồ sơ.' });
    const closeEmpty = await e.request(specialist, { method: 'POST', url: `/api/case-files/${empty.id}/close`, payload: {} });
    expect(closeEmpty.statusCode).toBe(409);
    expect(closeEmpty.json()).toMatchObject({ message: 'Hồ sơ "06.BC" chưa có văn bản nào, chưa thể đóng.' });
    const closed = await e.request(specialist, { method: 'POST', url: `/api/case-files/${cf.id}/close`, payload: {} });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ closedAt: '2026-03-16T02:00:00.000Z' });
    const third = await arriveFromStc(e, deps, { number: '303' });
    await e.request(clerk, { method: 'POST', url: `/api/incoming/${third.id}/register`, payload: {} });
    await e.request(leader, { method: 'POST', url: `/api/incoming/${third.id}/direct`, payload: { instruction: 'Xử lý', lead: { userId: spec }, deadline: '2026-03-30' } });
    const refused = await e.request(specialist, { method: 'POST', url: `/api/case-files/${cf.id}/documents`, payload: { incomingId: third.id } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ message: 'Hồ sơ "05.BC" đã đóng ngày 16/03/2026, không thể thêm văn bản.' });
    expect((await e.request(specialist, { method: 'GET', url: `/api/case-files/${cf.id}` })).json()).toMatchObject({ documents: [expect.anything(), expect.anything()] });
    expect((await e.request(specialist, { method: 'POST', url: `/api/case-files/${cf.id}/close`, payload: {} })).statusCode).toBe(409);
  });
});
