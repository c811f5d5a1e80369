import { expect, it, vi } from 'vitest';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { codeOf } from './hub-helpers.ts';
import { arriveFromStc, FakeSigning, incomingDeps } from './incoming-helpers.ts';

// The first signature creates the test CA root and keys on demand (RSA key generation).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describeEachEngine('the signature panel on an incoming document’s file', { seed: true }, (env) => {
  it('a clerk sees each signature of the received PDF; someone who may not see the document gets 404; no download is recorded', async () => {
    const e = env();
    const stc = (await codeOf(e, NAMES.STC)).code;
    const pdf = await e.deps.signing.signOrganisation({ pdf: await samplePdf(1), agencyCode: stc });
    const arrival = await arriveFromStc(e, incomingDeps(e, new FakeSigning()), { number: '77', pdf: Buffer.from(pdf) });
    const file = await e.database.db.selectFrom('incoming_files').select('id').where('incoming_id', '=', arrival.id).where('media_type', '=', 'application/pdf').executeTakeFirstOrThrow();
    const url = `/api/incoming/${arrival.id}/files/${file.id}/signatures`;
    const events = async () => (await e.database.db.selectFrom('audit_events').select('id').where('type', '=', 'file.downloaded').execute()).length;
    const before = await events();

    const res = await e.request(await e.login('vanthu.snv'), { method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'VALID', statusLabel: 'Hợp lệ', signatures: [{ status: 'VALID', signer: { commonName: NAMES.STC } }] });
    expect(await events()).toBe(before);

    // A leader does not see an arrival before the clerk registers it (domain.md §4.2): like a missing one.
    const leader = await e.request(await e.login('giamdoc.snv'), { method: 'GET', url });
    expect(leader.statusCode).toBe(404);
    const wrongFile = await e.request(await e.login('vanthu.snv'), { method: 'GET', url: `/api/incoming/${arrival.id}/files/${arrival.id}/signatures` });
    expect(wrongFile.statusCode).toBe(404);
  });
});
