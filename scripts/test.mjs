#!/usr/bin/env node
// The README's test command: unit and integration tests (vitest; integration on PGlite and, when
// TEST_DATABASE_URL is set, on PostgreSQL too), then the browser tests (Playwright, Debian's
// Chromium). Prints how many integration tests ran on each engine and one closing line
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const vitestJson = '.tmp/vitest-report.json';
const playwrightJson = '.tmp/playwright-report.json';
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const extra = process.argv.slice(2);
const skipE2e = process.env.LT_SKIP_E2E === '1';

const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...extra], { stdio: 'inherit' });

let passed = 0;
let failed = 0;
const byEngine = { pglite: 0, postgres: 0 };
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') passed++;
      else if (t.status === 'failed') failed++;
      const engine = /\[(pglite|postgres)\]/.exec(t.fullName ?? '')?.[1];
      if (engine && t.status !== 'skipped' && t.status !== 'pending') byEngine[engine]++;
    }
  }
} else if (vitest.status !== 0) {
  failed++;
}

let e2e = { passed: 0, failed: 0, ran: false };
if (!skipE2e && extra.length === 0) {
  const pw = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  });
  e2e.ran = true;
  if (existsSync(playwrightJson)) {
    const stats = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
    e2e.passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
    e2e.failed = stats.unexpected ?? 0;
  } else if (pw.status !== 0) {
    e2e.failed = 1;
  }
  if (pw.status !== 0 && e2e.failed === 0) e2e.failed = 1;
}

const dbNote = process.env.TEST_DATABASE_URL ? '' : ' (TEST_DATABASE_URL not set: PostgreSQL runs skipped)';
console.log('\n──────── lienthong test summary ────────');
console.log(`Integration tests: ${byEngine.pglite} on PGlite, ${byEngine.postgres} on PostgreSQL${dbNote}`);
console.log(`Unit + integration (vitest): ${passed} passed, ${failed} failed`);
if (e2e.ran) console.log(`Browser (Playwright, Chromium): ${e2e.passed} passed, ${e2e.failed} failed`);
const totalFailed = failed + e2e.failed + (vitest.status !== 0 && failed === 0 ? 1 : 0);
console.log(`${passed + e2e.passed} passed, ${totalFailed} failed`);
process.exit(totalFailed === 0 ? 0 : 1);
