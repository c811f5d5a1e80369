import { randomUUID } from 'node:crypto';
import { registerPeer } from '../../../server/app/hub/register-peer.ts';
import { sendPackage } from '../../../server/app/hub/send-package.ts';
import { NAMES, type TestEnv } from '../harness.ts';
import type { OutsiderCases } from './types.ts';

const PEER = 'called by peer hubs with a bearer token checked against the peer’s stored hash, never by a session; a request without valid credentials gets 401 and stores nothing (tests/integration/hub-endpoint.test.ts, C69)';

/** A dead letter of Sở Nội vụ (a package to an unknown receiver), for the operator screens. */
async function deadLetter(e: TestEnv): Promise<{ deliveryId: string; packageId: string }> {
  const agencyId = await e.agencyId(NAMES.SNV);
  const code = await e.database.db.selectFrom('agency_codes').select('code').where('agency_id', '=', agencyId).where('valid_to', 'is', null).executeTakeFirstOrThrow();
  const packageId = randomUUID();
  const result = await e.deps.uow.run((tx) =>
    sendPackage(tx, { clock: e.clock }, {
      packageId, kind: 'document', senderAgencyId: agencyId, senderCode: code.code, receiverCodes: ['000.00.66.H96'],
      businessType: '0', documentId: `${code.code},2026/03/02,1/SNV-VP`, payload: { sha256: 'b'.repeat(64), size: 10 },
    }),
  );
  return { deliveryId: result.deliveries[0]!.id, packageId };
}

export const hubCases: OutsiderCases = {
  'POST /api/hub/packages': { kind: 'public', why: PEER },
  'POST /api/hub/statuses': { kind: 'public', why: PEER },
  // Its unauthenticated and wrong-token cases (401, nothing stored) are in hub-batch.test.ts.
  'POST /api/hub/batch': { kind: 'public', why: PEER },
  'GET /api/hub/pending': { kind: 'public', why: PEER },
  'POST /api/hub/acknowledgements': { kind: 'public', why: PEER },
  'GET /api/hub/queues': { kind: 'permission', outsider: 'giamdoc.stc', prepare: async () => ({ method: 'GET', url: '/api/hub/queues' }) },
  'GET /api/hub/alarms': {
    kind: 'permission', outsider: 'giamdoc.stc',
    prepare: async (e) => {
      await deadLetter(e);
      return { method: 'GET', url: '/api/hub/alarms' };
    },
  },
  'GET /api/hub/peers': { kind: 'permission', outsider: 'vanthu.stc', prepare: async () => ({ method: 'GET', url: '/api/hub/peers' }) },
  'GET /api/hub/dead-letters': {
    kind: 'permission', outsider: 'vanthu.stc',
    prepare: async (e) => {
      await deadLetter(e);
      return { method: 'GET', url: '/api/hub/dead-letters' };
    },
  },
  'POST /api/hub/dead-letters/:id/resend': {
    kind: 'permission', outsider: 'vanthu.stc',
    prepare: async (e) => ({ method: 'POST', url: `/api/hub/dead-letters/${(await deadLetter(e)).deliveryId}/resend` }),
  },
  'POST /api/hub/dead-letters/:id/abandon': {
    kind: 'permission', outsider: 'giamdoc.stc',
    prepare: async (e) => ({ method: 'POST', url: `/api/hub/dead-letters/${(await deadLetter(e)).deliveryId}/abandon`, payload: { reason: 'Cơ quan nhận đã giải thể' } }),
  },
  'GET /api/hub/packages/:id/trace': {
    kind: 'permission', outsider: 'giamdoc.stc',
    prepare: async (e) => ({ method: 'GET', url: `/api/hub/packages/${(await deadLetter(e)).packageId}/trace` }),
  },
  'POST /api/hub/peers': {
    kind: 'permission', outsider: 'vanthu.stc',
    prepare: async () => ({ method: 'POST', url: '/api/hub/peers', payload: { name: 'Trục lạ', codePrefixes: ['H77'], endpointUrl: 'http://127.0.0.1:9/' } }),
  },
  'PATCH /api/hub/peers/:id': {
    kind: 'tenant', outsider: 'vanthu.stc',
    prepare: async (e) => {
      const { peer } = await e.deps.uow.run((tx) => registerPeer(tx, null, { name: 'Trục tỉnh lân cận', codePrefixes: ['H78'], endpointUrl: 'http://127.0.0.1:9/' }));
      return { method: 'PATCH', url: `/api/hub/peers/${peer.id}`, payload: { endpointUrl: 'http://127.0.0.1:10/', active: false, newInboundToken: true } };
    },
  },
};
