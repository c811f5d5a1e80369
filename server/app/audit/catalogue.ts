/**
 * The typed catalogue of audit events. Every mutation writes one of these in the same
 * transaction (design.md habit 7); docs/audit-events.md is generated from this table.
 */
export const AUDIT_EVENTS = {
  'agency.created': 'An agency was added to the directory.',
  'agency.updated': "An agency's name, level, parent, contacts or focal point changed.",
  'agency.deactivated': 'An agency was marked inactive (its history stays readable).',
  'agency.reactivated': 'An inactive agency was made active again.',
  'agency.code_assigned': 'An identifier code was opened for an agency (valid from a date).',
  'agency.code_closed': 'An identifier code was closed (valid to a date).',
  'agency.imported': 'A CSV import of the directory was applied (one event per import, with counts).',
  'unit.created': 'A unit (phòng, ban) was added inside an agency.',
  'unit.updated': 'A unit was renamed, moved, made focal point or deactivated.',
  'user.created': 'A user account was created.',
  'user.updated': "A user's name, title, unit, e-mail or active flag changed.",
  'user.roles_changed': "A user's roles changed (old and new sets recorded).",
  'user.password_changed': 'A user changed their password, or an administrator reset it.',
  'auth.login_succeeded': 'A user logged in (a session was created).',
  'auth.login_failed': 'A login failed (the failure counter changed).',
  'auth.account_locked': 'An account was locked after too many failed logins.',
  'auth.logged_out': 'A session was ended by its user.',
  'seed.demo_loaded': 'The demo province was seeded into an empty database.',
  'file.stored': 'A file was stored in the file store (content-addressed).',
  'file.downloaded': 'A stored file was downloaded (domain.md §4.2: every view, download and print is logged).',
  'hub.peer_registered': 'A peer hub was registered with its code groups, endpoint, certificate and credentials.',
  'hub.dead_letter_resent': 'An operator resent a dead letter (same package id and bytes, new attempt series).',
  'register.created': 'A register (sổ đăng ký văn bản) was opened: direction, year, types covered, notation pattern.',
  'register.number_allocated': 'A number was taken from a register\'s yearly counter (number, notation, what it numbers).',
  'register.number_voided': 'A taken number was voided (hủy số) with its reason; its register line stays.',
  'signing.key_imported': "An agency administrator imported a PKCS#12 signing key (organisation seal or a signer's); the previous one is retired. Subject and serial only, never key material.",
  'signing.key_issued': 'Demo mode: the built-in test CA issued a signing key on first use.',
  'signing.trust_anchor_added': 'The system operator added a trust anchor (root or intermediate CA certificate).',
  'signing.trust_anchor_removed': 'The system operator removed a trust anchor.',
  'signing.revocation_source_added': 'The system operator added a revocation source (a CRL URL or an uploaded CRL).',
  'signing.revocation_source_removed': 'The system operator removed a revocation source.',
  'signing.image_uploaded': "A seal image (agency) or handwritten-signature image (signer) was uploaded with its validity period (hash and size recorded).",
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENTS;
