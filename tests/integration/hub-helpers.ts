/** Shared set-up for the hub's integration tests: codes of demo agencies, packages, peers, a fake peer hub. */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDocumentPackage } from '../../server/adapters/hub/edxml/build-document.ts';
import { DEFAULT_LIMITS } from '../../server/adapters/hub/edxml/constants.ts';
import { EdxmlPackageReader } from '../../server/adapters/hub/package-reader.ts';
import { HttpPeerClient } from '../../server/adapters/hub/peer-client.ts';
import { RsaReceiptSignatures } from '../../server/adapters/hub/receipt-signatures.ts';
import { draftPackage } from '../../server/adapters/hub/testing/samples.ts';
import type { SignOptions } from '../../server/adapters/hub/xml-signature.ts';
import type { Acknowledgement } from '../../server/app/ports/hub-wire.ts';
import { DEFAULT_HUB_SETTINGS, withHubDefaults, type HubDeps } from '../../server/app/hub/hub-deps.ts';
import { registerPeer, type RegisterPeerInput } from '../../server/app/hub/register-peer.ts';
import { sendPackage, storePackagePayload } from '../../server/app/hub/send-package.ts';
import { addRevocationSource } from '../../server/app/signing/manage-revocation-sources.ts';
import { addTrustAnchor } from '../../server/app/signing/manage-trust-anchors.ts';
import type { AppDeps } from '../../server/entry/http/deps.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../server/domain/exchange/retry-policy.ts';
import type { TestEnv } from './harness.ts';

export function hubDeps(e: TestEnv, retry: Partial<RetryPolicy> = {}): HubDeps {
  return withHubDefaults({
    uow: e.deps.uow, clock: e.clock, files: e.deps.files, reader: new EdxmlPackageReader(DEFAULT_LIMITS, e.deps.signingTrust), peers: new HttpPeerClient({ timeoutMs: 3000 }), receipts: new RsaReceiptSignatures(),
    settings: DEFAULT_HUB_SETTINGS, retry: { ...DEFAULT_RETRY_POLICY, ...retry }, random: () => 0.5,
  });
}

