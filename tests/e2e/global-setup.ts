/**
 * Starts the second deployment (Cà Mau, tests/e2e/instances.ts) after the webServer has prepared
 * both databases and started Bạc Liêu; the returned teardown stops it (SIGTERM, then SIGKILL after
 * a bound), drops its PostgreSQL database or removes its embedded one, and keeps its log in
 * .tmp/e2e-results/peer.log.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Instance } from '../exchange/instance.ts';
import { PEER_PORT, dropPeerDatabase, peerDatabase, peerEnv } from './instances.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const peer = new Instance(`Cà Mau (${peerDatabase() ? 'PostgreSQL' : 'PGlite'})`, peerDatabase() ? 'postgres' : 'pglite', PEER_PORT, peerEnv(), () => dropPeerDatabase());
  try {
    await peer.start();
  } catch (error) {
    await peer.destroy();
    throw error;
  }
  return async () => {
    await peer.stop();
    mkdirSync('.tmp/e2e-results', { recursive: true });
    writeFileSync('.tmp/e2e-results/peer.log', peer.logTail());
    await peer.destroy();
  };
}
