import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { readRawBody } from './raw-body.ts';
import { isSpooled, SPOOL_THRESHOLD_BYTES, sweepSpool } from './spool.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'lt-spool-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function request(chunks: Buffer[], contentLength?: number): IncomingMessage {
  const r = Readable.from(chunks) as unknown as IncomingMessage;
  r.headers = contentLength === undefined ? {} : { 'content-length': String(contentLength) };
  return r;
}

describe('large raw bodies are spooled to a temporary file', () => {
  it('a body over the threshold becomes a file with its digest; a small one stays a buffer', async () => {
    const dir = tempDir();
    const big = Buffer.alloc(SPOOL_THRESHOLD_BYTES * 2 + 5, 0x41);
    const body = await readRawBody(request([big.subarray(0, 100_000), big.subarray(100_000)], big.length), 10 * big.length, dir);
    expect(isSpooled(body)).toBe(true);
    if (!isSpooled(body)) return;
    expect(body.size).toBe(big.length);
    const back: Buffer[] = [];
    for await (const c of body.open()) back.push(c as Buffer);
    expect(Buffer.concat(back).equals(big)).toBe(true);
    expect(Buffer.isBuffer(await readRawBody(request([Buffer.from('<a/>')], 4), 100, dir))).toBe(true);
  });

  it('a body longer than its Content-Length is refused and leaves no file', async () => {
    const dir = tempDir();
    const big = Buffer.alloc(SPOOL_THRESHOLD_BYTES * 2, 0x41);
    await expect(readRawBody(request([big, Buffer.from('more')], big.length), 10 * big.length, dir)).rejects.toMatchObject({ statusCode: 400 });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the start-up sweep removes files of processes that no longer run, not those of a running one', async () => {
    const dir = tempDir();
    const dead = path.join(dir, `${2 ** 22 + 12345}-a`);
    const mine = path.join(dir, `${process.pid}-b`);
    const running = path.join(dir, `${process.ppid}-c`);
    for (const f of [dead, mine, running]) writeFileSync(f, 'x');
    expect(await sweepSpool(dir)).toBe(2);
    expect([existsSync(dead), existsSync(mine), existsSync(running)]).toEqual([false, false, true]);
  });
});
