import type { Role } from '../../domain/access/roles.ts';

/**
 * The single role → permission table (domain.md §4.4). Deny by default: a role absent from a
 * row has no such permission. The scope says how far it reaches; rules per resource narrow
 * "own", "unit" and "granted" further. docs/permissions.md is generated from this table.
 */
export type Scope = 'all' | 'own' | 'unit' | 'granted' | 'read' | 'bootstrap' | 'registers' | 'decide' | 'request' | 'both';

interface PermissionDef {
  meaning: string;
  grants: Partial<Record<Role, Scope>>;
}

const STAFF: Partial<Record<Role, Scope>> = {
  clerk: 'all', leader: 'all', deputy_leader: 'all', head_of_unit: 'all', specialist: 'all',
  agency_admin: 'all', provincial_supervisor: 'all', system_operator: 'all',
};

export const PERMISSIONS = {
  'draft.create': { meaning: 'start a draft', grants: { leader: 'all', deputy_leader: 'all', head_of_unit: 'all', specialist: 'all' } },
  'draft.review': { meaning: 'approve or return a review step', grants: { leader: 'own', deputy_leader: 'own', head_of_unit: 'own', specialist: 'own' } },
  'document.sign': { meaning: 'personal signature as competent signer', grants: { leader: 'all', deputy_leader: 'all', head_of_unit: 'granted' } },
  'document.issue': { meaning: 'check form, number, date, organisation signature, register, issue', grants: { clerk: 'all' } },
  'document.send': { meaning: 'send, resend to a recipient', grants: { clerk: 'all' } },
  'document.recall': { meaning: 'decide recall, update, replacement', grants: { leader: 'all', deputy_leader: 'own' } },
  'incoming.register': { meaning: 'register or refuse an arrival; enter a paper document', grants: { clerk: 'all' } },
  'incoming.present': { meaning: 'present to a leader, or forward under a forwarding rule', grants: { clerk: 'all' } },
  'incoming.direct': { meaning: 'instruction, lead, coordinating, informed, deadline; file for information', grants: { leader: 'all', deputy_leader: 'own' } },
  'assignment.pass': { meaning: 'pass an assignment to unit members with a sub-deadline', grants: { leader: 'all', deputy_leader: 'all', head_of_unit: 'unit' } },
  'assignment.work': { meaning: 'comment, attach, coordinating opinion, start a reply', grants: { leader: 'all', deputy_leader: 'all', head_of_unit: 'unit', specialist: 'own' } },
  'assignment.finish': { meaning: 'finish a lead assignment; return a wrong one', grants: { leader: 'all', deputy_leader: 'all', head_of_unit: 'unit', specialist: 'own' } },
  'extension.request': { meaning: 'ask for more time', grants: { head_of_unit: 'both', specialist: 'request' } },
  'extension.decide': { meaning: 'grant or refuse more time', grants: { leader: 'decide', deputy_leader: 'decide', head_of_unit: 'both' } },
  'change.answer': { meaning: 'accept or refuse a recall, update or replacement (15/16)', grants: { clerk: 'all' } },
  'casefile.manage': { meaning: 'open, file into, close case files', grants: { leader: 'all', deputy_leader: 'all', head_of_unit: 'all', specialist: 'all' } },
  'register.read': { meaning: 'view registers', grants: { clerk: 'all', leader: 'all', deputy_leader: 'all' } },
  'register.export': { meaning: 'export registers', grants: { clerk: 'all', leader: 'all', deputy_leader: 'all' } },
  'register.manage': { meaning: 'registers, series, notation patterns, year closing', grants: { agency_admin: 'all' } },
  'agency.configure': { meaning: 'review chains, deadlines, forwarding rules, seal image, certificate', grants: { agency_admin: 'all' } },
  'user.manage': { meaning: 'users, units, roles of the own agency', grants: { agency_admin: 'all', system_operator: 'bootstrap' } },
  'delegation.manage': { meaning: 'own delegations (agency admin: anyone in the agency)', grants: { leader: 'own', deputy_leader: 'own', head_of_unit: 'own', agency_admin: 'all' } },
  'report.agency': { meaning: "own agency's workload (head of unit: own unit)", grants: { clerk: 'registers', leader: 'all', deputy_leader: 'all', head_of_unit: 'unit' } },
  'report.province': { meaning: 'indicators and evaluation reports across the province', grants: { provincial_supervisor: 'all' } },
  'directory.read': { meaning: 'browse and search the agency directory (names, codes, units)', grants: STAFF },
  'directory.manage': { meaning: 'agency tree and identifier codes; CSV import and export', grants: { provincial_supervisor: 'read', system_operator: 'all' } },
  'hub.operate': { meaning: 'queues, dead letters, peers, trust anchors, calendars, backups, audit verify', grants: { system_operator: 'all' } },
  // Supervisors and operators never see attachments (domain.md §4.1), so files are for the document roles only.
  'file.upload': { meaning: 'upload a file (attachment, working file) into the own agency', grants: { clerk: 'all', leader: 'all', deputy_leader: 'all', head_of_unit: 'all', specialist: 'all' } },
  'file.read': { meaning: "download a file of the own agency (document rules narrow this once files belong to documents)", grants: { clerk: 'all', leader: 'all', deputy_leader: 'all', head_of_unit: 'all', specialist: 'all' } },
  // Reader keys on each index entry narrow what each person finds (domain/search/readers.ts, domain.md §4.2).
  'document.search': { meaning: "search the agency's documents (only those the person may see)", grants: { clerk: 'own', leader: 'own', deputy_leader: 'own', head_of_unit: 'own', specialist: 'own' } },
  'signature.validate': { meaning: 'check the digital signatures of a PDF: an uploaded one, or a stored file of the own agency', grants: { clerk: 'all', leader: 'all', deputy_leader: 'all', head_of_unit: 'all', specialist: 'all', agency_admin: 'all' } },
} as const satisfies Record<string, PermissionDef>;

export type Permission = keyof typeof PERMISSIONS;

/** The scope a set of roles gives for a permission, or undefined (deny). Widest scope wins. */
export function scopeOf(roles: readonly Role[], permission: Permission): Scope | undefined {
  const grants: Partial<Record<Role, Scope>> = PERMISSIONS[permission].grants;
  const scopes = roles.map((r) => grants[r]).filter((s): s is Scope => s !== undefined);
  if (scopes.length === 0) return undefined;
  return scopes.includes('all') ? 'all' : scopes[0];
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return scopeOf(roles, permission) !== undefined;
}

/** Write access needs more than 'read'. */
export function canWrite(roles: readonly Role[], permission: Permission): boolean {
  const scope = scopeOf(roles, permission);
  return scope !== undefined && scope !== 'read';
}

export function abilities(roles: readonly Role[]): Partial<Record<Permission, Scope>> {
  const out: Partial<Record<Permission, Scope>> = {};
  for (const p of Object.keys(PERMISSIONS) as Permission[]) {
    const s = scopeOf(roles, p);
    if (s) out[p] = s;
  }
  return out;
}
