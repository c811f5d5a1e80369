import { existsSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS } from '../../adapters/hub/edxml/constants.ts';
import { EdxmlPackageReader } from '../../adapters/hub/package-reader.ts';
import { HttpPeerClient } from '../../adapters/hub/peer-client.ts';
import { RsaReceiptSignatures } from '../../adapters/hub/receipt-signatures.ts';
import { DEFAULT_HUB_SETTINGS, withHubDefaults, type HubDeps, type HubFaults } from '../../app/hub/hub-deps.ts';
import { DEFAULT_RETRY_POLICY } from '../../domain/exchange/retry-policy.ts';
import type { AppDeps } from '../http/deps.ts';

const cache = new WeakMap<AppDeps, HubDeps>();

/** The hub's ports for one composed application (built once per AppDeps). */
export function hubDepsOf(deps: AppDeps, overrides: Partial<HubDeps> = {}): HubDeps {
  if (Object.keys(overrides).length === 0) {
    const known = cache.get(deps);
    if (known) return known;
  }
  const c = deps.config.hub;
  const hub = withHubDefaults({
    uow: deps.uow, clock: deps.clock, files: deps.files, reader: new EdxmlPackageReader(DEFAULT_LIMITS, deps.signingTrust), peers: new HttpPeerClient(),
    receipts: new RsaReceiptSignatures(c.receiptKeyPem && c.receiptCertificatePem ? { privateKeyPem: c.receiptKeyPem, certificatePem: c.receiptCertificatePem } : undefined),
    settings: { ...DEFAULT_HUB_SETTINGS, nodeName: c.nodeName, sendingLeaseMs: c.sendingLeaseMs, breakerPauseMs: c.breakerPauseMs },
    retry: { ...DEFAULT_RETRY_POLICY, baseDelayMs: c.retryBaseMs, maxDelayMs: c.retryMaxDelayMs, maxAttempts: c.retryMaxAttempts },
    ...(deps.config.nodeEnv === 'test' ? { faults: testFaults(deps.config.dataDir) } : {}),
    ...overrides,
  });
  if (Object.keys(overrides).length === 0) cache.set(deps, hub);
  return hub;
}

/** The bearer token of a peer request, if any. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const m = value ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
  return m?.[1];
}

/**
 * Faults the two-instance tests inject into a running hub (NODE_ENV=test only): a file
 * `DATA_DIR/faults/kill-before-commit` makes the next receipt kill this process with SIGKILL after
 * custody is written and before the transaction commits; the file is removed first, so it fires once.
 */
function testFaults(dataDir: string): HubFaults {
  const killFile = path.join(dataDir, 'faults', 'kill-before-commit');
  return {
    beforeCustodyCommit: () => {
      if (!existsSync(killFile)) return;
      unlinkSync(killFile);
      process.kill(process.pid, 'SIGKILL');
    },
  };
}
