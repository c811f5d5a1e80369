/**
 * The memory part of bench/hub: one large package pushed to a running deployment, from one of its
 * agencies to another, until the arrival is an incoming document with its file stored. The peak
 * resident memory of the receiving process over that span (push → its file in the receiver's store) is its VmHWM, reset just before the push
 * by writing 5 to /proc/<pid>/clear_refs (sampled VmRSS every 20 ms where that is refused).
 */
import { formatWireTimestamp } from '../../server/domain/exchange/wire-dates.ts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { buildDocumentPackage } from '../../server/adapters/hub/edxml/build-document.ts';
import { draftPackage } from '../../server/adapters/hub/testing/samples.ts';
import { sleep } from '../../tests/exchange/instance.ts';
import type { Province } from '../../tests/exchange/two-instances.ts';
import { round } from './load.ts';

export interface MemoryFigures {
  encoding: 'base64' | 'zip';
  packageMB: number;
  fileMB: number;
  rssBeforeMB: number;
  peakRssMB: number;
  /** Push to incoming document with its file stored. */
  seconds: number;
  peakFrom: 'VmHWM' | 'sampled VmRSS';
}

const MB = 1024 * 1024;

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

/** A signed document package of about `packageMB` MiB: one random file, Base64 or ZIP+Base64. */
export function largePackage(from: string, to: string, province: Province, packageMB: number, encoding: 'base64' | 'zip') {
  const file = randomBytes(Math.floor((packageMB * MB * 3) / 4) - 64 * 1024);
  const draft = draftPackage({ packageId: randomUUID() });
  const built = buildDocumentPackage(
    {
      ...draft,
      MessageHeader: {
        ...draft.MessageHeader,
        From: { OrganId: from, OrganName: 'Cơ quan gửi (đo bộ nhớ)' },
        To: [{ OrganId: to }],
        Code: { CodeNumber: String(900 + (encoding === 'zip' ? 1 : 0)), CodeNotation: `BENCH-${process.pid}` },
      },
      TraceHeader: [{ OrganId: from, Timestamp: formatWireTimestamp(new Date()) }],
      attachments: [{ ContentId: `cid:${randomUUID()}`, AttachmentName: 'ban-ve-lon.dwg', ContentType: 'application/octet-stream', Description: 'Bản vẽ lớn', bytes: file }],
    },
    { signer: province.signer, encoding },
  );
  return { packageId: built.packageId, bytes: built.bytes, fileBytes: file.length, fileSha256: createHash('sha256').update(file).digest('hex') };
}

export async function peakWhileReceiving(province: Province, db: pg.Pool, pkg: ReturnType<typeof largePackage>, encoding: 'base64' | 'zip'): Promise<MemoryFigures> {
  const pid = province.instance.pid;
  if (!pid) throw new Error(`${province.instance.label} is not running`);
  const rssBefore = statusKb(pid, 'VmRSS');
  let peakFrom: MemoryFigures['peakFrom'] = 'VmHWM';
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    peakFrom = 'sampled VmRSS';
  }
  let sampled = rssBefore;
  const sampler = setInterval(() => {
    try {
      sampled = Math.max(sampled, statusKb(pid, 'VmRSS'));
    } catch {
      // the process ended: the run fails below
    }
  }, 20);
  const started = Date.now();
  try {
    const res = await fetch(new URL('api/hub/packages', province.instance.url), {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-package-id': pkg.packageId, authorization: `Bearer ${province.endpointToken}` },
      body: pkg.bytes as unknown as BodyInit,
      signal: AbortSignal.timeout(600_000),
    }).catch((e: unknown) => {
      throw new Error(`the ${encoding} push failed (${String(e)}); receiver running: ${province.instance.running}; its log:\n${province.instance.logTail()}`, { cause: e });
    });
    const answer = await res.text();
    if (res.status !== 200) throw new Error(`large package refused: HTTP ${res.status} ${answer.slice(0, 300)}`);
    // The arrival streams the file into the store first; that file, content-addressed, is the end mark.
    const stored = path.join(province.instance.env.DATA_DIR!, 'files', pkg.fileSha256.slice(0, 2), pkg.fileSha256.slice(2, 4), pkg.fileSha256);
    const until = Date.now() + (process.env.BENCH_WAIT_MS ? Number(process.env.BENCH_WAIT_MS) : 300_000);
    while (!existsSync(stored)) {
      if (Date.now() > until) throw new Error(`the large package's file was not stored within the wait:\n${province.instance.logTail()}`);
      await sleep(100);
    }
  } finally {
    clearInterval(sampler);
  }
  // Cà Mau's agencies hold no organisation keys in this set-up, so its arrival cannot sign the `01` and
  // is rolled back after the file is stored, and retried; mark it processed so the next is not queued behind it.
  await db.query('UPDATE hub_inbox SET processed_at = now() WHERE package_id = $1', [pkg.packageId]);
  const seconds = (Date.now() - started) / 1000;
  const peakKb = peakFrom === 'VmHWM' ? statusKb(pid, 'VmHWM') : sampled;
  return {
    encoding, packageMB: round(pkg.bytes.length / MB), fileMB: round(pkg.fileBytes / MB), rssBeforeMB: round(rssBefore / 1024), peakRssMB: round(peakKb / 1024), seconds: round(seconds), peakFrom,
  };
}
