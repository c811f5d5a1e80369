/** Shared set-up for the incoming-document tests: a strict signing fake, arrivals through the hub, statuses read back. */
import { randomUUID } from 'node:crypto';
import { buildDocumentPackage } from '../../server/adapters/hub/edxml/build-document.ts';
import { parsePackage } from '../../server/adapters/hub/edxml/parse-package.ts';
import { draftPackage } from '../../server/adapters/hub/testing/samples.ts';
import { DEMO_PASSWORD } from '../../server/adapters/db/seed/seed-demo.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import type { IncomingDeps } from '../../server/app/incoming/incoming-deps.ts';
import { receiveArrivals } from '../../server/app/incoming/receive-arrivals.ts';
import type { DocumentSigning } from '../../server/app/ports/document-signing.ts';
import type { Mailer } from '../../server/app/ports/mailer.ts';
import { createUser } from '../../server/app/users/create-user.ts';
import type { Role } from '../../server/domain/access/roles.ts';
import type { DocumentValidation } from '../../server/domain/signature/validation-result.ts';
import { incomingDepsOf, pinIncomingDeps } from '../../server/entry/incoming/incoming-deps.ts';
import { NAMES, type TestEnv } from './harness.ts';
import { codeOf, hubDeps, sendThroughHub } from './hub-helpers.ts';

export const VALID: DocumentValidation = {
  status: 'VALID', reasons: [],
  signatures: [{ index: 1, fieldName: 'Sig1', status: 'VALID', reasons: [], signer: { commonName: 'Sở Tài chính', organisation: 'STC', serialNumber: '01', issuer: 'CA', subject: 'CN=STC' }, signingTime: '2026-03-01T02:00:00Z', subFilter: 'ETSI.CAdES.detached', coversWholeDocument: true }],
};
export const INVALID: DocumentValidation = { ...VALID, status: 'INVALID', reasons: ['DIGEST_MISMATCH'], signatures: [{ ...VALID.signatures[0]!, status: 'INVALID', reasons: ['DIGEST_MISMATCH'] }] };

/** A strict fake of the signing port: validate and signPackageXml only; anything else fails the test. */
export class FakeSigning implements DocumentSigning {
  validations: DocumentValidation[] = [];
  next: DocumentValidation = VALID;
  signedFor: string[] = [];
  validate(pdf: Uint8Array): Promise<DocumentValidation> {
    if (!Buffer.from(pdf.subarray(0, 5)).toString('latin1').startsWith('%PDF')) throw new Error('FakeSigning.validate: not a PDF');
    this.validations.push(this.next);
    return Promise.resolve(this.next);
  }
  signPackageXml(xml: Buffer, agencyCode: string): Promise<Buffer> {
    this.signedFor.push(agencyCode);
    return Promise.resolve(xml);
  }
  placeStampFields(): Promise<Uint8Array> { throw new Error('FakeSigning: placeStampFields not expected'); }
  signPersonal(): Promise<Uint8Array> { throw new Error('FakeSigning: signPersonal not expected'); }
  fillStampFields(): Promise<Uint8Array> { throw new Error('FakeSigning: fillStampFields not expected'); }
  signOrganisation(): Promise<Uint8Array> { throw new Error('FakeSigning: signOrganisation not expected'); }
  signAttachment(): Promise<Uint8Array> { throw new Error('FakeSigning: signAttachment not expected'); }
}

/** Validation and package signing through the fake (results chosen per test, no key generation). */
export function incomingDeps(e: TestEnv, signing: FakeSigning, extra: Partial<IncomingDeps> & { mailer?: Mailer } = {}): IncomingDeps {
  return incomingDepsOf(e.deps, { signing, signPackage: signing, clock: e.clock, ...extra });
}

/**
 * Makes the HTTP routes of this test application use the fake too. Suites that check the workflow
 * (not signatures) call it: generating the test CA's keys costs minutes on a loaded machine. The
 * arrival suite keeps the real adapter (deps.signing) behind the routes.
 */
export function pinFakeSigning(e: TestEnv, signing: FakeSigning): void {
  pinIncomingDeps(e.deps, incomingDeps(e, signing));
}

export interface ArrivalOptions {
  number?: string;
  notation?: string;
  dueDate?: string;
  priority?: string;
  subject?: string;
  typeName?: string;
  /** PromulgationDate as on the wire, default 2026/02/27 (it is part of the DocumentId). */
  promulgationDate?: string;
  /** The main file; default a small unsigned PDF. */
  pdf?: Buffer;
}

