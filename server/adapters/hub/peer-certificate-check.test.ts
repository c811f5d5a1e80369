import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isExchangeRefusal } from '../../domain/exchange/refusal.ts';
import { derFromPem } from '../signing/bytes.ts';
import { checkPeerCertificate } from './peer-certificate-check.ts';
import { makeTestPki, type TestPki } from './testing/certs.ts';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

const der = (pem: string) => new Uint8Array(new X509Certificate(pem).raw);
const trust = (anchors: string[], crls: string[] = []) => ({ load: async () => ({ anchors: anchors.map(der), intermediates: [], crls: crls.flatMap(derFromPem) }) });

async function refusal(p: Promise<void>) {
  try {
    await p;
  } catch (e) {
    if (isExchangeRefusal(e)) return { code: e.code, origin: e.origin, temporary: e.temporary, check: e.details?.certificateCheck };
    throw e;
  }
  return undefined;
}

describe('peer certificate checks', () => {
  it('registered: no trust material is needed', async () => {
    expect(await refusal(checkPeerCertificate(undefined, pki.stranger.certificatePem, 'registered', new Date()))).toBeUndefined();
  });

  it('chain: a certificate of a configured anchor passes; one of no anchor is EXCHANGE_SIGNATURE_INVALID, origin hub', async () => {
    expect(await refusal(checkPeerCertificate(trust([pki.ca.certificatePem]), pki.organ.certificatePem, 'chain', new Date()))).toBeUndefined();
    expect(await refusal(checkPeerCertificate(trust([pki.ca.certificatePem]), pki.stranger.certificatePem, 'chain', new Date()))).toEqual({ code: 'EXCHANGE_SIGNATURE_INVALID', origin: 'hub', temporary: false, check: 'untrusted' });
    expect(await refusal(checkPeerCertificate(trust([]), pki.organ.certificatePem, 'chain', new Date()))).toMatchObject({ check: 'untrusted' });
  });

  it('chain: expired at receipt is EXCHANGE_SIGNATURE_INVALID', async () => {
    const later = new Date(Date.now() + 400 * 86_400_000);
    expect(await refusal(checkPeerCertificate(trust([pki.ca.certificatePem]), pki.organ.certificatePem, 'chain', later))).toMatchObject({ code: 'EXCHANGE_SIGNATURE_INVALID', check: 'expired' });
  });

  it('chain-revocation: without a current CRL from the issuer the result is indeterminate and retried, never valid', async () => {
    expect(await refusal(checkPeerCertificate(trust([pki.ca.certificatePem]), pki.organ.certificatePem, 'chain-revocation', new Date()))).toEqual({
      code: 'EXCHANGE_SIGNATURE_INDETERMINATE', origin: 'hub', temporary: true, check: 'no-revocation-data',
    });
  });

  it('chain-revocation: a current CRL of the issuer that does not list it passes; one that lists it is EXCHANGE_SIGNATURE_INVALID', async () => {
    expect(await refusal(checkPeerCertificate(trust([pki.ca.certificatePem], [pki.crl]), pki.organ.certificatePem, 'chain-revocation', new Date()))).toBeUndefined();
    expect(await refusal(checkPeerCertificate(trust([pki.ca.certificatePem], [pki.crlRevokingOrgan]), pki.organ.certificatePem, 'chain-revocation', new Date()))).toEqual({
      code: 'EXCHANGE_SIGNATURE_INVALID', origin: 'hub', temporary: false, check: 'revoked',
    });
  });
});
