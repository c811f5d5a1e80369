/** Shared set-up for the outgoing-document tests: registers, uploads, a draft walked to signature, statuses sent back. */
import { randomUUID } from 'node:crypto';
import { buildStatusPackage } from '../../server/adapters/hub/edxml/build-status.ts';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { sendPackage, storePackagePayload } from '../../server/app/hub/send-package.ts';
import { createDefaultRegisters } from '../../server/app/registers/create-register.ts';
import { formatWireTimestamp } from '../../server/domain/exchange/wire-dates.ts';
import type { Session, TestEnv } from './harness.ts';
import { NAMES } from './harness.ts';
import { codeOf, hubDeps } from './hub-helpers.ts';

export async function openRegisters(e: TestEnv, agencyName: string = NAMES.SNV): Promise<void> {
  const agencyId = await e.agencyId(agencyName);
  await e.deps.uow.run((tx) => createDefaultRegisters(tx, { clock: e.clock }, null, agencyId));
}

export async function uploadPdf(e: TestEnv, session: Session, name = 'du-thao.pdf', bytes?: Uint8Array): Promise<string> {
  const body = Buffer.from(bytes ?? (await samplePdf(1)));
  const res = await e.request(session, { method: 'POST', url: '/api/files', payload: body, headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(name) } });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export async function userId(e: TestEnv, username: string): Promise<string> {
  return (await e.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export interface Actors {
  specialist: Session;
  head: Session;
  leader: Session;
  clerk: Session;
}

export async function loginAll(e: TestEnv): Promise<Actors> {
  return {
    specialist: await e.login('chuyenvien.snv'),
    head: await e.login('truongphong.snv'),
    leader: await e.login('giamdoc.snv'),
    clerk: await e.login('vanthu.snv'),
  };
}

/** A draft by the specialist, addressed to the given agencies, signer the director. */
export async function createDraft(e: TestEnv, a: Actors, recipients: string[], extra: Record<string, unknown> = {}): Promise<{ id: string; version: number; state: string }> {
  const mainFileId = await uploadPdf(e, a.specialist);
  const res = await e.request(a.specialist, {
    method: 'POST', url: '/api/outgoing',
    payload: {
      typeCode: 'decision', subject: 'Quyết định về việc cử cán bộ đi học', urgency: 'urgent', mainFileId, signerId: await userId(e, 'giamdoc.snv'),
      recipientAgencyIds: await Promise.all(recipients.map((n) => e.agencyId(n))), toPlaces: 'Như trên;\nLưu: VT, CCVC.', copies: 3, ...extra,
    },
  });
  if (res.statusCode !== 201) throw new Error(`draft failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function post(e: TestEnv, s: Session, url: string, payload: Record<string, unknown> = {}) {
  return e.request(s, { method: 'POST', url, payload });
}

/** Draft → head approves → leader signs: a document ready for the clerk. */
export async function signedDocument(e: TestEnv, a: Actors, recipients: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const { id } = await createDraft(e, a, recipients, extra);
  for (const [s, url] of [[a.specialist, 'submit'], [a.head, 'approve'], [a.leader, 'sign']] as const) {
    const res = await post(e, s, `/api/outgoing/${id}/${url}`);
    if (res.statusCode !== 200) throw new Error(`${url} failed: ${res.statusCode} ${res.body}`);
  }
  return id;
}

/** The recipient agency sends a business status back through the hub, and the hub delivers it. */
export async function sendStatusBack(e: TestEnv, fromAgency: string, toAgency: string, documentId: string, code: string, description?: string, at?: Date): Promise<void> {
  const from = await codeOf(e, fromAgency);
  const to = await codeOf(e, toAgency);
  const bytes = buildStatusPackage({
    From: { OrganId: from.code, OrganName: fromAgency }, ResponseFor: { OrganId: to.code, DocumentId: documentId },
    StaffInfo: { Staff: 'Văn thư' }, StatusCode: code as never, ...(description && { Description: description }), Timestamp: formatWireTimestamp(at ?? e.clock.now()),
  });
  const payload = await storePackagePayload(e.deps.files, bytes);
  await e.deps.uow.run((tx) => sendPackage(tx, { clock: e.clock }, {
    packageId: randomUUID(), kind: 'status', senderAgencyId: from.agencyId, senderCode: from.code, receiverCodes: [to.code], businessType: null,
    documentId, payload,
  }));
  await deliverDue(hubDeps(e));
}
