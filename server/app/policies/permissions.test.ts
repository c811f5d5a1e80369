import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/access/roles.ts';
import { PERMISSIONS, abilities, can, canWrite, scopeOf, type Permission } from './permissions.ts';

const ALL = Object.keys(PERMISSIONS) as Permission[];

describe('the permission table', () => {
  it('denies by default: no roles, no permission; a role absent from a row is refused', () => {
    for (const p of ALL) expect(can([], p)).toBe(false);
    expect(can(['specialist'], 'document.issue')).toBe(false);
    expect(can(['clerk'], 'document.sign')).toBe(false);
    expect(can(['agency_admin'], 'incoming.register')).toBe(false);
    expect(can(['system_operator'], 'file.read')).toBe(false);
    expect(can(['provincial_supervisor'], 'file.read')).toBe(false);
  });

  it('gives every role only what its row grants (and the clerk and signer split of domain.md §4.1)', () => {
    expect(scopeOf(['clerk'], 'document.issue')).toBe('all');
    expect(scopeOf(['leader'], 'document.sign')).toBe('all');
    expect(scopeOf(['head_of_unit'], 'document.sign')).toBe('granted');
    expect(scopeOf(['system_operator'], 'user.manage')).toBe('bootstrap');
    expect(scopeOf(['agency_admin'], 'user.manage')).toBe('all');
    for (const role of ROLES) {
      const granted = Object.keys(abilities([role])) as Permission[];
      for (const p of ALL) {
        const grants: Partial<Record<Role, string>> = PERMISSIONS[p].grants;
        expect(granted.includes(p), `${role} × ${p}`).toBe(grants[role] !== undefined);
      }
    }
  });

  it('gives the supervisor read only on the directory: can view, cannot change', () => {
    expect(scopeOf(['provincial_supervisor'], 'directory.manage')).toBe('read');
    expect(can(['provincial_supervisor'], 'directory.manage')).toBe(true);
    expect(canWrite(['provincial_supervisor'], 'directory.manage')).toBe(false);
    expect(canWrite(['system_operator'], 'directory.manage')).toBe(true);
  });

  it('takes the widest scope when a user holds several roles', () => {
    expect(scopeOf(['deputy_leader'], 'document.recall')).toBe('own');
    expect(scopeOf(['deputy_leader', 'leader'], 'document.recall')).toBe('all');
    expect(canWrite(['provincial_supervisor', 'system_operator'], 'directory.manage')).toBe(true);
  });

  it('uses resource.action names only', () => {
    for (const p of ALL) expect(p).toMatch(/^[a-z]+\.[a-z_]+$/);
  });
});
