/**
 * Large attachments through the peer endpoint (issue 5 item 1): a package of a few MB, in both
 * attachment encodings, arrives byte-exact in the receiver's file store (the hub streams the file
 * out of the one package buffer instead of decoding it into several copies), and the hostile
 * samples are still refused at the endpoint. Memory itself is measured in bench/hub, not here.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildDocumentPackage } from '../../server/adapters/hub/edxml/build-document.ts';
import { makeTestPki, type TestPki } from '../../server/adapters/hub/testing/certs.ts';
import { draftPackage, sample } from '../../server/adapters/hub/testing/samples.ts';
import { signXml } from '../../server/adapters/hub/xml-signature.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { receiveArrivals } from '../../server/app/incoming/receive-arrivals.ts';
import { describeEachEngine, type TestEnv } from './harness.ts';
import { addLocalOrgan, addPeer, hubDeps, trustCa } from './hub-helpers.ts';
import { FakeSigning, incomingDeps } from './incoming-helpers.ts';

const TOKEN = 'large-package-peer-token-0123456789abcdefghijkl';
const RECEIVER = '000.00.31.H99';
let pki: TestPki;

beforeAll(() => {
  pki = makeTestPki();
});

function push(e: TestEnv, body: Buffer) {
  return e.app.inject({ method: 'POST', url: '/api/hub/packages', payload: body, headers: { 'content-type': 'application/xml', authorization: `Bearer ${TOKEN}` } });
}

async function stored(e: TestEnv, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await e.deps.files.get(sha256)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Large bodies and stored packages are spooled to temporary files there; none may outlive its request or arrival. */
function spooled(e: TestEnv): string[] {
  const dir = path.join(e.deps.config.dataDir, 'spool');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** A 3 MB "PDF" (PDF header and trailer around random bytes), so the arrival also validates it. */
function bigPdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3 << 20), Buffer.from('\n%%EOF\n')]);
}

describeEachEngine('hub: a large package through the peer endpoint', { seed: true }, (env) => {
  beforeAll(async () => {
    const e = env();
    e.clock.set(new Date());
    await addLocalOrgan(e, 'UBND huyện Ví Dụ (gói lớn)', RECEIVER);
    await trustCa(e.deps, pki.ca.certificatePem, pki.crl);
    await addPeer(e, { name: 'Trục tỉnh Minh Họa (gói lớn)', codePrefixes: ['H99'], certificatePem: pki.organ.certificatePem, inboundToken: TOKEN });
  });

  for (const encoding of ['base64', 'zip'] as const) {
    it(`a 3 MB attachment (${encoding === 'zip' ? 'ZIP+Base64' : 'Base64'}) arrives byte-exact in the receiver's files and is validated as the PDF it is`, async () => {
      const e = env();
      const file = bigPdf();
      const draft = draftPackage({ packageId: randomUUID() });
      const built = buildDocumentPackage(
        {
          ...draft,
          MessageHeader: { ...draft.MessageHeader, To: [{ OrganId: RECEIVER }], Code: { CodeNumber: encoding === 'zip' ? '902' : '901', CodeNotation: 'SXD-LON' } },
          attachments: [{ ContentId: `cid:${randomUUID()}`, AttachmentName: 'ho-so-lon.pdf', ContentType: 'application/pdf', Description: 'Hồ sơ lớn', bytes: file }],
        },
        { signer: pki.organ, encoding },
      );
      expect(built.bytes.length).toBeGreaterThan(encoding === 'zip' ? 4_000_000 : 4_100_000);
      const res = await push(e, built.bytes);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ result: 'accepted', receivers: [{ code: RECEIVER, result: 'accepted' }] });
      expect(spooled(e)).toEqual([]);

      expect(await deliverDue(hubDeps(e))).toMatchObject({ delivered: 1 });
      const signing = new FakeSigning();
      // The upload limit (here 1 MiB) is for files people upload, not for what another organ sent.
      await receiveArrivals(incomingDeps(e, signing, { maxAttachmentBytes: 1 << 20 }));
      const doc = await e.database.db.selectFrom('incoming_documents').select(['id', 'warnings', 'signature_status']).where('package_id', '=', built.packageId).executeTakeFirstOrThrow();
      expect(doc.warnings).toEqual([]);
      expect(doc.signature_status).toBe('valid');
      expect(signing.validations).toHaveLength(1);
      const files = await e.database.db.selectFrom('incoming_files').select(['sha256', 'size', 'name', 'media_type']).where('incoming_id', '=', doc.id).execute();
      expect(files).toEqual([{ sha256: createHash('sha256').update(file).digest('hex'), size: file.length, name: 'ho-so-lon.pdf', media_type: 'application/pdf' }]);
      expect((await stored(e, files[0]!.sha256)).equals(file)).toBe(true);
      expect(spooled(e)).toEqual([]);
    });
  }

  it('a large package whose attachment is corrupted is refused with EXCHANGE_ATTACHMENT_INVALID and never reaches the inbox', async () => {
    const e = env();
    const draft = draftPackage({ packageId: randomUUID() });
    const built = buildDocumentPackage(
      {
        ...draft,
        MessageHeader: { ...draft.MessageHeader, To: [{ OrganId: RECEIVER }], Code: { CodeNumber: '903', CodeNotation: 'SXD-LON' } },
        attachments: [{ ContentId: `cid:${randomUUID()}`, AttachmentName: 'ho-so-lon.pdf', ContentType: 'application/pdf', bytes: bigPdf() }],
      },
      { encoding: 'zip' },
    );
    // Flip one Base64 character deep inside the compressed data, then sign: the signature is good, the ZIP's CRC-32 is not.
    const text = built.bytes.toString('utf8');
    const at = text.indexOf('>', text.indexOf('<edXML:ContentTransferEncoded')) + 2_000_000;
    expect(at).toBeLessThan(text.indexOf('</edXML:ContentTransferEncoded>'));
    const flipped = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const res = await push(e, Buffer.from(signXml(flipped, pki.organ)));
    expect(res.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_ATTACHMENT_INVALID', origin: 'hub' });
    expect(spooled(e)).toEqual([]);
    expect(await e.database.db.selectFrom('hub_inbox').select('id').where('package_id', '=', built.packageId).execute()).toEqual([]);
    expect(await e.database.db.selectFrom('hub_outbox').select('id').where('package_id', '=', built.packageId).execute()).toEqual([]);
  });

  it('C35–C37 at the endpoint: each hostile sample is still refused with its code, and nothing is taken into custody', async () => {
    const e = env();
    const before = await e.database.db.selectFrom('hub_outbox').select('id').execute();
    const expected = { 'malicious/xxe.xml': 'EXCHANGE_XML_FORBIDDEN_CONSTRUCT', 'malicious/billion-laughs.xml': 'EXCHANGE_XML_FORBIDDEN_CONSTRUCT', 'malicious/deep-nesting.xml': 'EXCHANGE_XML_LIMIT_EXCEEDED' };
    for (const [name, code] of Object.entries(expected)) {
      const res = await push(e, sample(name));
      expect(res.json(), name).toMatchObject({ result: 'refused', code, origin: 'hub' });
    }
    expect(await e.database.db.selectFrom('hub_outbox').select('id').execute()).toEqual(before);
  });
});
