import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnvironment, runCli } from './cli-harness.ts';
import { ENGINES } from './harness.ts';

const GOOD = [
  'level,name,short_name,parent_name,identifier_code',
  'province,Ủy ban nhân dân tỉnh Bạc Liêu,UBND tỉnh Bạc Liêu,,000.00.00.H04',
  'provincial-agency,Sở Nội vụ tỉnh Bạc Liêu,Sở Nội vụ,Ủy ban nhân dân tỉnh Bạc Liêu,000.00.02.H04',
].join('\n');
const BAD = [
  'level,name,short_name,parent_name,identifier_code',
  'provincial-agency,Sở Tài chính tỉnh Bạc Liêu,Sở Tài chính,Ủy ban nhân dân tỉnh Bạc Liêu,000.00.05.H04',
  'provincial-agency,Sở Y tế tỉnh Bạc Liêu,Sở Y tế,Ủy ban nhân dân tỉnh Bạc Liêu,000.00.13.h04',
].join('\n');

for (const engine of ENGINES) {
  describe(`[${engine}] lienthong agency (command line)`, () => {
    it('imports a good file, refuses a bad one with the row and stores nothing, lists, searches and exports', async () => {
      const { env, cleanup } = await cliEnvironment(engine);
      const dir = env.DATA_DIR!;
      try {
        writeFileSync(path.join(dir, 'good.csv'), GOOD);
        writeFileSync(path.join(dir, 'bad.csv'), BAD);
        const good = runCli(['agency', 'import', path.join(dir, 'good.csv')], env);
        expect(good.status, good.stderr).toBe(0);
        expect(good.stdout).toContain('thêm mới 2');

        const bad = runCli(['agency', 'import', path.join(dir, 'bad.csv')], env);
        expect(bad.status).toBe(1);
        expect(bad.stderr).toContain('chưa nhập dữ liệu nào');
        expect(bad.stderr).toMatch(/Dòng 3, cột identifier_code: Mã định danh "000\.00\.13\.h04" không đúng định dạng/);

        const list = runCli(['agency', 'list', '--json'], env);
        expect(list.status, list.stderr).toBe(0);
        expect((JSON.parse(list.stdout) as { name: string }[]).map((a) => a.name).sort()).toEqual(['Sở Nội vụ tỉnh Bạc Liêu', 'Ủy ban nhân dân tỉnh Bạc Liêu']);
        const found = runCli(['agency', 'list', '--search', 'so noi vu'], env);
        expect(found.stdout).toMatch(/000\.00\.02\.H04\s+Sở Nội vụ tỉnh Bạc Liêu\n1 cơ quan\./);

        const file = path.join(dir, 'out.csv');
        expect(runCli(['agency', 'export', file], env).status).toBe(0);
        const exported = readFileSync(file, 'utf8');
        expect(exported.startsWith('\uFEFFlevel,name,short_name,parent_name,identifier_code,')).toBe(true);
        expect(exported).toContain('Sở Nội vụ tỉnh Bạc Liêu,Sở Nội vụ,Ủy ban nhân dân tỉnh Bạc Liêu,000.00.02.H04');
      } finally {
        await cleanup();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 300_000);
  });
}
