import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConfigDoc } from '../../scripts/gen-config-doc.ts';
import { ConfigError, loadConfig, SETTINGS } from './env.ts';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'lt-config-'));

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000, and keeps one generated demo secret', () => {
    const dir = dataDir();
    const c = loadConfig({ DATA_DIR: dir });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demoMode).toBe(true);
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(c.trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8,127.0.0.1');
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(c.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(c.sessionSecret);
  });

  it.each([
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x@h/db', SESSION_SECRET: 'x'.repeat(40) }, 'DATABASE_URL'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
    [{ DATABASE_URL: 'postgres://u@localhost/db' }, 'SESSION_SECRET'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'y'.repeat(40), DEMO_MODE: 'true' }, 'DEMO_MODE'],
    [{ FILE_STORE: 's3' }, 'FILE_STORE'],
    [{ MAX_UPLOAD_MB: '0' }, 'MAX_UPLOAD_MB'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SIGNER_PROVIDER: 'smartca-typo' }, 'SIGNER_PROVIDER'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'my-balancer' }, 'TRUST_PROXY'],
    [{ SIGNING_KEK: 'dG9vLXNob3J0' }, 'SIGNING_KEK'],
    [{ HUB_STUCK_ALARM_MINUTES: '0' }, 'HUB_STUCK_ALARM_MINUTES'],
    [{ HUB_STUCK_ALARM_MINUTES: 'half an hour' }, 'HUB_STUCK_ALARM_MINUTES'],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'y'.repeat(40), DATABASE_URL: 'postgres://u@db/lt' }, 'SIGNING_KEK'],
  ])('refuses %j naming %s', (env, variable) => {
    const error = errorOf({ DATA_DIR: dataDir(), ...env });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('production with a server database and a secret starts without demo mode', () => {
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db:5432/lt', SESSION_SECRET: 'z'.repeat(48), SIGNING_KEK: Buffer.alloc(32, 7).toString('base64'), DATA_DIR: dataDir() });
    expect(c.demoMode).toBe(false);
    expect(c.databaseUrl).toBe('postgres://u@db:5432/lt');
  });

  it('docs/config.md documents every setting and is current', () => {
    const doc = readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderConfigDoc());
    for (const s of SETTINGS) expect(doc).toContain(`\`${s.name}\``);
  });
});
