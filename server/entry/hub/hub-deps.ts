import { EdxmlPackageReader } from '../../adapters/hub/package-reader.ts';
import { HttpPeerClient } from '../../adapters/hub/peer-client.ts';
import { withHubDefaults, type HubDeps } from '../../app/hub/hub-deps.ts';
import type { AppDeps } from '../http/deps.ts';

const cache = new WeakMap<AppDeps, HubDeps>();

/** The hub's ports for one composed application (built once per AppDeps). */
export function hubDepsOf(deps: AppDeps, overrides: Partial<HubDeps> = {}): HubDeps {
  if (Object.keys(overrides).length === 0) {
    const known = cache.get(deps);
    if (known) return known;
  }
  const hub = withHubDefaults({
    uow: deps.uow, clock: deps.clock, files: deps.files, reader: new EdxmlPackageReader(), peers: new HttpPeerClient(), ...overrides,
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
