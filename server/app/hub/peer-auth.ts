import { createHash, randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '../errors.ts';
import type { PeerRecord } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

/** Peer tokens are random and long, so their SHA-256 is what the table keeps (a leaked table lets nobody in). */
export function credentialsHashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newPeerToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The peer whose bearer token this is, or EXCHANGE_UNAUTHENTICATED (and nothing is stored). */
export async function authenticatePeer(tx: TxPorts, token: string | undefined): Promise<PeerRecord> {
  const peer = token && token.length >= 16 ? await tx.hub.findPeerByCredentialsHash(credentialsHashOf(token)) : undefined;
  if (!peer || !peer.active) {
    throw new AppError(ErrorCode.EXCHANGE_UNAUTHENTICATED, 'Trục gửi không xác thực được (thông tin xác thực sai hoặc đã bị thu hồi).', { origin: 'hub', temporary: false });
  }
  return peer;
}
