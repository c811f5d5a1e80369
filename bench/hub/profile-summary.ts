/**
 * Summarises the `.cpuprofile` files `npm run bench:hub -- --profile DIR` leaves (one per instance
 * process): self time by function and by area (source folder or dependency), largest first.
 *
 *   npx tsx bench/hub/profile-summary.ts DIR [--top 25]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: profile-summary.ts DIR [--top N]');
const topIndex = process.argv.indexOf('--top');
const top = topIndex >= 0 ? Number(process.argv[topIndex + 1]) : 25;

function areaOf(url: string): string {
  if (!url) return '(native/idle/gc)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const server = url.indexOf('/server/');
  if (server >= 0) return url.slice(server + 1).split('/').slice(0, 3).join('/');
  return path.basename(url);
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const area = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const n = byId.get(id)!;
    total += dt;
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
      fn.set(name, (fn.get(name) ?? 0) + dt);
      area.set(name, (area.get(name) ?? 0) + dt);
      return;
    }
    const key = `${name} ${areaOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + dt);
    const a = areaOf(n.callFrame.url);
    area.set(a, (area.get(a) ?? 0) + dt);
  });
  const pct = (v: number) => `${((100 * v) / total).toFixed(1)} %`;
  const busy = total - (fn.get('(idle)') ?? 0);
  console.log(`\n## ${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
  console.log('\nBy area:');
  for (const [k, v] of [...area].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v).padStart(7)}  ${k}`);
  console.log('\nBy function (self time):');
  for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v).padStart(7)}  ${k}`);
}
