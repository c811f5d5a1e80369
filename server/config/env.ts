import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readSmtp, SMTP_SETTINGS, type SmtpConfig } from './smtp.ts';

/**
 * Deploy-time settings, read once from the environment and validated. Each entry documents
 * itself: `docs/config.md` is checked against this table by a unit test.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  nodeEnv: 'development' | 'production' | 'test';
  sessionSecret: string;
  sessionTtlMinutes: number;
  fileStore: { kind: 'local'; dir: string; maxUploadBytes: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Fastify's trustProxy: false, a hop count, or proxy addresses. */
  trustProxy: false | number | string;
  signing: { provider: 'local' | 'fake-remote'; caDir: string; kekBase64: string | undefined };
  demoMode: boolean;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  /** Login attempts per client address and minute (the login route's rate limit). */
  loginRatePerMinute: number;
  smtp: SmtpConfig | undefined;
  /** Store-and-forward timing (exchange.md §4.4); the defaults are the spec's. */
  hub: HubConfig;
}

export interface HubConfig {
  nodeName: string;
  workerIntervalMs: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  retryMaxAttempts: number;
  breakerPauseMs: number;
  sendingLeaseMs: number;
  /** Deliveries one worker claims and pushes side by side. */
  deliveryLanes: number;
  /** Requests one client address may make per minute to each peer endpoint route (push, pull, acknowledge). */
  peerRatePerMinute: number;
  /** Operators are warned when the oldest undelivered package, or a peer's backlog without success, is older than this. */
  stuckAlarmMinutes: number;
  /** The hub's system key and certificate (PEM) that sign its acknowledgements (C60); absent = unsigned. */
  receiptKeyPem?: string;
  receiptCertificatePem?: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export interface SettingDoc {
  name: string;
  type: string;
  default: string;
  description: string;
}

export const SETTINGS: SettingDoc[] = [
  { name: 'PORT', type: 'integer 1–65535', default: '3000', description: 'TCP port the HTTP server listens on.' },
  { name: 'HOST', type: 'host name or address', default: '0.0.0.0', description: 'Interface the HTTP server binds to.' },
  { name: 'DATA_DIR', type: 'path', default: './data', description: 'Folder for the embedded database, the local file store and the generated demo secret.' },
  { name: 'DATABASE_URL', type: 'postgres:// URL', default: '(none: embedded PGlite in DATA_DIR/pg)', description: 'PostgreSQL server to use. Absent means the embedded PGlite database, one process per DATA_DIR.' },
  { name: 'NODE_ENV', type: 'development | production | test', default: 'development', description: 'Production requires SESSION_SECRET and disables demo mode.' },
  { name: 'SESSION_SECRET', type: 'string, at least 32 characters', default: '(none; in embedded demo mode generated once into DATA_DIR/session-secret)', description: 'Secret that signs session cookies and CSRF tokens. Required in production and whenever DATABASE_URL is set.' },
  { name: 'SESSION_TTL_MINUTES', type: 'integer minutes', default: '480', description: 'Idle lifetime of a login session.' },
  { name: 'FILE_STORE', type: 'local', default: 'local', description: 'File store adapter. Only `local` (content-addressed on disk) exists yet; an S3-compatible adapter plugs into the same port.' },
  { name: 'FILE_STORE_DIR', type: 'path', default: 'DATA_DIR/files', description: 'Folder of the local file store.' },
  { name: 'MAX_UPLOAD_MB', type: 'integer MiB', default: '50', description: 'Largest file accepted in one upload.' },
  { name: 'TRUST_PROXY', type: 'false | number of proxy hops | comma-separated proxy addresses or CIDRs', default: 'false', description: 'Which reverse proxies may set X-Forwarded-For. Client addresses (login rate limit, audit) come from that header only through these; never `true`, which would let any caller choose its address.' },
  { name: 'LOG_LEVEL', type: 'fatal | error | warn | info | debug | trace | silent', default: 'info', description: 'Level of the structured JSON logs written to standard output.' },
  { name: 'DEMO_MODE', type: 'true | false', default: 'true when embedded and not production', description: 'Allows seeding demo users with known passwords. Refused in production.' },
  { name: 'SIGNER_PROVIDER', type: 'local | fake-remote', default: 'local', description: 'Where signing keys live: `local` (PKCS#12 keys kept encrypted on the server). `fake-remote` is the test double of a remote signing service (hash signed elsewhere). An unknown name stops start-up.' },
  { name: 'SIGNING_KEK', type: 'base64 of 32 bytes', default: '(none; outside production generated once into DATA_DIR/signing-kek)', description: 'Key-encryption key for private keys at rest (AES-256-GCM). Required in production.' },
  { name: 'SIGNING_CA_DIR', type: 'path', default: 'DATA_DIR/ca', description: 'Folder of the test CA, trust anchors and CRLs used to sign and validate.' },
  { name: 'LOGIN_MAX_FAILURES', type: 'integer', default: '5', description: 'Failed logins in a row after which an account is locked for LOGIN_LOCKOUT_MINUTES.' },
  { name: 'LOGIN_LOCKOUT_MINUTES', type: 'integer minutes', default: '15', description: 'How long an account stays locked after too many failed logins.' },
  { name: 'LOGIN_RATE_PER_MINUTE', type: 'integer', default: '20', description: 'Login attempts one client address may make per minute; more get 429. Raise it only where many people share one address (a proxy without TRUST_PROXY, or browser tests).' },
  { name: 'HUB_NODE_NAME', type: 'string', default: 'hub', description: 'Name of this hub in the trace (`from_node`, `to_node`); give each deployment its own (e.g. `hub-baclieu`).' },
  { name: 'HUB_WORKER_INTERVAL_MS', type: 'integer ms', default: '1000', description: 'How often the worker role looks for deliveries that are due.' },
  { name: 'HUB_RETRY_BASE_MS', type: 'integer ms', default: '30000', description: 'Wait after the first failed delivery attempt; each further failure waits 4 times longer (±20 % jitter), up to HUB_RETRY_MAX_DELAY_MS.' },
  { name: 'HUB_RETRY_MAX_DELAY_MS', type: 'integer ms', default: '3600000', description: 'Longest wait between two delivery attempts.' },
  { name: 'HUB_RETRY_MAX_ATTEMPTS', type: 'integer', default: '10', description: 'Attempts per package and receiver before the delivery becomes a dead letter (a resend starts a new series).' },
  { name: 'HUB_BREAKER_PAUSE_MS', type: 'integer ms', default: '300000', description: 'After 5 temporary failures in a row, a peer\'s deliveries are paused this long (circuit breaker).' },
  { name: 'HUB_SIGNING_KEY_FILE', type: 'path', default: '(none)', description: 'PEM private key of this hub\'s system certificate; it signs every acknowledgement (delivery receipt) the hub gives. Set together with HUB_SIGNING_CERT_FILE; without them acknowledgements are unsigned and peers that require signed receipts retry.' },
  { name: 'HUB_SIGNING_CERT_FILE', type: 'path', default: '(none)', description: 'PEM certificate matching HUB_SIGNING_KEY_FILE: the certificate peers register for this hub.' },
  { name: 'HUB_DELIVERY_LANES', type: 'integer 1–64', default: '8', description: 'Sizes the delivery pass of one worker: two claim loops side by side, each claiming 2 × this many deliveries per transaction; the deliveries of a claim to one peer go in batch requests (POST /api/hub/batch), so peer round trips overlap. Exactly-once and per-document order hold for any value (each claim is a row lock; a later package of a document waits for the earlier one).' },
  { name: 'HUB_PEER_RATE_PER_MINUTE', type: 'integer', default: '1200', description: 'Requests one client address may make per minute to each peer endpoint route (push a package, push a status, pull, acknowledge); more get 429 and the peer retries. A peer hub behind one address delivering more than 20 packages a second needs more.' },
  { name: 'HUB_STUCK_ALARM_MINUTES', type: 'integer minutes 1–10080', default: '30', description: 'The operator\'s hub screen warns when the oldest package not yet delivered has waited longer than this, or a peer with packages waiting has had no successful delivery for this long.' },
  { name: 'HUB_SENDING_LEASE_MS', type: 'integer ms', default: '300000', description: 'A delivery whose attempt started longer ago than this without an outcome (its worker died) is attempted again.' },
  ...SMTP_SETTINGS,
];

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', `is not a URL: "${raw}" (expected postgres://user@host:5432/database)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${url.protocol}"`);
  }
  if (!url.hostname && !url.searchParams.get('host')) throw new ConfigError('DATABASE_URL', 'has no host');
  return raw;
}

