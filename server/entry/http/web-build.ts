import { existsSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIST } from './web-app.ts';

/** Builds the web app on first start from a checkout (vite is a dev dependency of the checkout). */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(path.join(WEB_DIST, 'index.html'))) return;
  const config = path.resolve(WEB_DIST, '../vite.config.ts');
  if (!existsSync(config)) return;
  console.log('Đang dựng giao diện web (lần đầu)…');
  const { build } = await import('vite');
  await build({ configFile: config, logLevel: 'warn' });
}
