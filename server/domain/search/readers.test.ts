import { describe, expect, it } from 'vitest';
import { documentReaders, keysOf } from './readers.ts';

const U = '11111111-1111-4111-8111-111111111111';
const P = '22222222-2222-4222-8222-222222222222';

describe('reader keys', () => {
  it('gives a person keys only through document roles', () => {
    expect(keysOf({ userId: P, unitId: U, roles: ['agency_admin'] })).toEqual([]);
    expect(keysOf({ userId: P, unitId: U, roles: ['provincial_supervisor', 'system_operator'] })).toEqual([]);
    expect(keysOf({ userId: P, unitId: null, roles: ['specialist'] })).toEqual([`user:${P}`, 'staff', 'role:specialist']);
    expect(keysOf({ userId: P, unitId: U, roles: ['specialist'] })).toEqual([`user:${P}`, 'staff', 'role:specialist', `member:${U}`]);
    expect(keysOf({ userId: P, unitId: U, roles: ['head_of_unit'] })).toContain(`unit:${U}`);
  });

  it('follows domain.md §4.2: unregistered arrivals are for clerks only', () => {
    expect(documentReaders('incoming', { registeredOrIssued: false, userIds: [P] })).toEqual(['role:clerk']);
    expect(documentReaders('incoming', { registeredOrIssued: true, unitIds: [U], userIds: [P] })).toEqual(['role:clerk', 'role:leader', `unit:${U}`, `user:${P}`]);
    expect(documentReaders('outgoing', { registeredOrIssued: false, userIds: [P] })).toEqual([`user:${P}`]);
    expect(documentReaders('outgoing', { registeredOrIssued: true, openToStaff: true })).toContain('staff');
    // Units an issued document was sent to: all their members; a draft naming them gives them nothing.
    expect(documentReaders('outgoing', { registeredOrIssued: true, memberUnitIds: [U] })).toContain(`member:${U}`);
    expect(documentReaders('outgoing', { registeredOrIssued: false, memberUnitIds: [U], userIds: [P] })).toEqual([`user:${P}`]);
  });
});
