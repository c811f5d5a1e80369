import { expect, it, vi } from 'vitest';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { assignAgencyCode } from '../../server/app/agencies/assign-agency-code.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { codeOf } from './hub-helpers.ts';

// The first signature creates the test CA root and keys on demand (RSA key generation).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describeEachEngine('signing keys belong to the agency, not to its identifier code', { seed: true }, (env) => {
  it('after the agency gets a new code, its seal key and its director’s key still sign, valid, with the same certificates', async () => {
    const e = env();
    const { agencyId, code: oldCode } = await codeOf(e, NAMES.SNV);
    const signing = e.deps.signing;
    const serialOf = async (pdf: Uint8Array) => (await signing.validate(pdf)).signatures.map((s) => [s.status, s.signer?.serialNumber]);
    const before = await serialOf(await signing.signOrganisation({ pdf: await signing.signPersonal({ pdf: await samplePdf(1), agencyCode: oldCode, username: 'giamdoc.snv' }), agencyCode: oldCode }));
    expect(before.map(([status]) => status)).toEqual(['VALID', 'VALID']);
    const keysBefore = await e.database.db.selectFrom('signing_keys').select(['id', 'key_aad']).where('agency_id', '=', agencyId).execute();
    expect(keysBefore).toHaveLength(2);

    const parts = oldCode.split('.');
    parts[2] = parts[2] === '98' ? '97' : '98';
    const newCode = parts.join('.');
    await e.deps.uow.run((tx) => assignAgencyCode(tx, { clock: e.clock }, null, agencyId, { code: newCode, validFrom: '2026-03-01' }));
    expect((await codeOf(e, NAMES.SNV)).code).toBe(newCode);

    const personal = await signing.signPersonal({ pdf: await samplePdf(1), agencyCode: newCode, username: 'giamdoc.snv' });
    const after = await serialOf(await signing.signOrganisation({ pdf: personal, agencyCode: newCode }));
    expect(after).toEqual(before);
    // The same two keys, no new one issued for the new code; the EDXML seal signs with it too.
    expect(await e.database.db.selectFrom('signing_keys').select(['id', 'key_aad']).where('agency_id', '=', agencyId).execute()).toEqual(keysBefore);
    expect((await signing.signPackageXml(Buffer.from('<a xmlns="urn:x"><b/></a>'), newCode)).toString()).toContain('SignatureValue');
  });
});
