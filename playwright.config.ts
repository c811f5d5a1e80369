import { defineConfig } from '@playwright/test';
import { FAST_HUB_ENV, MAIN_PORT, MAIN_URL, PEER_PORT } from './tests/e2e/instances.ts';

// E2E_PORT lets two checkouts run their browser tests side by side (the peer deployment takes E2E_PORT + 1).
const PORT = MAIN_PORT;
const BASE_URL = MAIN_URL;

/**
 * Browser tests against the real system: the web app is built, then `lienthong start` runs on a
 * fresh embedded database (seeded with the demo province) in .tmp/e2e-data. Debian's Chromium is
 * used; Playwright never downloads a browser here. The fixtures also prepare a second deployment
 * (Cà Mau, another province, each hub the other's peer), which global-setup.ts starts and stops:
 * see tests/e2e/instances.ts.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/e2e-results',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1366, height: 860 } } }],
  webServer: {
    command: 'rm -rf .tmp/e2e-data && npm run --silent build:web -- --logLevel warn && npx tsx scripts/e2e-fixtures.ts && node bin/lienthong.mjs start',
    url: `${BASE_URL}/readyz`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATA_DIR: '.tmp/e2e-data',
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DATABASE_URL: '',
      HUB_NODE_NAME: 'hub-baclieu',
      ...FAST_HUB_ENV,
      E2E_PORT: String(PORT),
      E2E_PEER_PORT: String(PEER_PORT),
      DEMO_MODE: 'true',
      // Every test logs in several people from one address, faster than a person would.
      LOGIN_RATE_PER_MINUTE: '1000',
    },
  },
});
