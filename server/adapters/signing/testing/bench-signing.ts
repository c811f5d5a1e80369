/**
 * Sign and verify times per PDF, printed as JSON, with the time to SHA-256 the same file as the
 * in-run baseline. Meant for bench/signing (`npm run bench:signing`); run it with
 * `npx tsx server/adapters/signing/testing/bench-signing.ts`.
 */
import { createHash } from 'node:crypto';
import { sealBox } from '../../../domain/signature/appearance-geometry.ts';
import { signPdf } from '../pades/sign-pdf.ts';
import { validatePdf } from '../validation/validate-pdf.ts';
import { createTestPki, samplePdf, SIGNER_BOX } from './test-pki.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(2));
}

async function measure(fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const pki = await createTestPki();
const trust = await pki.ca.load();
const results = [];
for (const pages of [1, 50]) {
  const pdf = await samplePdf(pages);
  const signBoth = async (): Promise<Uint8Array> => {
    const personal = await signPdf({
      pdf,
      signer: pki.signer,
      identity: { kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' },
      appearance: { kind: 'signature-image', page: pages - 1, box: SIGNER_BOX, signerName: 'Nguyễn Văn Ánh' },
    });
    return signPdf({
      pdf: personal,
      signer: pki.signer,
      identity: { kind: 'organisation', agencyCode: 'SXD' },
      appearance: { kind: 'seal', page: pages - 1, box: sealBox(SIGNER_BOX, 36), agencyName: 'Sở Xây dựng' },
    });
  };
  const signed = await signBoth();
  results.push({
    pages,
    bytes: signed.length,
    sha256Ms: await measure(() => createHash('sha256').update(signed).digest()),
    signPersonalAndSealMs: await measure(signBoth),
    verifyTwoSignaturesMs: await measure(() => validatePdf(signed, trust)),
  });
}
console.log(JSON.stringify({ rounds: ROUNDS, results }, null, 2));
