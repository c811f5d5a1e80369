import { ConfigError, loadConfig } from './config/env.ts';
import { openDatabase, targetFromConfig } from './adapters/db/database.ts';
import { migrateToLatest } from './adapters/db/migrator.ts';
import { DEMO_PASSWORD, DEMO_USERS, isEmpty } from './adapters/db/seed/seed-demo.ts';
import { seedDemoProvince } from './adapters/db/seed/seed-demo-province.ts';
import { composeDeps } from './entry/compose.ts';
import { buildServer } from './entry/http/server.ts';
import { ensureWebBuilt } from './entry/http/web-build.ts';
import { fail } from './entry/cli/context.ts';
import { startWorker } from './entry/jobs/worker.ts';
import { startTextExtraction } from './entry/jobs/text-extraction.ts';

const KNOWN_SERVICES = ['api', 'worker', 'hub'];

/** Starts the roles named by --services in this process; embedded mode is one process and says so. */
export async function startSystem(options: { services: string[] }): Promise<void> {
  let config;
  try {
    config = loadConfig();
    const unknown = options.services.filter((s) => !KNOWN_SERVICES.includes(s));
    if (unknown.length > 0) throw new ConfigError('--services', `unknown service ${unknown.join(', ')} (known: ${KNOWN_SERVICES.join(', ')})`);
  } catch (error) {
    fail(error);
  }
  let database;
  try {
    database = await openDatabase(targetFromConfig(config));
    await migrateToLatest(database.db);
  } catch (error) {
    fail(error);
  }
  const deps = composeDeps(config, database);
  let seeded = false;
  if (config.demoMode && (await isEmpty(database.db))) {
    await seedDemoProvince(database.db, { hasher: deps.hasher, clock: deps.clock });
    seeded = true;
  }
  // Tests drive the API only; everyone else gets the web app built on first start.
  if (options.services.includes('api') && config.nodeEnv !== 'test') await ensureWebBuilt();
  const app = await buildServer(deps);
  // The delivery job (hub.delivery.send): pg-boss on PostgreSQL, a polling loop on embedded PGlite.
  const worker = options.services.includes('worker')
    ? await startWorker(deps, { onError: (error) => app.log.error({ err: error }, 'hub delivery run failed') })
    : undefined;
  // The search text job (search.text.extract): reads main files' text for search.
  const textWorker = options.services.includes('worker')
    ? startTextExtraction(deps, { onError: (error) => app.log.error({ err: error }, 'search text extraction failed') })
    : undefined;
  await app.listen({ port: config.port, host: config.host });
  // With node --expose-gc (npm start, bin/lienthong.mjs): release the start-up's garbage now rather than
  // keep it resident until the first large allocation (bench/hub/README.md).
  (globalThis as { gc?: () => void }).gc?.();
  const url = `http://localhost:${(app.server.address() as { port: number }).port}/`;
  const mode = database.kind === 'pglite' ? `CSDL nhúng PGlite tại ${config.dataDir} (một tiến trình)` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\nlienthong đang chạy: ${url}\n  Cơ sở dữ liệu: ${mode}${seeded ? ' — vừa nạp dữ liệu mẫu tỉnh Bạc Liêu' : ''}\n  Dịch vụ: ${options.services.join(', ')}`);
  if (config.demoMode) {
    console.log(`  Tài khoản mẫu (mật khẩu chung: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`    ${u.username.padEnd(16)} ${u.title} — ${u.agency}`);
  }
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await worker?.stop(); // lets a delivery in progress record its outcome
    await textWorker?.stop();
    await app.close(); // stops accepting, finishes in-flight requests
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
