import { expect, it } from 'vitest';
import { exportAgencies } from '../../server/app/agencies/export-agencies.ts';
import { importAgencies } from '../../server/app/agencies/import-agencies.ts';
import { snapshot } from './db-snapshot.ts';
import { describeEachEngine, NAMES } from './harness.ts';

const HEADER = 'level,name,short_name,parent_name,identifier_code,abbreviation,contact_email,active';

describeEachEngine('agency directory CSV import and export', { seed: true }, (env) => {
  it('a CSV with one bad row among good ones: the report names the row and column, and nothing is stored', async () => {
    const e = env();
    const s = await e.login('vanhanh');
    const csv = [
      HEADER,
      `provincial-agency,Chi cục Thủy lợi tỉnh Bạc Liêu,Chi cục Thủy lợi,Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu,,CCTL,thuyloi@baclieu.gov.vn,true`,
      `provincial-agency,Chi cục Kiểm lâm tỉnh Bạc Liêu,Chi cục Kiểm lâm,Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu,000.01.07 H04,CCKL,,true`,
      `commune,"Ủy ban nhân dân xã Mới, huyện Hồng Dân",UBND xã Mới,Ủy ban nhân dân huyện Hồng Dân,,UBND,,true`,
    ].join('\n');
    const before = await snapshot(e.database.db);
    const res = await e.request(s, { method: 'POST', url: '/api/agencies/import', payload: { csv } });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.code).toBe('DIRECTORY_IMPORT_INVALID');
    expect(body.message).toContain('chưa nhập dữ liệu nào');
    expect(body.details.problems).toEqual([{ row: 3, column: 'identifier_code', message: expect.stringContaining('không đúng định dạng') }]);
    expect(await snapshot(e.database.db)).toEqual(before);
  });

  it('reports every kind of bad row at once: unknown level, missing parent, duplicate name and code, bad e-mail', async () => {
    const e = env();
    const s = await e.login('vanhanh');
    const csv = [
      HEADER,
      `agency,Cơ quan A,CQ A,${NAMES.UBND_TINH},,,,`,
      `provincial-agency,Cơ quan B,CQ B,Cơ quan không có,,,,`,
      `provincial-agency,Cơ quan C,CQ C,${NAMES.UBND_TINH},000.00.91.H04,,c@,`,
      `provincial-agency,cơ quan c,CQ C2,${NAMES.UBND_TINH},000.00.91.H04,,,`,
      `provincial-agency,Cơ quan D,,${NAMES.UBND_TINH},,,,không rõ`,
      `provincial-agency,Cơ quan E,CQ E,${NAMES.UBND_TINH},000.00.01.H04,,,`,
    ].join('\n');
    const before = await snapshot(e.database.db);
    const res = await e.request(s, { method: 'POST', url: '/api/agencies/import', payload: { csv } });
    expect(res.statusCode).toBe(400);
    const problems = res.json().details.problems as { row: number; column: string; message: string }[];
    const at = (row: number, column: string) => problems.find((p) => p.row === row && p.column === column)?.message;
    expect(at(2, 'level')).toContain('Cấp cơ quan "agency" không hợp lệ');
    expect(at(3, 'parent_name')).toContain('Không có cơ quan cấp trên "Cơ quan không có"');
    expect(at(4, 'contact_email')).toContain('Thư điện tử');
    expect(at(5, 'name')).toContain('trùng với dòng 4');
    expect(at(5, 'identifier_code')).toContain('trùng với dòng 4');
    expect(at(6, 'short_name')).toContain('Tên viết gọn');
    expect(at(6, 'active')).toContain('không hợp lệ');
    expect(at(7, 'identifier_code')).toContain('đang thuộc cơ quan "Văn phòng Ủy ban nhân dân tỉnh Bạc Liêu"');
    expect(await snapshot(e.database.db)).toEqual(before);
  });

  it('a good CSV imports in one go: new agencies under their parents, codes, focal points; existing names are updated', async () => {
    const e = env();
    const s = await e.login('vanhanh');
    const csv = [
      'level,name,short_name,parent_name,identifier_code,abbreviation,contact_email,active,focal_unit',
      `provincial-agency,Chi cục Thủy sản tỉnh Bạc Liêu,Chi cục Thủy sản,Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu,,CCTS,thuysan@baclieu.gov.vn,true,Bộ phận hành chính`,
      `provincial-agency,Trạm Thủy sản Hồng Dân,Trạm TS Hồng Dân,Chi cục Thủy sản tỉnh Bạc Liêu,,,,false,`,
      `provincial-agency,Sở Công Thương tỉnh Bạc Liêu,Sở Công Thương,${NAMES.UBND_TINH},,SCT,sct@baclieu.gov.vn,true,Văn phòng`,
    ].join('\r\n');
    const check = await e.request(s, { method: 'POST', url: '/api/agencies/import', payload: { csv, dryRun: true } });
    expect(check.json()).toMatchObject({ rows: 3, created: 2, updated: 1, dryRun: true });
    const res = await e.request(s, { method: 'POST', url: '/api/agencies/import', payload: { csv } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, created: 2, updated: 1, unchanged: 0, dryRun: false });
    const station = (await e.request(s, { method: 'GET', url: `/api/agencies/${await e.agencyId('Trạm Thủy sản Hồng Dân')}` })).json();
    expect(station.parent.name).toBe('Chi cục Thủy sản tỉnh Bạc Liêu');
    expect(station.agency.active).toBe(false);
    const sct = (await e.request(s, { method: 'GET', url: `/api/agencies/${await e.agencyId('Sở Công Thương tỉnh Bạc Liêu')}` })).json();
    expect(sct.agency).toMatchObject({ abbreviation: 'SCT', contactEmail: 'sct@baclieu.gov.vn' });
    expect(sct.codes).toHaveLength(1);
    const imported = await e.database.db.selectFrom('audit_events').select('data').where('type', '=', 'agency.imported').execute();
    expect(imported).toHaveLength(1);
  });

  it('imports the province data file as it is (extra columns ignored, codes marked as samples)', async () => {
    const e = env();
    const s = await e.login('vanhanh');
    const csv = [
      'level,name,short_name,parent_name,identifier_code,code_confirmed,source_note',
      `commune,Ủy ban nhân dân xã Thử Nghiệm,UBND xã Thử Nghiệm,Ủy ban nhân dân huyện Hồng Dân,,no,"ghi chú, có dấu phẩy"`,
    ].join('\n');
    const res = await e.request(s, { method: 'POST', url: '/api/agencies/import', payload: { csv } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(1);
  });

  it('exports the whole directory as CSV with a UTF-8 BOM', async () => {
    const e = env();
    const res = await e.request(await e.login('vanhanh'), { method: 'GET', url: '/api/agencies/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFFlevel,name,short_name,parent_name,identifier_code')).toBe(true);
    expect(res.body).toContain('"Sở Giáo dục, Khoa học và Công nghệ tỉnh Bạc Liêu"');

    exported = res.body;
  });
});

/** Set by the export test above (suites of a file run in order); imported below into an empty database. */
let exported: string | undefined;

describeEachEngine('agency directory CSV round trip', {}, (env) => {
  it('importing the export into an empty database gives the same directory', async () => {
    const e = env();
    expect(exported, 'run the whole file: the export comes from the seeded suite above').toBeDefined();
    const original = exported!;
    expect(original.split('\r\n').length).toBeGreaterThan(100);
    const summary = await e.deps.uow.run((tx) => importAgencies(tx, { clock: e.clock }, null, original));
    expect(summary.created).toBe(original.split('\r\n').length - 2);
    expect(await e.deps.uow.run((tx) => exportAgencies(tx, null))).toBe(original);
  });
});
