import { expect, it } from 'vitest';
import { snapshot } from './db-snapshot.ts';
import { ensureStcAdmin, unitId } from './directory-fixtures.ts';
import { describeEachEngine, NAMES } from './harness.ts';

interface AgencyItem { id: string; name: string; code: string | null; active: boolean }

describeEachEngine('agency directory', { seed: true }, (env) => {
  async function search(q: string, extra = ''): Promise<AgencyItem[]> {
    const e = env();
    const s = await e.login('chuyenvien.snv');
    const res = await e.request(s, { method: 'GET', url: `/api/agencies?q=${encodeURIComponent(q)}${extra}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  it('finds agencies without diacritics: "so noi vu", "UBND huyen Hong Dan", and both wards called Phường 1', async () => {
    expect((await search('so noi vu'))[0]!.name).toBe(NAMES.SNV);
    expect((await search('UBND huyen Hong Dan'))[0]!.name).toBe('Ủy ban nhân dân huyện Hồng Dân');
    const wards = (await search('phuong 1')).map((a) => a.name);
    expect(wards).toEqual(expect.arrayContaining(['Ủy ban nhân dân Phường 1 (thành phố Bạc Liêu)', 'Ủy ban nhân dân Phường 1 (thị xã Giá Rai)']));
    expect(wards.every((n) => /Phường 1\b/.test(n))).toBe(true);
    expect(await search('sở nội vụ')).toEqual(await search('SO NOI VU'));
  });

  it('filters by level and parent, pages, and shows each agency its sample code', async () => {
    const e = env();
    const s = await e.login('vanthu.stc');
    const hongDan = await e.agencyId('Ủy ban nhân dân huyện Hồng Dân');
    const res = await e.request(s, { method: 'GET', url: `/api/agencies?level=commune&parent=${hongDan}&pageSize=3&page=1` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(3);
    expect(body.items).toHaveLength(3);
    for (const a of body.items) expect(a.code).toMatch(/^000\.\d{2}\.\d{2}\.H04$/);
    expect(body.items.every((a: { codeIsSample: boolean }) => a.codeIsSample)).toBe(true);
  });

  it('shows one agency with its parent, units, focal point and code history', async () => {
    const e = env();
    const s = await e.login('vanthu.stc');
    const res = await e.request(s, { method: 'GET', url: `/api/agencies/${await e.agencyId(NAMES.SNV)}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.parent.name).toBe(NAMES.UBND_TINH);
    expect(d.focalPoint.name).toBe('Văn phòng');
    expect(d.units.map((u: { name: string }) => u.name)).toContain('Phòng Công chức, viên chức');
    expect(d.codes).toHaveLength(1);
    expect(d.codes[0]).toMatchObject({ validTo: null, isSample: true });
    const province = await e.request(s, { method: 'GET', url: `/api/agencies/${await e.agencyId(NAMES.UBND_TINH)}` });
    expect(province.json().childrenCount).toBe(29);
    expect(province.json().servedBy.name).toBe(NAMES.VP_TINH);
  });

  it('refuses a malformed identifier code with a clear message and stores nothing', async () => {
    const e = env();
    const s = await e.login('vanhanh');
    const before = await snapshot(e.database.db);
    const parentId = await e.agencyId(NAMES.SNV);
    const lower = await e.request(s, { method: 'POST', url: '/api/agencies', payload: { name: 'Chi cục Văn thư - Lưu trữ', shortName: 'Chi cục VTLT', level: 'provincial_agency', parentId, code: '000.01.03.h04' } });
    expect(lower.statusCode, lower.body).toBe(400);
    expect(lower.json().code).toBe('DIRECTORY_INVALID_ORGAN_ID');
    expect(lower.json().message).toContain('không đúng định dạng');
    const misfit = await e.request(s, { method: 'POST', url: '/api/agencies', payload: { name: 'Chi cục Văn thư - Lưu trữ', shortName: 'Chi cục VTLT', level: 'provincial_agency', parentId, code: '000.01.77.H04' } });
    expect(misfit.statusCode, misfit.body).toBe(400);
    expect(misfit.json().message).toContain('cơ quan cấp trên');
    const snvId = await e.agencyId(NAMES.SNV);
    const badAssign = await e.request(s, { method: 'POST', url: `/api/agencies/${snvId}/codes`, payload: { code: '000.00.03 .H04' } });
    expect(badAssign.statusCode).toBe(400);
    expect(badAssign.json().code).toBe('DIRECTORY_INVALID_ORGAN_ID');
    expect(await snapshot(e.database.db)).toEqual(before);
  });

  it('lets the operator create an agency with code and focal point; a duplicate name or code is refused', async () => {
    const e = env();
    const s = await e.login('vanhanh');
    const snv = await e.request(s, { method: 'GET', url: `/api/agencies/${await e.agencyId(NAMES.SNV)}` });
    const snvCode: string = snv.json().agency.code;
    const payload = {
      name: 'Chi cục Văn thư - Lưu trữ tỉnh Bạc Liêu', shortName: 'Chi cục VTLT', level: 'provincial_agency', parentId: snv.json().agency.id,
      code: `000.01.${snvCode.slice(7)}`, codeValidFrom: '2026-01-01', contactEmail: 'vtlt@baclieu.gov.vn', focalUnitName: 'Bộ phận hành chính',
    };
    const created = await e.request(s, { method: 'POST', url: '/api/agencies', payload });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().code).toBe(payload.code);
    const detail = await e.request(s, { method: 'GET', url: `/api/agencies/${created.json().id}` });
    expect(detail.json().focalPoint.name).toBe('Bộ phận hành chính');
    expect((await search('chi cuc van thu luu tru'))[0]!.name).toBe(payload.name);
    const again = await e.request(s, { method: 'POST', url: '/api/agencies', payload: { ...payload, name: payload.name.toUpperCase() } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DIRECTORY_NAME_TAKEN');
    const sameCode = await e.request(s, { method: 'POST', url: '/api/agencies', payload: { ...payload, name: 'Chi cục khác' } });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().message).toContain(payload.name);
  });

  it('changes a code: the old one closes on the day and names its successor, history stays readable', async () => {
    const e = env();
    const s = await e.login('vanhanh');
    const id = await e.agencyId('Sở Y tế tỉnh Bạc Liêu');
    const old = (await e.request(s, { method: 'GET', url: `/api/agencies/${id}` })).json().agency.code as string;
    const next = `000.00.88.H04`;
    const res = await e.request(s, { method: 'POST', url: `/api/agencies/${id}/codes`, payload: { code: next, validFrom: '2026-07-01', source: 'QĐ 123/QĐ-UBND ngày 20/6/2026' } });
    expect(res.statusCode, res.body).toBe(200);
    const d = (await e.request(s, { method: 'GET', url: `/api/agencies/${id}` })).json();
    expect(d.agency.code).toBe(next);
    expect(d.codes).toHaveLength(2);
    expect(d.codes[0]).toMatchObject({ code: next, validFrom: '2026-07-01', validTo: null, isSample: false });
    expect(d.codes[1]).toMatchObject({ code: old, validTo: '2026-07-01', successorCode: next });
    expect((await search(old)).map((a) => a.name)).toEqual(['Sở Y tế tỉnh Bạc Liêu']);
    expect((await search(next.toLowerCase()))[0]!.code).toBe(next);
    expect((await search('.88.h04')).map((a) => a.name)).toEqual(['Sở Y tế tỉnh Bạc Liêu']);
    const reuse = await e.request(s, { method: 'POST', url: `/api/agencies/${await e.agencyId(NAMES.STC)}/codes`, payload: { code: old, validFrom: '2026-06-01' } });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().code).toBe('DIRECTORY_CODE_IN_USE');
  });

  it('deactivates and reactivates an agency; inactive ones can be filtered out', async () => {
    const e = env();
    const s = await e.login('vanhanh');
    const id = await e.agencyId('Sở Tư pháp tỉnh Bạc Liêu');
    const off = await e.request(s, { method: 'PATCH', url: `/api/agencies/${id}`, payload: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await search('so tu phap', '&active=true')).map((a) => a.name)).not.toContain('Sở Tư pháp tỉnh Bạc Liêu');
    expect((await search('so tu phap'))[0]).toMatchObject({ name: 'Sở Tư pháp tỉnh Bạc Liêu', active: false });
    const events = await e.database.db.selectFrom('audit_events').select('type').where('subject_id', '=', id).execute();
    expect(events.map((r) => r.type)).toContain('agency.deactivated');
    const on = await e.request(s, { method: 'PATCH', url: `/api/agencies/${id}`, payload: { active: true, contactEmail: 'stp@baclieu.gov.vn' } });
    expect(on.json()).toMatchObject({ active: true, contactEmail: 'stp@baclieu.gov.vn' });
  });

  it('keeps the directory for the operator: a specialist or the supervisor may not create (403)', async () => {
    const e = env();
    const payload = { name: 'Cơ quan thử', shortName: 'CQ thử', level: 'provincial_agency', parentId: await e.agencyId(NAMES.UBND_TINH) };
    for (const username of ['chuyenvien.snv', 'giamsat']) {
      const res = await e.request(await e.login(username), { method: 'POST', url: '/api/agencies', payload });
      expect(res.statusCode, username).toBe(403);
    }
    const exported = await e.request(await e.login('giamsat'), { method: 'GET', url: '/api/agencies/export' });
    expect(exported.statusCode).toBe(200);
  });

  it("units: the agency's administrator adds and moves the focal point; another agency's administrator gets 404", async () => {
    const e = env();
    const snvId = await e.agencyId(NAMES.SNV);
    const admin = await e.login('quantri.snv');
    const created = await e.request(admin, { method: 'POST', url: `/api/agencies/${snvId}/units`, payload: { name: 'Phòng Cải cách hành chính', abbreviation: 'CCHC' } });
    expect(created.statusCode, created.body).toBe(201);
    const focal = await e.request(admin, { method: 'PATCH', url: `/api/units/${created.json().id}`, payload: { isFocalPoint: true } });
    expect(focal.statusCode, focal.body).toBe(200);
    const units = (await e.request(admin, { method: 'GET', url: `/api/agencies/${snvId}/units` })).json().items as { name: string; isFocalPoint: boolean }[];
    expect(units.filter((u) => u.isFocalPoint).map((u) => u.name)).toEqual(['Phòng Cải cách hành chính']);
    const dup = await e.request(admin, { method: 'POST', url: `/api/agencies/${snvId}/units`, payload: { name: 'phòng cải cách hành chính' } });
    expect(dup.statusCode).toBe(409);

    const stcAdmin = await e.login(await ensureStcAdmin(e));
    const before = await snapshot(e.database.db);
    const foreignCreate = await e.request(stcAdmin, { method: 'POST', url: `/api/agencies/${snvId}/units`, payload: { name: 'Phòng lạ' } });
    const foreignPatch = await e.request(stcAdmin, { method: 'PATCH', url: `/api/units/${await unitId(e, NAMES.SNV, 'Văn phòng')}`, payload: { name: 'Đổi tên' } });
    const missing = await e.request(stcAdmin, { method: 'PATCH', url: '/api/units/00000000-0000-4000-8000-000000000000', payload: { name: 'Đổi tên' } });
    expect([foreignCreate.statusCode, foreignPatch.statusCode, missing.statusCode]).toEqual([404, 404, 404]);
    expect(foreignPatch.json().message).toBe(missing.json().message);
    expect(await snapshot(e.database.db)).toEqual(before);
    const own = await e.request(stcAdmin, { method: 'POST', url: `/api/agencies/${await e.agencyId(NAMES.STC)}/units`, payload: { name: 'Phòng Tin học' } });
    expect(own.statusCode).toBe(201);
  });
});
