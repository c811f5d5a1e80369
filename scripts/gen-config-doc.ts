import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SETTINGS } from '../server/config/env.ts';

/** docs/config.md, generated from the SETTINGS table in server/config/env.ts. */
export function renderConfigDoc(): string {
  const rows = SETTINGS.map((s) => `| \`${s.name}\` | ${s.type} | ${s.default} | ${s.description} |`);
  return [
    '# Configuration',
    '',
    'Generated from `server/config/env.ts` by `npx tsx scripts/gen-config-doc.ts`; a unit test fails when this file is out of date.',
    '',
    'Every setting is an environment variable, read once at start-up and validated. An invalid or missing',
    'value stops start-up with a message naming the variable (exit code 2). Secrets have no defaults: in',
    'production `SESSION_SECRET` is required; only the embedded demo mode generates one and keeps it in',
    '`DATA_DIR/session-secret`.',
    '',
    '| Variable | Type | Default | Meaning |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Settings an agency administrator edits in the app (deadlines per document type, number formats per',
    'register, review chains) are data, not environment variables.',
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/config.md', import.meta.url), renderConfigDoc());
  console.log('docs/config.md written');
}
