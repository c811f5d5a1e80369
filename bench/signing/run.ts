/**
 * `npm run bench:signing`: sign (personal signature, then the organisation seal) and verify times
 * per PDF for a 1-page and a 50-page document, beside the time to SHA-256 the same file in the same
 * run, as JSON. The machine's load average is printed with the figures: on a shared machine the
 * ratios to the SHA-256 baseline say more than the milliseconds.
 *
 *   BENCH_ROUNDS=30 npm run bench:signing
 */
import { createHash } from 'node:crypto';
import { loadavg, cpus } from 'node:os';
import { sealBox } from '../../server/domain/signature/appearance-geometry.ts';
import { signPdf } from '../../server/adapters/signing/pades/sign-pdf.ts';
import { createTestPki, redRingPng, samplePdf, SIGNER_BOX } from '../../server/adapters/signing/testing/test-pki.ts';
import { validatePdf } from '../../server/adapters/signing/validation/validate-pdf.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

interface Stats {
  p50: number;
  p90: number;
  min: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!.toFixed(2));
  return { p50: at(0.5), p90: at(0.9), min: Number(sorted[0]!.toFixed(2)) };
}

async function measure(fn: () => Promise<unknown> | unknown): Promise<Stats> {
  await fn(); // warm-up: fonts, keys, parsers
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return stats(times);
}

const ratio = (a: Stats, b: Stats) => Number((a.p50 / Math.max(b.p50, 0.001)).toFixed(1));

const pki = await createTestPki();
const trust = await pki.ca.load();
const signaturePng = redRingPng(300);
const sealPng = redRingPng(420);
const results = [];
for (const pages of [1, 50]) {
  const pdf = await samplePdf(pages);
  const page = pages - 1;
  const signBoth = async (): Promise<Uint8Array> => {
    const personal = await signPdf({
      pdf,
      signer: pki.signer,
      identity: { kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' },
      appearance: { kind: 'signature-image', page, box: SIGNER_BOX, signerName: 'Nguyễn Văn Ánh', imagePng: signaturePng },
    });
    return signPdf({
      pdf: personal,
      signer: pki.signer,
      identity: { kind: 'organisation', agencyCode: 'SXD' },
      appearance: { kind: 'seal', page, box: sealBox(SIGNER_BOX, 36), agencyName: 'Sở Xây dựng', imagePng: sealPng },
    });
  };
  const signed = await signBoth();
  const check = await validatePdf(signed, trust);
  if (check.status !== 'VALID') throw new Error(`bench document does not validate: ${JSON.stringify(check.reasons)}`);
  const sha256 = await measure(() => createHash('sha256').update(signed).digest());
  const sign = await measure(signBoth);
  const verify = await measure(() => validatePdf(signed, trust));
  results.push({
    pages,
    inputBytes: pdf.length,
    signedBytes: signed.length,
    sha256Ms: sha256,
    signPersonalAndSealMs: sign,
    verifyTwoSignaturesMs: verify,
    signToSha256: ratio(sign, sha256),
    verifyToSha256: ratio(verify, sha256),
  });
}
const [load1, load5, load15] = loadavg().map((n) => Number(n.toFixed(2)));
console.log(JSON.stringify({
  rounds: ROUNDS,
  node: process.version,
  cpus: cpus().length,
  loadAverage: { load1, load5, load15 },
  keys: 'RSA 2048 (test CA), SHA-256, PAdES B-B; signature and seal as PNG images',
  aim: { signPersonalAndSeal1PageMs: 50, verify1PageMs: 20 },
  results,
}, null, 2));
