import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../domain/exchange/retry-policy.ts';
import type { Clock } from '../ports/clock.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { HubSettings } from '../ports/hub.ts';
import type { PackageReader, PeerClient, ReceiptSignatures } from '../ports/hub-wire.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export const DEFAULT_HUB_SETTINGS: HubSettings = {
  nodeName: 'hub',
  maxPackageBytes: 150 * 1024 * 1024,
  sendingLeaseMs: 5 * 60_000,
  breakerFailures: 5,
  breakerPauseMs: 5 * 60_000,
  batchMaxPackages: 100,
  batchMaxBytes: 32 * 1024 * 1024,
};

/** What the hub's own transactions need (receipt and delivery open their own; sending joins the caller's). */
export interface HubDeps {
  uow: UnitOfWork;
  clock: Clock;
  files: FileStore;
  reader: PackageReader;
  peers: PeerClient;
  /** Signs this hub's acknowledgements and checks the peers' (C60). */
  receipts: ReceiptSignatures;
  settings: HubSettings;
  retry: RetryPolicy;
  /** Source of jitter, in [0, 1); tests pin it. */
  random: () => number;
  /** Fault injection for the exchange tests (composition wires it only when NODE_ENV=test). */
  faults?: HubFaults;
}

export interface HubFaults {
  /** Called inside the receipt transaction, after custody is written and before it commits (C59). */
  beforeCustodyCommit?(): void;
}

export function withHubDefaults(deps: Omit<HubDeps, 'settings' | 'retry' | 'random'> & Partial<Pick<HubDeps, 'settings' | 'retry' | 'random'>>): HubDeps {
  return { settings: DEFAULT_HUB_SETTINGS, retry: DEFAULT_RETRY_POLICY, random: Math.random, ...deps };
}
