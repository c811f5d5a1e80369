/** Sở Tài chính sends Sở Nội vụ a package of any business type (exchange.md §2.8) through the hub, then the arrival step runs. */
import { randomUUID } from 'node:crypto';
import { buildDocumentPackage } from '../../server/adapters/hub/edxml/build-document.ts';
import { draftPackage } from '../../server/adapters/hub/testing/samples.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { sendPackage, storePackagePayload } from '../../server/app/hub/send-package.ts';
import type { IncomingDeps } from '../../server/app/incoming/incoming-deps.ts';
import { receiveArrivals } from '../../server/app/incoming/receive-arrivals.ts';
import type { Bussiness } from '../../server/domain/exchange/package.ts';
import { NAMES, type TestEnv } from './harness.ts';
import { codeOf, hubDeps } from './hub-helpers.ts';

export interface StcPackage {
  number: string;
  subject?: string;
  /** Default type 0. */
  business?: Omit<Bussiness, 'Paper'>;
}

export async function snvCode(e: TestEnv): Promise<string> {
  return (await codeOf(e, NAMES.SNV)).code;
}

export async function sendFromStc(e: TestEnv, deps: IncomingDeps, p: StcPackage): Promise<{ packageId: string; documentId: string }> {
  const stc = await codeOf(e, NAMES.STC);
  const snv = await codeOf(e, NAMES.SNV);
  const draft = draftPackage({ packageId: randomUUID() });
  const business: Bussiness = { BussinessDocType: '0', ...p.business, Paper: '0' };
  const built = buildDocumentPackage({
    ...draft,
    MessageHeader: {
      ...draft.MessageHeader,
      From: { OrganId: stc.code, OrganName: 'Sở Tài chính tỉnh Bạc Liêu' },
      To: [{ OrganId: snv.code, OrganName: 'Sở Nội vụ tỉnh Bạc Liêu' }],
      Code: { CodeNumber: p.number, CodeNotation: 'STC-NS' },
      PromulgationInfo: { Place: 'Bạc Liêu', PromulgationDate: '2026/02/27' },
      DocumentType: { TypeName: 'Công văn' },
      Subject: p.subject ?? `Công văn số ${p.number}`,
      DueDate: '2026/06/30',
      OtherInfo: { ...draft.MessageHeader.OtherInfo, Priority: '0' },
    },
    TraceHeader: [{ OrganId: stc.code, Timestamp: '2026/02/27 09:00:00' }],
    Bussiness: business,
  });
  const payload = await storePackagePayload(e.deps.files, built.bytes);
  const target = business.BussinessDocType === '1' || business.BussinessDocType === '2' ? (business.DocumentId ?? built.documentId) : built.documentId;
  await e.deps.uow.run((tx) => sendPackage(tx, { clock: e.clock }, {
    packageId: built.packageId, kind: 'document', senderAgencyId: stc.agencyId, senderCode: stc.code, receiverCodes: [snv.code],
    businessType: business.BussinessDocType, documentId: built.documentId, orderingDocumentId: target, payload,
  }));
  await deliverDue(hubDeps(e));
  await receiveArrivals(deps);
  return { packageId: built.packageId, documentId: built.documentId };
}

/** The Sở Nội vụ incoming documents holding a DocumentId, oldest first. */
export async function docsWith(e: TestEnv, documentId: string) {
  return e.database.db.selectFrom('incoming_documents').select(['id', 'state', 'subject', 'warnings', 'duplicate_of', 'outcome_note'])
    .where('document_id', '=', documentId).where('agency_id', '=', await e.agencyId(NAMES.SNV)).orderBy('created_at').orderBy('id').execute();
}
