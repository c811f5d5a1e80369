/**
 * Test-only fixtures for the browser tests, run by playwright.config.ts before the server starts
 * (an embedded database admits one process at a time). It prepares both deployments of
 * tests/e2e/instances.ts:
 * - Bạc Liêu (this process's environment, .tmp/e2e-data): migrated and seeded as `lienthong start`
 *   would; Sở Nội vụ tỉnh Cà Mau added to its directory (a recipient the specialist can pick); a
 *   specialist and a head of unit for Sở Tài chính; and a document issued by Sở Tài chính to Sở Nội vụ
 *   through the outgoing module (the real routes, in process), so that once the server runs its
 *   worker delivers it and the incoming test has a sender with a tracking view.
 * - Cà Mau (tests/e2e/instances.ts peerEnv): a fresh database with the Cà Mau directory and a clerk of
 *   its Sở Nội vụ.
 * The hubs are registered as each other's peers (level-1 groups H04 and H12), each with the
 * certificate of the organisation key the other side signs its packages with, as two operators would
 * agree them. global-setup.ts starts Cà Mau.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../server/config/env.ts';
import { openDatabase, targetFromConfig, type Database } from '../server/adapters/db/database.ts';
import { migrateToLatest } from '../server/adapters/db/migrator.ts';
import { isEmpty } from '../server/adapters/db/seed/seed-demo.ts';
import { seedDemoProvince } from '../server/adapters/db/seed/seed-demo-province.ts';
import { samplePdf } from '../server/adapters/signing/testing/test-pki.ts';
import { DbKeyStore } from '../server/adapters/signing/store/db-key-store.ts';
import { runImport } from '../server/app/agencies/import-agencies.ts';
import { registerPeer } from '../server/app/hub/register-peer.ts';
import { createDefaultRegisters } from '../server/app/registers/create-register.ts';
import { createUser } from '../server/app/users/create-user.ts';
import { composeDeps } from '../server/entry/compose.ts';
import type { AppDeps } from '../server/entry/http/deps.ts';
import { buildServer } from '../server/entry/http/server.ts';
import { trustCa } from '../tests/integration/hub-helpers.ts';
import { MAIN_PORT, PEER_CLERK, PEER_URL, dropPeerDatabase, peerEnv } from '../tests/e2e/instances.ts';

export const E2E_INCOMING_SUBJECT = 'V/v báo cáo tình hình biên chế năm 2026 (kiểm thử liên thông)';
const DEMO_PASSWORD = 'lienthong@2024';
const CA_MAU_CSV = path.resolve(import.meta.dirname, '../tests/exchange/fixtures/ca-mau-agencies.csv');
const token = () => randomBytes(32).toString('base64url');

async function open(config: Config): Promise<{ database: Database; deps: AppDeps }> {
  const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, max: 2 } : targetFromConfig(config));
  await migrateToLatest(database.db);
  return { database, deps: composeDeps(config, database) };
}

async function agencyOf(deps: AppDeps, name: string): Promise<{ agencyId: string; code: string }> {
  const row = await deps.database.db.selectFrom('agency_codes as c').innerJoin('agencies as a', 'a.id', 'c.agency_id').select(['a.id', 'c.code'])
    .where('a.name', '=', name).where('c.valid_to', 'is', null).executeTakeFirstOrThrow();
  return { agencyId: row.id, code: row.code };
}

/** The certificate of the agency's organisation key, issued by the demo CA now if it has none yet: what its packages are signed with. */
async function organisationCertificate(deps: AppDeps, code: string): Promise<string> {
  await deps.signing.signPackageXml(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<key-check>organisation key</key-check>\n'), code);
  const record = await new DbKeyStore(deps.database.db, { now: () => deps.clock.now() }).get({ kind: 'organisation', agencyCode: code });
  const der = record!.certificateChain[0]!;
  return `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

async function addUser(deps: AppDeps, agencyId: string, unitName: string | null, u: { username: string; fullName: string; title: string; role: string }): Promise<void> {
  // Read before the transaction: the embedded database has one connection.
  const unitId = unitName ? (await deps.database.db.selectFrom('units').select('id').where('agency_id', '=', agencyId).where('name', '=', unitName).executeTakeFirstOrThrow()).id : null;
  await deps.uow.run(async (tx) => {
    await createUser(tx, deps, null, { agencyId, unitId, username: u.username, fullName: u.fullName, title: u.title, roles: [u.role], password: DEMO_PASSWORD });
  });
}

/**
 * Sở Tài chính issues a công văn to Sở Nội vụ the way its people would, through the HTTP routes in
 * process: specialist drafts, head of unit approves, director signs, clerk numbers and issues.
 */
async function issueFromFinanceToHomeAffairs(deps: AppDeps): Promise<string> {
  const app = await buildServer(deps, { logger: false });
  await app.ready();
  try {
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'lt_session')!;
      return { cookie: `lt_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
    };
    const call = async (headers: Record<string, string>, method: 'POST' | 'GET', url: string, payload?: unknown, extra: Record<string, string> = {}) => {
      const res = await app.inject({ method, url, headers: { ...headers, ...extra }, ...(payload !== undefined && { payload: payload as never }) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Record<string, unknown>;
    };
    const specialist = await login('chuyenvien.stc');
    const file = await call(specialist, 'POST', '/api/files', Buffer.from(await samplePdf(1)), { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('bao-cao-bien-che.pdf') });
    const snv = await agencyOf(deps, 'Sở Nội vụ tỉnh Bạc Liêu');
    const signer = await deps.database.db.selectFrom('users').select('id').where('username', '=', 'giamdoc.stc').executeTakeFirstOrThrow();
    const draft = await call(specialist, 'POST', '/api/outgoing', {
      typeCode: 'official_letter', subject: E2E_INCOMING_SUBJECT, urgency: 'normal', mainFileId: file.id, signerId: signer.id,
      recipientAgencyIds: [snv.agencyId], toPlaces: 'Như trên;\nLưu: VT, QLNS.', copies: 2,
    });
    const id = draft.id as string;
    await call(specialist, 'POST', `/api/outgoing/${id}/submit`, {});
    await call(await login('truongphong.stc'), 'POST', `/api/outgoing/${id}/approve`, {});
    await call(await login('giamdoc.stc'), 'POST', `/api/outgoing/${id}/sign`, {});
    const issued = await call(await login('vanthu.stc'), 'POST', `/api/outgoing/${id}/issue`, {});
    return `${String(issued.codeNumber)}/${String(issued.codeNotation)}`;
  } finally {
    await app.close();
  }
}

// Bạc Liêu, the main deployment.
const configA = loadConfig();
const a = await open(configA);
if (configA.demoMode && (await isEmpty(a.database.db))) await seedDemoProvince(a.database.db, { hasher: a.deps.hasher, clock: a.deps.clock });
const caMauRows = readFileSync(CA_MAU_CSV, 'utf8').split('\n').filter((l, i) => i === 0 || l.startsWith('province,') || l.includes(`,${PEER_CLERK.agency},`));
await runImport(a.deps.uow, { clock: a.deps.clock }, null, caMauRows.join('\n'));
const stc = await agencyOf(a.deps, 'Sở Tài chính tỉnh Bạc Liêu');
await addUser(a.deps, stc.agencyId, 'Phòng Quản lý ngân sách', { username: 'chuyenvien.stc', fullName: 'Đoàn Thị Ngân', title: 'Chuyên viên', role: 'specialist' });
await addUser(a.deps, stc.agencyId, 'Phòng Quản lý ngân sách', { username: 'truongphong.stc', fullName: 'Tạ Văn Sách', title: 'Trưởng phòng', role: 'head_of_unit' });
// A công văn's notation names the drafting unit (…/STC-QLNS): the demo units have no abbreviation.
await a.database.db.updateTable('units').set({ abbreviation: 'QLNS' }).where('agency_id', '=', stc.agencyId).where('name', '=', 'Phòng Quản lý ngân sách').execute();
await a.deps.uow.run((tx) => createDefaultRegisters(tx, { clock: a.deps.clock }, null, stc.agencyId));

// Cà Mau, the peer.
await dropPeerDatabase({ recreate: true });
const b = await open(loadConfig(peerEnv()));
await runImport(b.deps.uow, { clock: b.deps.clock }, null, readFileSync(CA_MAU_CSV, 'utf8'));
const snvCaMau = await agencyOf(b.deps, PEER_CLERK.agency);
await addUser(b.deps, snvCaMau.agencyId, null, { username: PEER_CLERK.username, fullName: 'Lâm Thị Cà', title: 'Văn thư', role: 'clerk' });

// Each other's peer hub, with the certificate of the key the other side's sender signs with.
// The browser deployments run without HUB_SIGNING_KEY_FILE, so their acknowledgements are unsigned:
// each side accepts that (`unsigned-allowed`; signed packages are still checked against the
// certificate). Signed acknowledgements (C60) are covered by tests/exchange and hub-receipts.test.ts.
const snvBacLieu = await agencyOf(a.deps, 'Sở Nội vụ tỉnh Bạc Liêu');
const certA = await organisationCertificate(a.deps, snvBacLieu.code);
const certB = await organisationCertificate(b.deps, snvCaMau.code);
// Each operator trusts the other's demo CA and takes its current CRL, so the peers' default
// certificate check (exchange.md §2.7: anchor, validity, revocation) passes.
const caFiles = (config: Config) => [readFileSync(path.join(config.signing.caDir, 'root.crt')), readFileSync(path.join(config.signing.caDir, 'crl', 'root.crl'))] as const;
await trustCa(a.deps, ...caFiles(b.deps.config));
await trustCa(b.deps, ...caFiles(configA));
const tokens = { aToB: token(), bToA: token() };
await a.deps.uow.run((tx) =>
  registerPeer(tx, null, { name: 'hub-camau', codePrefixes: ['H12'], endpointUrl: `${PEER_URL}/`, certificatePem: certB, inboundToken: tokens.bToA, outboundToken: tokens.aToB, signaturePolicy: 'unsigned-allowed' }));
await b.deps.uow.run((tx) =>
  registerPeer(tx, null, { name: 'hub-baclieu', codePrefixes: ['H04'], endpointUrl: `http://127.0.0.1:${MAIN_PORT}/`, certificatePem: certA, inboundToken: tokens.aToB, outboundToken: tokens.bToA, signaturePolicy: 'unsigned-allowed' }));
await b.database.close();

const number = await issueFromFinanceToHomeAffairs(a.deps);
await a.database.close();
console.log(`e2e fixtures: ${number} issued by Sở Tài chính to Sở Nội vụ; Cà Mau prepared at ${PEER_URL}`);
