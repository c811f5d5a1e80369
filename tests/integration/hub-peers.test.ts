/** Peer registration over HTTP by the system operator (POST /api/hub/peers). */
import { expect, it } from 'vitest';
import { makeTestPki } from '../../server/adapters/hub/testing/certs.ts';
import { describeEachEngine } from './harness.ts';

describeEachEngine('hub: operators register peers over HTTP', { seed: true }, (env) => {
  it('registers a peer; the token shown once authenticates it, only its hash is kept, and the registration is audited', async () => {
    const e = env();
    const op = await e.login('vanhanh');
    const pki = makeTestPki();
    const res = await e.request(op, {
      method: 'POST', url: '/api/hub/peers',
      payload: { name: 'Trục tỉnh Cà Mau', codePrefixes: ['H12'], endpointUrl: 'http://127.0.0.1:9/', certificatePem: pki.organ.certificatePem, outboundToken: 'tok-ra-ngoai' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { id: string; inboundToken: string; codePrefixes: string[]; signaturePolicy: string; certificateCheck: string };
    expect(body.codePrefixes).toEqual(['H12']);
    expect(body.signaturePolicy).toBe('required');
    // No level asked for: the whole check of exchange.md §2.7.
    expect(body.certificateCheck).toBe('chain-revocation');
    expect(body.inboundToken.length).toBeGreaterThanOrEqual(32);

    const pending = await e.app.inject({ method: 'GET', url: '/api/hub/pending', headers: { authorization: `Bearer ${body.inboundToken}` } });
    expect(pending.statusCode).toBe(200);
    const stored = await e.database.db.selectFrom('hub_peers').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(body.inboundToken);

    const audit = await e.database.db.selectFrom('audit_events').selectAll().where('type', '=', 'hub.peer_registered').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(op.userId);
    expect(JSON.stringify(audit.data)).not.toContain(body.inboundToken);
    expect(audit.data).toMatchObject({ certificateCheck: 'chain-revocation' });

    const peers = await e.request(op, { method: 'GET', url: '/api/hub/peers' });
    expect((peers.json() as { items: { name: string; mode: string }[] }).items).toContainEqual(expect.objectContaining({ name: 'Trục tỉnh Cà Mau', mode: 'push' }));
  });

  it('an agreed token is kept; without a certificate the level is registered, a weaker one is kept when asked for; bad codes, endpoints, certificates and short tokens are refused naming the field', async () => {
    const e = env();
    const op = await e.login('vanhanh');
    const agreed = 'thoa-thuan-giua-hai-tinh-0123456789abcdef';
    const ok = await e.request(op, { method: 'POST', url: '/api/hub/peers', payload: { name: 'Hệ thống QLVB kéo gói tin', codePrefixes: ['000.00.12.H99'], inboundToken: agreed } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ inboundToken: agreed, certificateCheck: 'registered' });
    const weaker = await e.request(op, {
      method: 'POST', url: '/api/hub/peers', payload: { name: 'Trục chọn mức yếu hơn', codePrefixes: ['H13'], certificatePem: makeTestPki().organ.certificatePem, certificateCheck: 'chain' },
    });
    expect(weaker.statusCode, weaker.body).toBe(201);
    expect(weaker.json()).toMatchObject({ certificateCheck: 'chain' });

    const bad = async (payload: Record<string, unknown>, field: string) => {
      const r = await e.request(op, { method: 'POST', url: '/api/hub/peers', payload: { name: 'X', codePrefixes: ['H12'], ...payload } });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.body).toContain(field);
    };
    await bad({ codePrefixes: ['h12 '] }, 'codePrefixes');
    await bad({ endpointUrl: 'ftp://hub.example/' }, 'endpointUrl');
    await bad({ certificatePem: 'không phải chứng thư' }, 'certificatePem');
    await bad({ inboundToken: 'ngan' }, 'inboundToken');
    await bad({ certificateCheck: 'chain-revocation' }, 'certificateCheck');
  });

  it('a clerk cannot register a peer', async () => {
    const e = env();
    const clerk = await e.login('vanthu.snv');
    const r = await e.request(clerk, { method: 'POST', url: '/api/hub/peers', payload: { name: 'Trục lạ', codePrefixes: ['H77'] } });
    expect([403, 404]).toContain(r.statusCode);
  });
});
