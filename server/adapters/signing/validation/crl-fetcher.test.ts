import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signPdf } from '../pades/sign-pdf.ts';
import { createTestPki, samplePdf, type TestPki } from '../testing/test-pki.ts';
import { HttpCrlSource } from './crl-fetcher.ts';
import { validatePdf } from './validate-pdf.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let server: Server;
let pki: TestPki;
let requests = 0;
let signed: Uint8Array;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (req.url !== '/ca/root.crl') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(readFileSync(path.join(pki.dir, 'crl', 'root.crl')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  pki = await createTestPki(undefined, `http://127.0.0.1:${port}/ca/root.crl`);
  signed = await signPdf({ pdf: await samplePdf(), signer: pki.signer, identity: { kind: 'organisation', agencyCode: 'SXD' }, appearance: { kind: 'invisible' } });
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('CRLs fetched from the distribution point', () => {
  it('without an uploaded CRL, the one at the certificate’s URL is fetched once and used', async () => {
    const trust = { ...(await pki.ca.load()), crls: [] };
    expect((await validatePdf(signed, trust)).reasons).toEqual(['NO_REVOCATION_DATA']);
    const source = new HttpCrlSource();
    expect((await validatePdf(signed, trust, { crlSource: source })).status).toBe('VALID');
    const before = requests;
    await validatePdf(signed, trust, { crlSource: source });
    expect(requests).toBe(before);
  });

  it('an unreachable CRL leaves the signature INDETERMINATE', async () => {
    const trust = { ...(await pki.ca.load()), crls: [] };
    const failing = new HttpCrlSource({ fetch: async () => new Response('down', { status: 503 }) });
    expect(await validatePdf(signed, trust, { crlSource: failing })).toMatchObject({ status: 'INDETERMINATE', reasons: ['NO_REVOCATION_DATA'] });
  });
});
