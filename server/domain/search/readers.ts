import type { Role } from '../access/roles.ts';

/**
 * Reader keys: who inside an agency may find a document in search (domain.md §4.2). A document's
 * index entry lists keys; a user's search matches only entries sharing at least one of the user's
 * keys (deny by default: an entry with no keys is found by nobody).
 *
 *   role:clerk, role:leader …  everyone holding that role in the document's agency
 *   unit:<uuid>                the heads of that unit (head_of_unit role and member of the unit)
 *   member:<uuid>              every member of that unit holding a document role (an issued document
 *                              sent to the unit as an internal recipient, §7.2 step 11)
 *   user:<uuid>                that person (drafter, reviewer, assignee, someone it was shared with)
 *   staff                      every member of staff with a document role (an agency that opens its
 *                              issued outgoing documents to all, §4.2 item 2)
 */
export type ReaderKey = `role:${DocumentRole}` | `unit:${string}` | `member:${string}` | `user:${string}` | 'staff';

/** Roles that work with document content; administrators, supervisors and operators never do (§4.1). */
export const DOCUMENT_ROLES = ['clerk', 'leader', 'deputy_leader', 'head_of_unit', 'specialist'] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

export function isDocumentRole(role: Role): role is DocumentRole {
  return (DOCUMENT_ROLES as readonly string[]).includes(role);
}

export const readerKey = {
  role: (role: DocumentRole): ReaderKey => `role:${role}`,
  unit: (unitId: string): ReaderKey => `unit:${unitId}`,
  member: (unitId: string): ReaderKey => `member:${unitId}`,
  user: (userId: string): ReaderKey => `user:${userId}`,
  staff: 'staff' as ReaderKey,
};

/** The keys a person holds in one agency, from the roles they hold there. None without a document role. */
export function keysOf(person: { userId: string; unitId: string | null; roles: readonly Role[] }): ReaderKey[] {
  const roles = person.roles.filter(isDocumentRole);
  if (roles.length === 0) return [];
  const keys: ReaderKey[] = [readerKey.user(person.userId), readerKey.staff, ...roles.map(readerKey.role)];
  if (roles.includes('head_of_unit') && person.unitId) keys.push(readerKey.unit(person.unitId));
  if (person.unitId) keys.push(readerKey.member(person.unitId));
  return keys;
}

export interface ReaderFacts {
  /** Incoming: registered (not merely arrived or refused). Outgoing: issued (or later). */
  registeredOrIssued: boolean;
  /** Units the document is assigned to (lead, coordinating, informed) or that drafted it. */
  unitIds?: readonly string[];
  /** Outgoing, issued: the own agency's units it was sent to; every member of each finds it. */
  memberUnitIds?: readonly string[];
  /** Drafter, reviewers, signer, leaders it was presented to, assignees, people it was shared with. */
  userIds?: readonly string[];
  /** The agency opened its issued outgoing documents to all its staff (setting, default off). */
  openToStaff?: boolean;
}

/**
 * The keys for a document under domain.md §4.2 item 2, for the outgoing and incoming modules:
 * clerks and leaders see every registered incoming and issued outgoing document; heads see their
 * units' documents; named people see theirs; an unregistered arrival is the clerks' only.
 */
export function documentReaders(kind: 'outgoing' | 'incoming', facts: ReaderFacts): ReaderKey[] {
  const keys = new Set<ReaderKey>();
  if (kind === 'incoming' && !facts.registeredOrIssued) {
    keys.add(readerKey.role('clerk'));
    return [...keys];
  }
  if (facts.registeredOrIssued) {
    keys.add(readerKey.role('clerk'));
    keys.add(readerKey.role('leader'));
    if (kind === 'outgoing' && facts.openToStaff) keys.add(readerKey.staff);
  }
  for (const unitId of facts.unitIds ?? []) keys.add(readerKey.unit(unitId));
  if (facts.registeredOrIssued) for (const unitId of facts.memberUnitIds ?? []) keys.add(readerKey.member(unitId));
  for (const userId of facts.userIds ?? []) keys.add(readerKey.user(userId));
  return [...keys];
}

const KEY = /^(role:(clerk|leader|deputy_leader|head_of_unit|specialist)|(unit|member):[0-9a-f-]{36}|user:[0-9a-f-]{36}|staff)$/;

export function isReaderKey(value: string): value is ReaderKey {
  return KEY.test(value);
}
