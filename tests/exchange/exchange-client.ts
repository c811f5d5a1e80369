/**
 * What the exchange tests do to the running instances: build signed packages as a province's
 * e-office system would, hand them to its hub over the peer endpoint, and read the hub's operator API.
 */
import { randomUUID } from 'node:crypto';
import { buildDocumentPackage } from '../../server/adapters/hub/edxml/build-document.ts';
import { buildStatusPackage } from '../../server/adapters/hub/edxml/build-status.ts';
import { draftPackage } from '../../server/adapters/hub/testing/samples.ts';
import type { TestIdentity } from '../../server/adapters/hub/testing/certs.ts';
import { DEMO_PASSWORD } from '../../server/adapters/db/seed/seed-demo.ts';
import type { StatusCode } from '../../server/domain/exchange/status-codes.ts';
import { formatWireTimestamp } from '../../server/domain/exchange/wire-dates.ts';
import type { Instance } from './instance.ts';
import { sleep } from './instance.ts';
import type { Province } from './two-instances.ts';

export interface BuiltPackage {
  packageId: string;
  documentId: string;
  bytes: Buffer;
}

let serial = 0;

/** A new document (type 0) from `from` to `to`, signed with `signer`; each call a new number. */
export function documentPackage(from: string, to: string[], signer: TestIdentity | null, options: { subject?: string } = {}): BuiltPackage {
  const draft = draftPackage({ packageId: randomUUID() });
  const number = String(++serial + 100);
  const built = buildDocumentPackage(
    {
      ...draft,
      MessageHeader: {
        ...draft.MessageHeader,
        From: { OrganId: from, OrganName: 'Cơ quan gửi (bộ thử)' },
        To: to.map((OrganId) => ({ OrganId })),
        Code: { CodeNumber: number, CodeNotation: `LT-${process.pid}` },
        ...(options.subject ? { Subject: options.subject } : {}),
      },
      // Made now (Vietnam time): a fixed date would fall before the validity of codes imported at set-up (C73).
      TraceHeader: [{ OrganId: from, Timestamp: formatWireTimestamp(new Date()) }],
    },
    signer ? { signer } : {},
  );
  return { packageId: built.packageId, documentId: built.documentId, bytes: built.bytes };
}

/** A status package from the receiving organ about a document, addressed to its issuer. */
export function statusPackage(input: { from: string; issuer: string; documentId: string; code: StatusCode; description: string }, signer: TestIdentity): BuiltPackage {
  const bytes = buildStatusPackage(
    {
      From: { OrganId: input.from, OrganName: 'Cơ quan nhận (bộ thử)' },
      ResponseFor: { OrganId: input.issuer, Code: 'x', PromulgationDate: '2026/12/02', DocumentId: input.documentId },
      StaffInfo: { Department: 'Văn thư', Staff: 'Lê Thị Thử' },
      StatusCode: input.code,
      Description: input.description,
      Timestamp: formatWireTimestamp(new Date()),
    },
    { signer },
  );
  return { packageId: randomUUID(), documentId: input.documentId, bytes };
}

export interface PushAnswer {
  status: number;
  body: { result?: string; code?: string; origin?: string; sha256?: string; receivers?: { code: string; result: string; errorCode?: string; origin?: string }[] };
}

/** One push to a hub's peer endpoint, as the province's endpoint system. */
export async function push(province: Province, pkg: BuiltPackage, kind: 'document' | 'status' = 'document'): Promise<PushAnswer> {
  const res = await fetch(new URL(kind === 'status' ? 'api/hub/statuses' : 'api/hub/packages', province.instance.url), {
    method: 'POST',
    headers: { 'content-type': 'application/xml', 'x-package-id': pkg.packageId, authorization: `Bearer ${province.endpointToken}` },
    body: new Uint8Array(pkg.bytes),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json()) as PushAnswer['body'] };
}

/**
 * Pushes until the hub acknowledges (accepted or duplicate), like an endpoint's own outbox: a refused
 * connection, a 429 or a 5xx is retried, for at most `timeoutMs`. A permanent refusal throws.
 */
export async function pushUntilAcknowledged(province: Province, pkg: BuiltPackage, timeoutMs = 120_000, kind: 'document' | 'status' = 'document'): Promise<PushAnswer> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const answer = await push(province, pkg, kind);
      if (answer.status === 200) return answer;
      if (answer.status !== 429 && answer.status < 500) throw new Error(`refused: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
      last = `HTTP ${answer.status}`;
    } catch (error) {
      if ((error as Error).message.startsWith('refused:')) throw error;
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`package ${pkg.packageId} not acknowledged by ${province.instance.label} within ${timeoutMs / 1000} s (last: ${last})`);
}

/** A logged-in operator of an instance (the demo `vanhanh` on the seeded province). */
export async function operatorSession(instance: Instance, username = 'vanhanh', password = DEMO_PASSWORD): Promise<{ get(path: string): Promise<Response> }> {
  const res = await fetch(new URL('api/auth/login', instance.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`${instance.label}: login ${username} failed with ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { get: (p: string) => fetch(new URL(p, instance.url), { headers: { cookie, 'x-csrf-token': csrfToken } }) };
}

export interface TraceView {
  events: { kind: string; errorCode: string | null; errorOrigin: string | null; toNode: string | null; packageSha256: string | null; data: Record<string, unknown> }[];
  deliveries: { receiverCode: string; route: string; state: string; attempts: number; lastErrorCode: string | null; lastErrorOrigin: string | null; lastErrorMessage: string | null; ackResult: string | null }[];
}

export async function traceOf(session: { get(path: string): Promise<Response> }, packageId: string): Promise<TraceView | undefined> {
  const res = await session.get(`api/hub/packages/${encodeURIComponent(packageId)}/trace`);
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`trace of ${packageId}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as TraceView;
}

/**
 * Rows of an instance's hub_inbox for these packages. PostgreSQL is read while the instance runs; an
 * embedded database is read with the instance stopped, then it is started again.
 */
export async function inboxRows(instance: Instance, packageIds: string[]): Promise<{ package_id: string; agency_id: string; kind: string }[]> {
  const read = () =>
    instance.db(async (db) => {
      const rows: { package_id: string; agency_id: string; kind: string }[] = [];
      for (let i = 0; i < packageIds.length; i += 500) {
        rows.push(...(await db.selectFrom('hub_inbox').select(['package_id', 'agency_id', 'kind']).where('package_id', 'in', packageIds.slice(i, i + 500)).execute()));
      }
      return rows;
    });
  if (instance.engine === 'postgres' || !instance.running) return read();
  await instance.stop();
  try {
    return await read();
  } finally {
    await instance.start();
  }
}
