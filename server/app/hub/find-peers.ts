/** Per-peer health for operators: last success, backlog, failures (issue 5 item 6). Secrets never leave. */
import type { Actor } from '../actor.ts';
import type { CertificateCheck, SignaturePolicy } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOperator } from './operator-access.ts';

export interface PeerHealth {
  id: string;
  name: string;
  codePrefixes: string[];
  endpointUrl: string | null;
  mode: 'push' | 'pull';
  signaturePolicy: SignaturePolicy;
  certificateCheck: CertificateCheck;
  active: boolean;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  consecutiveFailures: number;
  waiting: number;
  dead: number;
  oldestWaitingAt: string | null;
}

export async function findPeers(tx: TxPorts, actor: Actor): Promise<PeerHealth[]> {
  assertOperator(actor);
  const backlog = new Map((await tx.hub.peerBacklog()).map((b) => [b.peerId, b]));
  return (await tx.hub.listPeers()).map((p) => {
    const b = backlog.get(p.id);
    return {
      id: p.id, name: p.name, codePrefixes: p.codePrefixes, endpointUrl: p.endpointUrl, mode: p.endpointUrl ? 'push' : 'pull',
      signaturePolicy: p.signaturePolicy, certificateCheck: p.certificateCheck, active: p.active, lastSuccessAt: p.lastSuccessAt?.toISOString() ?? null,
      lastFailureAt: p.lastFailureAt?.toISOString() ?? null, consecutiveFailures: p.consecutiveFailures,
      waiting: b?.waiting ?? 0, dead: b?.dead ?? 0, oldestWaitingAt: b?.oldestWaitingAt?.toISOString() ?? null,
    };
  });
}
