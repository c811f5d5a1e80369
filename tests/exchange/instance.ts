/**
 * One running lienthong deployment as a child process (`bin/lienthong.mjs start`), for the
 * two-instance exchange tests and `scripts/two-instances.ts`. Every wait is bounded and fails with
 * the instance's own log, so a hung start or a dead process says why.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../server/config/env.ts';
import { openDatabase, targetFromConfig } from '../../server/adapters/db/database.ts';
import type { DB } from '../../server/adapters/db/schema.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/lienthong.mjs');
const LOG_TAIL = 4000;

export class Instance {
  private child: ChildProcess | undefined;
  private log = '';

  constructor(
    /** Shown in failure messages ("Bạc Liêu (PGlite)"). */
    readonly label: string,
    readonly engine: 'pglite' | 'postgres',
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
    private readonly cleanup: () => Promise<void>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** The running process's id (for /proc sampling in bench/hub), or undefined. */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  logTail(): string {
    return this.log.slice(-LOG_TAIL);
  }

  /** Runs a `lienthong` command against this deployment's database; rejects with its stderr. */
  cli(args: string[], timeoutMs = 120_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve(out);
        else reject(new Error(`${this.label}: lienthong ${args.join(' ')} exited ${code ?? signal}:\n${err || out}`));
      });
    });
  }

  /** Starts `lienthong start` and waits (bounded) until /readyz answers. */
  async start(timeoutMs = 180_000): Promise<void> {
    if (this.running) throw new Error(`${this.label} is already running`);
    // LT_NODE_ARGS: node options refused in NODE_OPTIONS (bench/hub's --cpu-prof).
    const nodeArgs = this.env.LT_NODE_ARGS ? this.env.LT_NODE_ARGS.split(' ').filter(Boolean) : [];
    // The node options of `npm start` (package.json), so the bench measures the process as deployed.
    const child = spawn(process.execPath, ['--max-semi-space-size=2', '--expose-gc', ...nodeArgs, BIN, 'start', '--services', 'api,worker,hub'], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const append = (d: Buffer): void => {
      this.log = (this.log + d.toString()).slice(-50_000);
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.running) throw new Error(`${this.label} exited during start-up (${child.exitCode ?? child.signalCode}):\n${this.logTail()}`);
      try {
        const res = await fetch(new URL('readyz', this.url), { signal: AbortSignal.timeout(2000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    child.kill('SIGKILL');
    throw new Error(`${this.label} was not ready on port ${this.port} within ${timeoutMs / 1000} s:\n${this.logTail()}`);
  }

  /** SIGTERM and wait for a clean exit; SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = exitOf(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** SIGKILL: the process gets no chance to finish anything. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = exitOf(child);
    child.kill('SIGKILL');
    await exited;
  }

  /**
   * Reads this deployment's database directly. PostgreSQL is shared, so the instance may run; an
   * embedded PGlite allows one process per DATA_DIR, so the instance must be stopped first.
   */
  async db<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
    if (this.engine === 'pglite' && this.running) throw new Error(`${this.label}: stop the instance before opening its embedded database`);
    const config = loadConfig(this.env);
    const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, max: 2 } : targetFromConfig(config));
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  }

  async destroy(): Promise<void> {
    if (this.child && this.running) {
      const exited = exitOf(this.child);
      this.child.kill('SIGKILL');
      await exited;
    }
    await this.cleanup();
    rmSync(this.env.DATA_DIR!, { recursive: true, force: true });
  }
}

export function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined; fails with `what` and the last value seen. */
export async function waitUntil<T>(what: string | (() => string), probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= until) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${typeof what === 'string' ? what : what()}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(intervalMs);
  }
}
