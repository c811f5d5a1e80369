import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderAuditEventsDoc } from './gen-audit-events-doc.ts';
import { renderPermissionsDoc } from './gen-permissions-doc.ts';

it('docs/permissions.md matches the permission table (run `npm run docs:permissions`)', () => {
  expect(readFileSync(new URL('../docs/permissions.md', import.meta.url), 'utf8')).toBe(renderPermissionsDoc());
});

it('docs/audit-events.md matches the audit catalogue (run `npm run docs:audit-events`)', () => {
  expect(readFileSync(new URL('../docs/audit-events.md', import.meta.url), 'utf8')).toBe(renderAuditEventsDoc());
});

it('the permissions document shows each role by its Vietnamese name and each permission with its meaning', () => {
  const doc = renderPermissionsDoc();
  expect(doc).toContain('Văn thư (`clerk`)');
  expect(doc).toContain('Quản trị hệ thống (`system_operator`)');
  expect(doc).toContain('| `user.manage` | users, units, roles of the own agency |  |  |  |  |  | ✔ |  | bootstrap |');
});
