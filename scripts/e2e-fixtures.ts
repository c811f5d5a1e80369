/**
 * Test-only fixtures for the browser tests, run by playwright.config.ts before the server starts
 * (the embedded database admits one process at a time). It migrates and seeds the fresh
 * .tmp/e2e-data database as `lienthong start` would, then hands the hub a document package from
 * Sở Tài chính to Sở Nội vụ exactly as an issuing flow does (sendPackage): once the server runs,
 * its worker delivers it locally and the incoming-document module turns it into an arrival.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../server/config/env.ts';
import { openDatabase, targetFromConfig } from '../server/adapters/db/database.ts';
import { migrateToLatest } from '../server/adapters/db/migrator.ts';
import { isEmpty } from '../server/adapters/db/seed/seed-demo.ts';
import { seedDemoProvince } from '../server/adapters/db/seed/seed-demo-province.ts';
import { buildDocumentPackage } from '../server/adapters/hub/edxml/build-document.ts';
import { sendPackage, storePackagePayload } from '../server/app/hub/send-package.ts';
import { composeDeps } from '../server/entry/compose.ts';

export const E2E_INCOMING_SUBJECT = 'V/v báo cáo tình hình biên chế năm 2026 (kiểm thử liên thông)';

const config = loadConfig();
const database = await openDatabase(targetFromConfig(config));
await migrateToLatest(database.db);
const deps = composeDeps(config, database);
if (config.demoMode && (await isEmpty(database.db))) await seedDemoProvince(database.db, { hasher: deps.hasher, clock: deps.clock });

async function codeOf(name: string): Promise<{ agencyId: string; code: string }> {
  const row = await database.db.selectFrom('agency_codes as c').innerJoin('agencies as a', 'a.id', 'c.agency_id').select(['a.id', 'c.code'])
    .where('a.name', '=', name).where('c.valid_to', 'is', null).executeTakeFirstOrThrow();
  return { agencyId: row.id, code: row.code };
}

const stc = await codeOf('Sở Tài chính tỉnh Bạc Liêu');
const snv = await codeOf('Sở Nội vụ tỉnh Bạc Liêu');
const built = buildDocumentPackage({
  packageId: randomUUID(),
  MessageHeader: {
    From: { OrganId: stc.code, OrganName: 'Sở Tài chính tỉnh Bạc Liêu', OrganAdd: 'Bạc Liêu' },
    To: [{ OrganId: snv.code, OrganName: 'Sở Nội vụ tỉnh Bạc Liêu' }],
    Code: { CodeNumber: '88', CodeNotation: 'STC-NS' },
    PromulgationInfo: { Place: 'Bạc Liêu', PromulgationDate: '2026/03/02' },
    DocumentType: { TypeName: 'Công văn' },
    Subject: E2E_INCOMING_SUBJECT,
    SignerInfo: { Competence: 'KT. GIÁM ĐỐC', Position: 'Phó Giám đốc', FullName: 'Hồ Văn Chính' },
    OtherInfo: { Priority: '0', SphereOfPromulgation: 'Công khai', PromulgationAmount: '1', PageAmount: '1' },
  },
  TraceHeader: [{ OrganId: stc.code, Timestamp: '2026/03/02 08:00:00' }],
  Bussiness: { BussinessDocType: '0', StaffInfo: { Department: 'Văn thư', Staff: 'Trương Thị Tài' }, Paper: '0' },
  attachments: [{ AttachmentName: '88-STC-NS.pdf', ContentType: 'application/pdf', Description: 'Văn bản chính', bytes: Buffer.from('%PDF-1.4\n% văn bản kiểm thử\n%%EOF\n') }],
});
const payload = await storePackagePayload(deps.files, built.bytes);
await deps.uow.run((tx) => sendPackage(tx, { clock: deps.clock }, {
  packageId: built.packageId, kind: 'document', senderAgencyId: stc.agencyId, senderCode: stc.code, receiverCodes: [snv.code], businessType: '0',
  documentId: built.documentId, payload,
}));
await database.close();
console.log(`e2e fixtures: package ${built.packageId} from ${stc.code} to ${snv.code} in the hub's custody`);
