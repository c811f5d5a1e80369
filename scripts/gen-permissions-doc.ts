import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PERMISSIONS, type Permission, type Scope } from '../server/app/policies/permissions.ts';
import { ROLES, ROLE_LABELS } from '../server/domain/access/roles.ts';

/** What each scope means in a cell of the table. */
const SCOPES: Record<Scope, string> = {
  all: 'everything of the agency (and of agencies it serves, through roles held there)',
  own: 'only items the user is named in (author, reviewer, assignee, decider)',
  unit: "only the items of the user's unit",
  granted: 'only where the agency granted it (signing "TL." or "TUQ.")',
  read: 'read only: may view, may not change',
  bootstrap: "only to create an agency's first administrator",
  registers: 'the register statistics only',
  decide: 'decide (grant or refuse) only',
  request: 'request only',
  both: 'request and decide',
};

const cell = (s: Scope | undefined): string => (s === undefined ? '' : s === 'all' ? '✔' : s);

/** docs/permissions.md, generated from the table in server/app/policies/permissions.ts. */
export function renderPermissionsDoc(): string {
  const header = `| Permission | Meaning | ${ROLES.map((r) => `${ROLE_LABELS[r]} (\`${r}\`)`).join(' | ')} |`;
  const rule = `|---|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((p) => {
    const def: { meaning: string; grants: Partial<Record<(typeof ROLES)[number], Scope>> } = PERMISSIONS[p];
    return `| \`${p}\` | ${def.meaning} | ${ROLES.map((r) => cell(def.grants[r])).join(' | ')} |`;
  });
  const used = new Set<Scope>();
  for (const def of Object.values(PERMISSIONS) as { grants: Partial<Record<string, Scope>> }[]) {
    for (const s of Object.values(def.grants)) if (s) used.add(s);
  }
  const scopes = (Object.keys(SCOPES) as Scope[]).filter((s) => s !== 'all' && used.has(s)).map((s) => `- \`${s}\`: ${SCOPES[s]}.`);
  return [
    '# Permissions',
    '',
    'Generated from `server/app/policies/permissions.ts` by `npm run docs:permissions`; a unit test fails',
    'when this file is out of date with the table.',
    '',
    'Deny by default: a role without a mark in a row does not have that permission. Use cases enforce',
    'these permissions; the HTTP routes only check them coarsely first. A resource of another agency',
    'answers "not found" (404), exactly like a missing one. A user holding several roles gets the widest',
    'scope any of them gives.',
    '',
    '## Roles',
    '',
    '| Code | Vietnamese |',
    '|---|---|',
    ...ROLES.map((r) => `| \`${r}\` | ${ROLE_LABELS[r]} |`),
    '',
    '## Table',
    '',
    '✔ = yes, with the permission’s full reach. Other marks narrow it:',
    '',
    ...scopes,
    '',
    header,
    rule,
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/permissions.md', import.meta.url), renderPermissionsDoc());
  console.log('docs/permissions.md written');
}
