import { expect, it, vi } from 'vitest';
import { DbTrustSource } from '../../server/adapters/signing/store/db-trust-source.ts';
import { FileCaDirectory } from '../../server/adapters/signing/ca/ca-store.ts';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { buildServer } from '../../server/entry/http/server.ts';
import { DEMO_PASSWORD } from '../../server/adapters/db/seed/seed-demo.ts';
import { describeEachEngine, NAMES, type Session, type TestEnv } from './harness.ts';
import { createExternalCa, type ExternalCa } from './signing-fixtures.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const PASSWORD = 'Mật khẩu PKCS12 2026!';

async function snvCode(e: TestEnv): Promise<string> {
  return (await e.database.db.selectFrom('agency_codes').select('code').where('agency_id', '=', await e.agencyId(NAMES.SNV)).where('valid_to', 'is', null).executeTakeFirstOrThrow()).code;
}

async function userId(e: TestEnv, username: string): Promise<string> {
  return (await e.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

describeEachEngine('signing keys, trust anchors and revocation sources', { seed: true }, (env) => {
  let ext: ExternalCa;
  let operator: Session;
  let admin: Session;
  const org = { kind: 'organisation', agencyCode: 'SNV' } as const;
  const person = { kind: 'personal', agencyCode: 'SNV', username: 'giamdoc.snv' } as const;

  async function importKey(e: TestEnv, body: Record<string, unknown>, session = admin) {
    return e.request(session, { method: 'POST', url: '/api/signing/keys', payload: body });
  }

  it('the operator trusts a CA and its CRL; the agency admin imports the seal and a signer’s key; the list shows metadata and VALID; signing uses them', async () => {
    const e = env();
    ext = await createExternalCa(e.clock.now(), [{ code: 'SNV', name: NAMES.SNV }], [{ username: 'giamdoc.snv', fullName: 'Huỳnh Văn Đức', agencyCode: 'SNV' }]);
    operator = await e.login('vanhanh');
    admin = await e.login('quantri.snv');

    const anchor = await e.request(operator, { method: 'POST', url: '/api/signing/trust-anchors', payload: { kind: 'root', certificateBase64: ext.rootPem().toString('base64') } });
    expect(anchor.statusCode, anchor.body).toBe(201);
    expect(anchor.json()).toMatchObject({ kind: 'root', subject: expect.stringContaining('Lienthong Test Root CA') });
    const again = await e.request(operator, { method: 'POST', url: '/api/signing/trust-anchors', payload: { kind: 'root', certificateBase64: ext.rootPem().toString('base64') } });
    expect(again.statusCode).toBe(409);
    const crl = await e.request(operator, { method: 'POST', url: '/api/signing/revocation-sources', payload: { crlBase64: ext.crlDer().toString('base64') } });
    expect(crl.statusCode, crl.body).toBe(201);
    expect(crl.json()).toMatchObject({ uploaded: true, url: null, issuer: expect.stringContaining('Lienthong Test Root CA') });

    const seal = await importKey(e, { kind: 'organisation', pkcs12Base64: ext.p12(org, PASSWORD).toString('base64'), password: PASSWORD });
    expect(seal.statusCode, seal.body).toBe(201);
    expect(seal.json()).toMatchObject({ kind: 'organisation', source: 'pkcs12', serial: await ext.serialOf(org), check: { status: 'VALID' } });
    const personal = await importKey(e, { kind: 'personal', userId: await userId(e, 'giamdoc.snv'), pkcs12Base64: ext.p12(person, PASSWORD).toString('base64'), password: PASSWORD });
    expect(personal.statusCode, personal.body).toBe(201);

    const list = await e.request(admin, { method: 'GET', url: '/api/signing/keys' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { kind: string; username: string | null; serial: string; active: boolean; check: { status: string; statusLabel: string } }[];
    expect(items.map((k) => [k.kind, k.username, k.serial, k.active, k.check.status])).toEqual(
      expect.arrayContaining([
        ['organisation', null, await ext.serialOf(org), true, 'VALID'],
        ['personal', 'giamdoc.snv', await ext.serialOf(person), true, 'VALID'],
      ]),
    );
    expect(items[0]!.check.statusLabel).toBe('Hợp lệ');

    // The workflows' port now signs with the imported keys, which chain to the uploaded anchor.
    const code = await snvCode(e);
    const signed = await e.deps.signing.signOrganisation({ pdf: await e.deps.signing.signPersonal({ pdf: await samplePdf(), agencyCode: code, username: 'giamdoc.snv' }), agencyCode: code });
    const result = await e.deps.signing.validate(signed);
    expect(result.signatures.map((s) => [s.status, s.signer?.serialNumber])).toEqual([
      ['VALID', await ext.serialOf(person)],
      ['VALID', await ext.serialOf(org)],
    ]);
  });

  it('never shows key material: not in answers, not in the audit log, not in the server log', async () => {
    const e = env();
    const lines: string[] = [];
    const app = await buildServer({ ...e.deps, config: { ...e.config, logLevel: 'trace' } }, { logStream: { write: (line) => void lines.push(line) } });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri.snv', password: DEMO_PASSWORD }, remoteAddress: '10.200.0.1' });
    const cookie = `lt_session=${login.cookies.find((c) => c.name === 'lt_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
    const p12 = ext.p12(org, PASSWORD).toString('base64');
    const good = await app.inject({ method: 'POST', url: '/api/signing/keys', headers, payload: { kind: 'organisation', pkcs12Base64: p12, password: PASSWORD } });
    const bad = await app.inject({ method: 'POST', url: '/api/signing/keys', headers, payload: { kind: 'organisation', pkcs12Base64: p12, password: 'sai mật khẩu' } });
    const list = await app.inject({ method: 'GET', url: '/api/signing/keys', headers });
    await app.close();
    expect(good.statusCode).toBe(201);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('PKCS#12');

    const stored = await e.database.db.selectFrom('signing_keys').select('encrypted_key').where('agency_id', '=', await e.agencyId(NAMES.SNV)).execute();
    const ciphertexts = stored.map((r) => String((r.encrypted_key as { ciphertext: string }).ciphertext));
    const audit = JSON.stringify(await e.database.db.selectFrom('audit_events').select('data').where('type', 'like', 'signing.%').execute());
    for (const text of [good.body, bad.body, list.body, audit, lines.join('\n')]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(p12.slice(0, 200));
      expect(text).not.toMatch(/PRIVATE KEY|ciphertext|encrypted_?key/i);
      for (const c of ciphertexts) expect(text).not.toContain(c.slice(0, 40));
    }
    expect(lines.length).toBeGreaterThan(0);
  });

  it('refuses bad uploads with a message naming what is wrong, and keys to people of other agencies or by non-administrators', async () => {
    const e = env();
    const notP12 = await importKey(e, { kind: 'organisation', pkcs12Base64: Buffer.from('not a pkcs12 file at all').toString('base64'), password: 'x' });
    expect(notP12.statusCode).toBe(400);
    expect(notP12.json().message).toContain('PKCS#12');
    const noUser = await importKey(e, { kind: 'personal', pkcs12Base64: ext.p12(person, PASSWORD).toString('base64'), password: PASSWORD });
    expect(noUser.statusCode).toBe(400);
    expect(noUser.json().message).toContain('người ký');
    const stranger = await importKey(e, { kind: 'personal', userId: await userId(e, 'giamdoc.stc'), pkcs12Base64: ext.p12(person, PASSWORD).toString('base64'), password: PASSWORD });
    expect(stranger.statusCode).toBe(404);
    const clerk = await importKey(e, { kind: 'organisation', pkcs12Base64: ext.p12(org, PASSWORD).toString('base64'), password: PASSWORD }, await e.login('vanthu.snv'));
    expect(clerk.statusCode).toBe(403);
    const leaf = await e.request(operator, { method: 'POST', url: '/api/signing/trust-anchors', payload: { kind: 'root', certificateBase64: Buffer.from((await ext.ca.keyStore.get(org))!.certificateChain[0]!, 'base64').toString('base64') } });
    expect(leaf.statusCode).toBe(400);
    expect(leaf.json().message).toContain('CA');
    const garbage = await e.request(operator, { method: 'POST', url: '/api/signing/revocation-sources', payload: { crlBase64: Buffer.from('xyz').toString('base64') } });
    expect(garbage.statusCode).toBe(400);
    const ftp = await e.request(operator, { method: 'POST', url: '/api/signing/revocation-sources', payload: { url: 'ftp://ca.example/root.crl' } });
    expect(ftp.statusCode).toBe(400);
    expect((await e.request(admin, { method: 'GET', url: '/api/signing/trust-anchors' })).statusCode).toBe(403);
  });

  it('a CRL URL is fetched by the system and kept; a certificate its CA revoked shows REVOKED and its new signatures are INVALID', async () => {
    const e = env();
    const url = 'http://ca.example.vn/crl/root.crl';
    const added = await e.request(operator, { method: 'POST', url: '/api/signing/revocation-sources', payload: { url } });
    expect(added.statusCode, added.body).toBe(201);
    await ext.revoke(person, new Date(e.clock.now().getTime() - 60_000));
    const fetched: string[] = [];
    const trust = new DbTrustSource(e.database.db, new FileCaDirectory(e.config.signing.caDir), {
      now: () => e.clock.now(),
      fetch: async (input) => {
        fetched.push(String(input));
        return new Response(new Uint8Array(ext.crlDer()), { status: 200, headers: { 'content-type': 'application/pkix-crl' } });
      },
    });
    await trust.load();
    await trust.load(); // fresh for a day: fetched once
    expect(fetched).toEqual([url]);
    const sources = (await e.request(operator, { method: 'GET', url: '/api/signing/revocation-sources' })).json().items as { url: string | null; issuer: string | null; fetchedAt: string | null; lastError: string | null }[];
    expect(sources.find((s) => s.url === url)).toMatchObject({ issuer: expect.stringContaining('Lienthong Test Root CA'), lastError: null, fetchedAt: e.clock.now().toISOString() });

    e.deps.signingVault.forget();
    const items = (await e.request(admin, { method: 'GET', url: '/api/signing/keys' })).json().items as { kind: string; active: boolean; check: { status: string; reasons: { code: string }[] } | null }[];
    const personal = items.find((k) => k.kind === 'personal' && k.active)!;
    expect(personal.check).toMatchObject({ status: 'INVALID', reasons: [{ code: 'REVOKED' }] });
    const signed = await e.deps.signing.signPersonal({ pdf: await samplePdf(), agencyCode: await snvCode(e), username: 'giamdoc.snv' });
    const result = await e.deps.signing.validate(signed);
    expect(result.signatures[0]).toMatchObject({ status: 'INVALID', reasons: ['REVOKED'] });
  });

  it('the operator removes sources and anchors; then signatures by that CA are CHAIN_UNTRUSTED', async () => {
    const e = env();
    const anchors = (await e.request(operator, { method: 'GET', url: '/api/signing/trust-anchors' })).json().items as { id: string }[];
    for (const a of anchors) expect((await e.request(operator, { method: 'DELETE', url: `/api/signing/trust-anchors/${a.id}` })).statusCode).toBe(200);
    const sources = (await e.request(operator, { method: 'GET', url: '/api/signing/revocation-sources' })).json().items as { id: string }[];
    for (const s of sources) expect((await e.request(operator, { method: 'DELETE', url: `/api/signing/revocation-sources/${s.id}` })).statusCode).toBe(200);
    expect((await e.request(operator, { method: 'DELETE', url: `/api/signing/trust-anchors/${anchors[0]!.id}` })).statusCode).toBe(404);
    const signed = await e.deps.signing.signOrganisation({ pdf: await samplePdf(), agencyCode: await snvCode(e) });
    expect((await e.deps.signing.validate(signed)).signatures[0]).toMatchObject({ status: 'INDETERMINATE', reasons: ['CHAIN_UNTRUSTED'] });
    const types = (await e.database.db.selectFrom('audit_events').select('type').where('type', 'like', 'signing.%').execute()).map((r) => r.type);
    expect(new Set(types)).toEqual(new Set(['signing.key_imported', 'signing.trust_anchor_added', 'signing.trust_anchor_removed', 'signing.revocation_source_added', 'signing.revocation_source_removed']));
  });

  it('serves the built-in test CA’s root and current CRL without an account (demo mode)', async () => {
    const e = env();
    // The test CA comes to life with the first demo key (Sở Tài chính has none imported).
    const stc = (await e.database.db.selectFrom('agency_codes').select('code').where('agency_id', '=', await e.agencyId(NAMES.STC)).where('valid_to', 'is', null).executeTakeFirstOrThrow()).code;
    await e.deps.signing.signOrganisation({ pdf: await samplePdf(), agencyCode: stc });
    const crl = await e.request(null, { method: 'GET', url: '/api/signing/ca/root.crl' });
    expect(crl.statusCode).toBe(200);
    expect(crl.headers['content-type']).toBe('application/pkix-crl');
    expect(e.deps.signingVault.describeCrl(crl.rawPayload).info.issuer).toContain('Lienthong Test Root CA');
    const root = await e.request(null, { method: 'GET', url: '/api/signing/ca/root.crt' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('-----BEGIN CERTIFICATE-----');
    const events = await e.database.db.selectFrom('audit_events').select('type').where('type', '=', 'signing.key_issued').execute();
    expect(events.length).toBe(1);
  });
});
