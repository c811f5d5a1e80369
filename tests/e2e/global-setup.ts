/**
 * Starts the second deployment (Cà Mau, tests/e2e/instances.ts) after the webServer has prepared
 * both databases and started Bạc Liêu; the returned teardown stops it (SIGTERM, then SIGKILL after
 * a bound), drops its PostgreSQL database or removes its embedded one, and keeps its log in
 * .tmp/e2e-results/peer.log.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { Instance } from '../exchange/instance.ts';
import { PEER_PORT, peerDatabase, peerEnv } from './instances.ts';

async function dropPeerDatabase(): Promise<void> {
  const db = peerDatabase();
  if (!db) return;
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const peer = new Instance(`Cà Mau (${peerDatabase() ? 'PostgreSQL' : 'PGlite'})`, peerDatabase() ? 'postgres' : 'pglite', PEER_PORT, peerEnv(), dropPeerDatabase);
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