/** The open identifier code of a demo agency. */
export async function codeOf(e: TestEnv, agencyName: string): Promise<{ agencyId: string; code: string }> {
  const row = await e.database.db
    .selectFrom('agency_codes as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(['a.id', 'c.code'])
    .where('a.name', '=', agencyName)
    .where('c.valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  return { agencyId: row.id, code: row.code };
}

/** A local organ with the given code, for packages addressed with the shared samples' codes. */
export async function addLocalOrgan(e: TestEnv, name: string, code: string): Promise<string> {
  const a = await e.database.db
    .insertInto('agencies')
    .values({ name, short_name: name, abbreviation: null, level: 'district', parent_id: null, served_by_id: null, place_name: null, address: null, contact_email: null, existed_from: null, existed_to: null, note: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await e.database.db.insertInto('agency_codes').values({ agency_id: a.id, code, valid_from: '2019-01-01', valid_to: null, source: 'test', successor_code: null }).execute();
  return a.id;
}

export interface TestPackage {
  packageId: string;
  documentId: string;
  bytes: Buffer;
}

/** A document package from `from` to `to`, as the issuing flow would build it. */
export function documentPackage(from: string, to: string[], options: { number?: string; revoke?: string; signer?: SignOptions; sphere?: string; timestamp?: string } = {}): TestPackage {
  const draft = draftPackage({ packageId: randomUUID() });
  const built = buildDocumentPackage(
    {
      ...draft,
      MessageHeader: {
        ...draft.MessageHeader,
        From: { ...draft.MessageHeader.From, OrganId: from },
        To: to.map((OrganId) => ({ OrganId })),
        Code: { CodeNumber: options.number ?? '125', CodeNotation: 'SNV-VP' },
        OtherInfo: { ...draft.MessageHeader.OtherInfo, ...(options.sphere ? { SphereOfPromulgation: options.sphere } : {}) },
      },
      TraceHeader: [{ OrganId: from, Timestamp: options.timestamp ?? '2026/03/02 09:00:00' }],
      Bussiness: options.revoke
        ? { BussinessDocType: '1', BussinessDocReason: 'Thu hồi để sửa sai sót', DocumentId: options.revoke }
        : draft.Bussiness,
      attachments: options.revoke ? [] : draft.attachments,
    },
    options.signer ? { signer: options.signer } : {},
  );
  return { packageId: built.packageId, documentId: built.documentId, bytes: built.bytes };
}

/** Sends a package from a local agency through the hub, as the issuing flow does. */
export async function sendThroughHub(e: TestEnv, sender: { agencyId: string; code: string }, to: string[], pkg: TestPackage, options: { revokes?: string } = {}) {
  const payload = await storePackagePayload(e.deps.files, pkg.bytes);
  return e.deps.uow.run((tx) =>
    sendPackage(tx, { clock: e.clock }, {
      packageId: pkg.packageId, kind: 'document', senderAgencyId: sender.agencyId, senderCode: sender.code, receiverCodes: to,
      businessType: options.revokes ? '1' : '0', documentId: pkg.documentId, ...(options.revokes ? { orderingDocumentId: options.revokes } : {}), payload,
    }),
  );
}

/**
 * What a system operator does before a peer's packages pass exchange.md §2.7's check (`lienthong trust
 * add`, `lienthong crl add`): its CA becomes a trust anchor (unless it is one already) and, when given,
 * its CRL a revocation source.
 */
export async function trustCa(deps: Pick<AppDeps, 'uow' | 'signingVault'>, caPem: string | Uint8Array, crl?: string | Uint8Array): Promise<void> {
  const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? new Uint8Array(Buffer.from(v)) : v);
  const { info } = deps.signingVault.describeCertificate(bytes(caPem));
  await deps.uow.run(async (tx) => {
    if (!(await tx.signing.findTrustAnchorByFingerprint(info.fingerprint))) await addTrustAnchor(tx, { vault: deps.signingVault }, null, { kind: 'root', certificate: bytes(caPem) });
    if (crl) await addRevocationSource(tx, { vault: deps.signingVault }, null, { crl: bytes(crl) });
  });
}

export async function addPeer(e: TestEnv, input: Partial<RegisterPeerInput> & Pick<RegisterPeerInput, 'name' | 'codePrefixes'>) {
  return e.deps.uow.run((tx) => registerPeer(tx, null, input));
}

export async function deliveriesOf(e: TestEnv, packageId: string) {
  return e.database.db.selectFrom('hub_deliveries').selectAll().where('package_id', '=', packageId).orderBy('seq').execute();
}

export async function inboxOf(e: TestEnv, agencyId: string) {
  return e.database.db.selectFrom('hub_inbox').selectAll().where('agency_id', '=', agencyId).orderBy('received_at').execute();
}

export async function traceKinds(e: TestEnv, packageId: string): Promise<string[]> {
  const rows = await e.database.db.selectFrom('hub_trace').select('kind').where('package_id', '=', packageId).orderBy('seq').execute();
  return rows.map((r) => r.kind);
}

/** A stand-in peer hub on a loopback port: answers 500 until told otherwise, and records what it got. */
export class FakePeerHub {
  received: { packageId: string; authorization: string | undefined; sha256: string }[] = [];
  failing = true;
  /** Batch pushes tried on this peer (answered 404). */
  batchRequests = 0;
  /** How the acknowledgement is made (C60): signed with `signer`, naming other bytes, or with its signature spoiled. */
  ack: { signer?: RsaReceiptSignatures; tamper?: 'digest' | 'signature' } = {};
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    // An older peer: no batch endpoint, so the sender falls back to one push per package.
    if (req.url?.endsWith('/api/hub/batch')) {
      this.batchRequests++;
      req.resume();
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'NOT_FOUND', message: 'Không có' }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const sha256 = createHash('sha256').update(body).digest('hex');
    const packageId = String(req.headers['x-package-id'] ?? '');
    this.received.push({ packageId, authorization: req.headers.authorization, sha256 });
    if (this.failing) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'INTERNAL', message: 'hỏng' }));
      return;
    }
    const digest = this.ack.tamper === 'digest' ? createHash('sha256').update('other bytes').digest('hex') : sha256;
    let ack: Acknowledgement = { packageId, result: 'accepted', receivedAt: new Date().toISOString(), sha256: digest };
    if (this.ack.signer) ack = this.ack.signer.sign(ack);
    // Signed, then changed: the result no longer matches what was signed.
    if (this.ack.tamper === 'signature') ack = { ...ack, receivedAt: new Date(0).toISOString() };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ack));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
