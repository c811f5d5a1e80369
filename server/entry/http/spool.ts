/**
 * Large raw bodies (EDXML packages over SPOOL_THRESHOLD_BYTES) are written to a local temporary file
 * while they are hashed, instead of one buffer: the hub reads them from there in windows and streams
 * them into the file store. The file is the transport's: removed after the answer (`removeSpooled`,
 * called by the route and again by an onResponse hook), and files left by a process that died are
 * removed at the next start (`sweepSpool`). Names carry the writer's pid, so a sweep never removes
 * the file of another running process sharing the directory.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SpooledPackage } from '../../app/ports/hub-wire.ts';

export const SPOOL_THRESHOLD_BYTES = 1024 * 1024;

export function spoolDirOf(dataDir: string): string {
  return path.join(dataDir, 'spool');
}

export function spooledPackage(file: string, size: number, sha256: string): SpooledPackage {
  return { path: file, size, sha256, open: () => createReadStream(file) };
}

export function isSpooled(body: unknown): body is SpooledPackage {
  return typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && typeof (body as SpooledPackage).path === 'string' && typeof (body as SpooledPackage).open === 'function';
}

export async function removeSpooled(body: unknown): Promise<void> {
  if (isSpooled(body)) await rm(body.path, { force: true });
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // this process has only just started: nothing of it is in flight
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the spooled files of processes that no longer run; returns how many. */
export async function sweepSpool(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of await readdir(dir)) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && alive(pid)) continue;
    await rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

export async function ensureSpoolDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}