/** Sở Tài chính sends a document to Sở Nội vụ through the hub; it is delivered and turned into an arrival. */
export async function arriveFromStc(e: TestEnv, deps: IncomingDeps, options: ArrivalOptions = {}): Promise<{ id: string; documentId: string; packageId: string }> {
  const stc = await codeOf(e, NAMES.STC);
  const snv = await codeOf(e, NAMES.SNV);
  const draft = draftPackage({ packageId: randomUUID() });
  const built = buildDocumentPackage({
    ...draft,
    MessageHeader: {
      ...draft.MessageHeader,
      From: { OrganId: stc.code, OrganName: 'Sở Tài chính tỉnh Bạc Liêu' },
      To: [{ OrganId: snv.code, OrganName: 'Sở Nội vụ tỉnh Bạc Liêu' }],
      Code: { CodeNumber: options.number ?? '125', CodeNotation: options.notation ?? 'STC-NS' },
      PromulgationInfo: { Place: 'Bạc Liêu', PromulgationDate: options.promulgationDate ?? '2026/02/27' },
      DocumentType: { TypeName: options.typeName ?? 'Công văn' },
      Subject: options.subject ?? 'V/v báo cáo biên chế năm 2026',
      DueDate: options.dueDate ?? '2026/03/31',
      OtherInfo: { ...draft.MessageHeader.OtherInfo, Priority: options.priority ?? '0' },
    },
    TraceHeader: [{ OrganId: stc.code, Timestamp: '2026/02/27 09:00:00' }],
    ...(options.pdf ? { attachments: [{ AttachmentName: 'van-ban.pdf', ContentType: 'application/pdf', Description: 'Văn bản chính', bytes: options.pdf }] } : {}),
  });
  await sendThroughHub(e, stc, [snv.code], { packageId: built.packageId, documentId: built.documentId, bytes: built.bytes });
  await deliverDue(hubDeps(e));
  await receiveArrivals(deps);
  const row = await e.database.db.selectFrom('incoming_documents').select('id').where('package_id', '=', built.packageId).executeTakeFirstOrThrow();
  return { id: row.id, documentId: built.documentId, packageId: built.packageId };
}

/** Statuses that reached the sender (Sở Tài chính's hub inbox) about a document, in delivery order. */
export async function statusesAtSender(e: TestEnv, documentId: string): Promise<{ code: string; description: string; timestamp: string }[]> {
  await deliverDue(hubDeps(e));
  const stcId = await e.agencyId(NAMES.STC);
  const rows = await e.database.db.selectFrom('hub_inbox as i').innerJoin('hub_deliveries as d', 'd.id', 'i.delivery_id').select(['i.payload_sha256'])
    .where('i.agency_id', '=', stcId).where('i.kind', '=', 'status').where('i.document_id', '=', documentId).orderBy('d.seq').execute();
  const out = [];
  for (const r of rows) {
    const chunks: Buffer[] = [];
    for await (const c of await e.deps.files.get(r.payload_sha256)) chunks.push(c as Buffer);
    const parsed = parsePackage(Buffer.concat(chunks));
    if (parsed.kind !== 'status') throw new Error('not a status');
    out.push({ code: parsed.package.StatusCode, description: parsed.package.Description ?? '', timestamp: parsed.package.Timestamp });
  }
  return out;
}

/** A user of Sở Nội vụ created for a test (demo password), idempotently. */
export async function ensureUser(e: TestEnv, username: string, roles: Role[], options: { unit?: string; email?: string; agency?: string } = {}): Promise<string> {
  const agencyId = await e.agencyId(options.agency ?? NAMES.SNV);
  // Read outside the transaction: on PGlite one connection serves both, and a query beside an open transaction waits forever.
  const unitId = options.unit
    ? (await e.database.db.selectFrom('units').select('id').where('agency_id', '=', agencyId).where('name', '=', options.unit).executeTakeFirstOrThrow()).id
    : null;
  return e.deps.uow.run(async (tx) => {
    const known = await tx.users.findByUsername(username);
    if (known) return known.id;
    const u = await createUser(tx, { hasher: e.deps.hasher, clock: e.clock }, null, {
      agencyId, unitId, username, fullName: `Người thử ${username}`, title: 'Chuyên viên', roles, password: DEMO_PASSWORD, skipPasswordPolicy: true, email: options.email ?? null,
    });
    return u.id;
  });
}

export async function userIdOf(e: TestEnv, username: string): Promise<string> {
  return (await e.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export const UNIT_CCVC = 'Phòng Công chức, viên chức';
export const UNIT_TCBC = 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ';
