import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AUDIT_EVENTS, type AuditEventType } from '../server/app/audit/catalogue.ts';

/** docs/audit-events.md, generated from the catalogue in server/app/audit/catalogue.ts. */
export function renderAuditEventsDoc(): string {
  const types = Object.keys(AUDIT_EVENTS) as AuditEventType[];
  const areas = [...new Set(types.map((t) => t.split('.')[0]!))];
  const sections = areas.flatMap((area) => [
    `## ${area}`,
    '',
    '| Event | When |',
    '|---|---|',
    ...types.filter((t) => t.split('.')[0] === area).map((t) => `| \`${t}\` | ${AUDIT_EVENTS[t].replace(/\|/g, '\\|')} |`),
    '',
  ]);
  return [
    '# Audit events',
    '',
    'Generated from `server/app/audit/catalogue.ts` by `npm run docs:audit-events`; a unit test fails when',
    'this file is out of date with the catalogue.',
    '',
    'Every mutation writes one of these events in the same transaction as the change itself. Each event',
    'records when it happened, who acted (user and agency, or none for the command line), the agency the',
    'subject belongs to, the subject (type and id) and a small JSON `data` object (never a password or a',
    "file's content). Events are hash-chained: each one's hash covers its content and the previous hash,",
    'and `lienthong audit verify` names the first broken or missing event.',
    '',
    ...sections,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/audit-events.md', import.meta.url), renderAuditEventsDoc());
  console.log('docs/audit-events.md written');
}
