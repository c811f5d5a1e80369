/** exchange.md §4.2: statuses are deduplicated on (From/OrganId, ResponseFor/DocumentId, StatusCode, Timestamp). */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { buildStatusPackage } from '../../server/adapters/hub/edxml/build-status.ts';
import { makeTestPki, type TestPki } from '../../server/adapters/hub/testing/certs.ts';
import { receivePackage } from '../../server/app/hub/receive-package.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { addPeer, codeOf, hubDeps, trustCa } from './hub-helpers.ts';

const TOKEN = 'status-dedup-peer-token-0123456789abcdefghij';
let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

describeEachEngine('hub: status deduplication (§4.2)', { seed: true }, (env) => {
  it('§4.2 the same status under a new package id is a duplicate (one custody, traced as the same status); another Timestamp is a new status', async () => {
    const e = env();
    e.clock.set(new Date());
    await trustCa(e.deps, pki.ca.certificatePem, pki.crl);
    await addPeer(e, { name: 'Trục tỉnh Minh Họa (trạng thái)', codePrefixes: ['H99'], certificatePem: pki.organ.certificatePem, inboundToken: TOKEN });
    const issuer = await codeOf(e, NAMES.SNV);
    const status = (timestamp: string) =>
      buildStatusPackage(
        {
          From: { OrganId: '000.00.31.H99' },
          ResponseFor: { OrganId: issuer.code, Code: '125/SNV-VP', PromulgationDate: '2026/12/01', DocumentId: `${issuer.code},2026/12/01,125/SNV-VP` },
          StaffInfo: { Staff: 'Lê Văn Thư' },
          StatusCode: '03',
          Description: 'Đã vào sổ',
          Timestamp: timestamp,
        },
        { signer: pki.organ },
      );
    const receive = (bytes: Buffer, id: string) => receivePackage(hubDeps(e), { token: TOKEN, bytes, transportId: id, expectKind: 'status' });
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    expect((await receive(status('2026/12/02 10:00:00'), first)).result).toBe('accepted');
    const again = await receive(status('2026/12/02 10:00:00'), second);
    expect(again).toMatchObject({ packageId: second, result: 'duplicate' });
    expect((await receive(status('2026/12/02 10:05:00'), third)).result).toBe('accepted');

    const custody = await e.database.db.selectFrom('hub_outbox').select('package_id').where('package_id', 'in', [first, second, third]).execute();
    expect(custody.map((r) => r.package_id).sort()).toEqual([first, third].sort());
    const trace = await e.database.db.selectFrom('hub_trace').selectAll().where('package_id', '=', second).execute();
    expect(trace.map((t) => [t.kind, (t.data as { sameStatusAs?: string }).sameStatusAs])).toEqual([['duplicate', first]]);
  });
});