/** Reads and validates the whole configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const dataDir = path.resolve(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './data');
  const dbUrl = databaseUrl(env);
  const embedded = dbUrl === undefined;
  const demoMode = bool(env, 'DEMO_MODE', embedded && nodeEnv !== 'production');
  if (demoMode && nodeEnv === 'production') throw new ConfigError('DEMO_MODE', 'cannot be true in production');
  const fileStoreKind = oneOf(env, 'FILE_STORE', ['local'] as const, 'local');
  const sessionSecret = readSessionSecret(env, { dataDir, embedded, nodeEnv });
  const signing = readSigning(env, dataDir, nodeEnv);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST && env.HOST !== '' ? env.HOST : '0.0.0.0',
    dataDir,
    databaseUrl: dbUrl,
    nodeEnv,
    sessionSecret,
    sessionTtlMinutes: int(env, 'SESSION_TTL_MINUTES', 480, 5, 60 * 24 * 30),
    fileStore: {
      kind: fileStoreKind,
      dir: path.resolve(env.FILE_STORE_DIR && env.FILE_STORE_DIR !== '' ? env.FILE_STORE_DIR : path.join(dataDir, 'files')),
      maxUploadBytes: int(env, 'MAX_UPLOAD_MB', 50, 1, 4096) * 1024 * 1024,
    },
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    demoMode,
    signing,
    trustProxy: readTrustProxy(env),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockoutMinutes: int(env, 'LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    loginRatePerMinute: int(env, 'LOGIN_RATE_PER_MINUTE', 20, 1, 100_000),
    smtp: readSmtp(env, (v, m) => new ConfigError(v, m)),
    hub: readHub(env),
  };
}

function readHub(env: Env): HubConfig {
  const nodeName = env.HUB_NODE_NAME?.trim() || 'hub';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(nodeName)) throw new ConfigError('HUB_NODE_NAME', `must be 1–64 letters, digits, dots, dashes or underscores, got "${nodeName}"`);
  const retryBaseMs = int(env, 'HUB_RETRY_BASE_MS', 30_000, 100, 24 * 3_600_000);
  const retryMaxDelayMs = int(env, 'HUB_RETRY_MAX_DELAY_MS', 3_600_000, 100, 7 * 24 * 3_600_000);
  if (retryMaxDelayMs < retryBaseMs) throw new ConfigError('HUB_RETRY_MAX_DELAY_MS', `must not be below HUB_RETRY_BASE_MS (${retryBaseMs}), got ${retryMaxDelayMs}`);
  return {
    nodeName,
    workerIntervalMs: int(env, 'HUB_WORKER_INTERVAL_MS', 1000, 50, 3_600_000),
    retryBaseMs,
    retryMaxDelayMs,
    retryMaxAttempts: int(env, 'HUB_RETRY_MAX_ATTEMPTS', 10, 1, 10_000),
    breakerPauseMs: int(env, 'HUB_BREAKER_PAUSE_MS', 300_000, 0, 24 * 3_600_000),
    sendingLeaseMs: int(env, 'HUB_SENDING_LEASE_MS', 300_000, 1000, 24 * 3_600_000),
    deliveryLanes: int(env, 'HUB_DELIVERY_LANES', 8, 1, 64),
    peerRatePerMinute: int(env, 'HUB_PEER_RATE_PER_MINUTE', 1200, 1, 10_000_000),
    stuckAlarmMinutes: int(env, 'HUB_STUCK_ALARM_MINUTES', 30, 1, 7 * 24 * 60),
    ...readReceiptKey(env),
  };
}

function readPemFile(env: Env, name: string, marker: RegExp, what: string): string | undefined {
  const file = env[name]?.trim();
  if (!file) return undefined;
  if (!existsSync(file)) throw new ConfigError(name, `file not found: ${file}`);
  const pem = readFileSync(file, 'utf8');
  if (!marker.test(pem)) throw new ConfigError(name, `${file} holds no PEM ${what}`);
  return pem;
}

function readReceiptKey(env: Env): Pick<HubConfig, 'receiptKeyPem' | 'receiptCertificatePem'> {
  const key = readPemFile(env, 'HUB_SIGNING_KEY_FILE', /-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'private key');
  const cert = readPemFile(env, 'HUB_SIGNING_CERT_FILE', /-----BEGIN CERTIFICATE-----/, 'certificate');
  if (key && !cert) throw new ConfigError('HUB_SIGNING_CERT_FILE', 'must be set when HUB_SIGNING_KEY_FILE is set');
  if (cert && !key) throw new ConfigError('HUB_SIGNING_KEY_FILE', 'must be set when HUB_SIGNING_CERT_FILE is set');
  return key && cert ? { receiptKeyPem: key, receiptCertificatePem: cert } : {};
}

function readTrustProxy(env: Env): Config['trustProxy'] {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const parts = raw.split(',').map((p) => p.trim());
  if (raw === 'true' || parts.some((p) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p))) {
    throw new ConfigError('TRUST_PROXY', `must be false, a number of proxy hops, or proxy addresses/CIDRs separated by commas, got "${raw}"`);
  }
  return parts.join(',');
}

function readSigning(env: Env, dataDir: string, nodeEnv: string): Config['signing'] {
  const provider = oneOf(env, 'SIGNER_PROVIDER', ['local', 'fake-remote'] as const, 'local');
  const kek = env.SIGNING_KEK && env.SIGNING_KEK !== '' ? env.SIGNING_KEK : undefined;
  if (kek !== undefined && Buffer.from(kek, 'base64').length !== 32) {
    throw new ConfigError('SIGNING_KEK', 'must be the base64 of exactly 32 random bytes (openssl rand -base64 32)');
  }
  if (kek === undefined && nodeEnv === 'production') throw new ConfigError('SIGNING_KEK', 'is required in production (openssl rand -base64 32)');
  const caDir = path.resolve(env.SIGNING_CA_DIR && env.SIGNING_CA_DIR !== '' ? env.SIGNING_CA_DIR : path.join(dataDir, 'ca'));
  return { provider, caDir, kekBase64: kek };
}

function readSessionSecret(env: Env, ctx: { dataDir: string; embedded: boolean; nodeEnv: string }): string {
  const raw = env.SESSION_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('SESSION_SECRET', `must be at least 32 characters, got ${raw.length}`);
    return raw;
  }
  if (ctx.nodeEnv === 'production' || !ctx.embedded) {
    throw new ConfigError('SESSION_SECRET', 'is required in production and with DATABASE_URL (at least 32 random characters)');
  }
  // Embedded demo mode: one secret per data directory, generated on first start and kept.
  const file = path.join(ctx.dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(ctx.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
