import { describe, expect, it } from 'vitest';
import { cliEnvironment, exitOf, runCli, startCli, waitFor } from './cli-harness.ts';
import { ENGINES } from './harness.ts';

const port = () => 20000 + Math.floor(Math.random() * 20000);

describe('[pglite] start-up', () => {
  it('a second start on the same DATA_DIR exits non-zero with a clear message while the first keeps serving; SIGTERM stops cleanly', async () => {
    const { env, cleanup } = await cliEnvironment('pglite');
    const p1 = port();
    const first = startCli(['start'], { ...env, PORT: String(p1) });
    try {
      await waitFor(`http://127.0.0.1:${p1}/readyz`);
      expect(first.output()).toContain('lienthong đang chạy');
      expect(first.output()).toContain('vanthu.snv');
      const second = runCli(['start'], { ...env, PORT: String(port()) });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain('DATA_DIR');
      expect(second.stderr).toMatch(/in use by another lienthong process/);
      const ready = await waitFor(`http://127.0.0.1:${p1}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
      first.kill('SIGTERM');
      expect(await exitOf(first)).toBe(0);
    } finally {
      first.kill('SIGKILL');
      await exitOf(first);
      await cleanup();
    }
  });

  it('DATABASE_URL=nonsense stops start-up with a message naming DATABASE_URL', async () => {
    const { env } = await cliEnvironment('pglite');
    const r = runCli(['start'], { ...env, DATABASE_URL: 'nonsense' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL');
  });

  it('an unreachable PostgreSQL server stops start-up naming DATABASE_URL', async () => {
    const { env } = await cliEnvironment('pglite');
    const r = runCli(['db', 'migrate'], { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SESSION_SECRET: 'q'.repeat(40) });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('DATABASE_URL');
  });
});

for (const engine of ENGINES) {
  describe(`[${engine}] command line`, () => {
    it('seeds, lists agencies, creates an operator, and audit verify names an altered event', async () => {
      const { env, cleanup } = await cliEnvironment(engine);
      try {
        expect(runCli(['seed', 'demo'], env).status).toBe(0);
        const list = runCli(['agency', 'list', '--json'], env);
        expect(list.status).toBe(0);
        const agencies = JSON.parse(list.stdout) as { name: string; code: string }[];
        expect(agencies).toHaveLength(101);
        expect(agencies.find((a) => a.code === '000.00.00.H04')?.name).toBe('Ủy ban nhân dân tỉnh Bạc Liêu');

        const op = runCli(['user', 'create', '--operator', '--username', 'vanhanh2', '--full-name', 'Đỗ Văn Hành'], env);
        expect(op.status, op.stderr).toBe(0);
        expect(op.stdout).toMatch(/Mật khẩu tạm/);

        const ok = runCli(['audit', 'verify', '--json'], env);
        expect(ok.status, ok.stderr).toBe(0);
        const verified = JSON.parse(ok.stdout) as { ok: boolean; events: number };
        expect(verified.ok).toBe(true);
        expect(verified.events).toBeGreaterThan(10);

        // Alter one stored event behind the application's back.
        const { openDatabase, targetFromConfig } = await import('../../server/adapters/db/database.ts');
        const { sql } = await import('kysely');
        const database = await openDatabase(targetFromConfig({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR! }));
        const target = await sql<{ id: string }>`UPDATE audit_events SET data = '{"username":"ke-gian"}' WHERE seq = 5 RETURNING id`.execute(database.db);
        await database.close();

        const broken = runCli(['audit', 'verify'], env);
        expect(broken.status).toBe(1);
        expect(broken.stderr).toContain('#5');
        expect(broken.stderr).toContain(target.rows[0]!.id);
      } finally {
        await cleanup();
      }
    // five command-line runs, and `seed demo` also writes the year of demo supervision facts
    }, 300_000);
  });
}
