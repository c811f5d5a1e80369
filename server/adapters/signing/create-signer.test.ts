import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../config/env.ts';
import { createSigner } from './create-signer.ts';
import { keyAad, MemoryKeyStore } from './keys/key-store.ts';
import { signPdf } from './pades/sign-pdf.ts';
import { FakeRemoteSigner } from './signers/fake-remote-signer.ts';
import { LocalSigner } from './signers/local-signer.ts';
import { privateKeyFromPkcs8 } from './signers/rsa-digest.ts';
import { kekFromBase64 } from './signing-config.ts';
import { createTestPki, samplePdf, SIGNER_BOX } from './testing/test-pki.ts';
import { validatePdf } from './validation/validate-pdf.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const deps = { keyStore: new MemoryKeyStore(), kek: kekFromBase64(randomBytes(32).toString('base64')) };

describe('createSigner', () => {
  it('returns the configured provider', () => {
    expect(createSigner({ provider: 'local' }, deps)).toBeInstanceOf(LocalSigner);
    expect(createSigner({ provider: 'fake-remote' }, deps)).toBeInstanceOf(FakeRemoteSigner);
  });

  it('stops start-up on an unknown provider, naming SIGNER_PROVIDER', () => {
    expect(() => createSigner({ provider: 'smartca-typo' }, deps)).toThrow(ConfigError);
    expect(() => createSigner({ provider: 'smartca-typo' }, deps)).toThrow(/^SIGNER_PROVIDER: unknown signer provider "smartca-typo"/);
    expect(() => createSigner({ provider: 'fake-remote', production: true }, deps)).toThrow(/SIGNER_PROVIDER/);
  });
});

describe('remote signing through the port', () => {
  it('a remote service that only ever sees a hash produces valid PAdES signatures', async () => {
    const pki = await createTestPki();
    const identity = { kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' } as const;
    const record = (await pki.ca.keyStore.get(identity))!;
    const approvals: string[] = [];
    const remote = new FakeRemoteSigner(async (request) => {
      approvals.push(request.description ?? '');
      return true;
    });
    remote.enrol(identity, privateKeyFromPkcs8(pki.kek.decrypt(record.key, keyAad(identity))), await pki.signer.getCertificateChain(identity));
    const pdf = await samplePdf();
    const signed = await signPdf({
      pdf,
      signer: remote,
      identity,
      description: 'Ký văn bản số 125/SXD-VP',
      appearance: { kind: 'signature-image', page: 0, box: SIGNER_BOX, signerName: 'Nguyễn Văn Ánh' },
    });
    expect(approvals).toEqual(['Ký văn bản số 125/SXD-VP']);
    expect(remote.requests).toHaveLength(1);
    expect(remote.requests[0]!.digestHex).toMatch(/^[0-9a-f]{64}$/);
    // The service received neither the document nor its digest, only the hash of the signed attributes.
    expect(remote.requests[0]!.digestHex).not.toBe(createHash('sha256').update(pdf).digest('hex'));
    expect((await validatePdf(signed, await pki.ca.load())).status).toBe('VALID');
  });

  it('a refusal on the phone fails the signing with a Vietnamese message', async () => {
    const pki = await createTestPki();
    const identity = { kind: 'organisation', agencyCode: 'SXD' } as const;
    const record = (await pki.ca.keyStore.get(identity))!;
    const remote = new FakeRemoteSigner(async () => false);
    remote.enrol(identity, privateKeyFromPkcs8(pki.kek.decrypt(record.key, keyAad(identity))), await pki.signer.getCertificateChain(identity));
    await expect(signPdf({ pdf: await samplePdf(), signer: remote, identity, appearance: { kind: 'invisible' } })).rejects.toThrow(/từ chối/);
  });
});
