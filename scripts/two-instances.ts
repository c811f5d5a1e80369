/**
 * Starts two lienthong deployments that are each other's peer hub, for trying the exchange by hand:
 * Bạc Liêu on PGlite and Cà Mau on the PostgreSQL server named by TEST_DATABASE_URL (on a second
 * PGlite when it is not set). Ctrl-C stops both and removes their data.
 *
 *   npx tsx scripts/two-instances.ts [--port-a 3300] [--port-b 3301]
 */
import { startTwoInstances } from '../tests/exchange/two-instances.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`${name} must be a port number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const started = Date.now();
const two = await startTwoInstances({ portA: arg('--port-a', 3300), portB: arg('--port-b', 3301) });
console.log(`Hai triển khai đã chạy sau ${((Date.now() - started) / 1000).toFixed(1)} s:`);
for (const p of [two.a, two.b]) {
  console.log(`  ${p.instance.label}: ${p.instance.url}`);
  console.log(`    mã xác thực của hệ thống QLVB tỉnh (POST /api/hub/packages): ${p.endpointToken}`);
}
console.log('  Đăng nhập vận hành bên Bạc Liêu: vanhanh / lienthong@2024. Ctrl-C để dừng.');
const stop = async () => {
  await two.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
