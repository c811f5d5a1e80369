import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIST } from './web-app.ts';

const WEB_ROOT = path.resolve(WEB_DIST, '..');

/** Newest modification time among the web app's sources. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app from a checkout on start when there is no build or a source is newer than
 * it (vite is a dev dependency of the checkout; a production image ships web/dist prebuilt).
 */
export async function ensureWebBuilt(): Promise<void> {
  const config = path.join(WEB_ROOT, 'vite.config.ts');
  if (!existsSync(config)) return;
  const index = path.join(WEB_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(WEB_ROOT)) return;
  console.log('Đang dựng giao diện web…');
  const { build } = await import('vite');
  await build({ configFile: config, logLevel: 'warn' });
}
