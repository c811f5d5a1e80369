/**
 * Pushes a package to a peer hub over HTTP(S) (docs/exchange-protocol.md): the exact bytes as the
 * body, the package id in `x-package-id`, our bearer token. The peer's acknowledgement (JSON) says
 * accepted, duplicate or refused with code and origin; no answer, 429 and 5xx are temporary.
 */
import type { PackageKind, PeerRecord } from '../../app/ports/hub.ts';
import type { PeerClient, PushOutcome, Acknowledgement } from '../../app/ports/hub-wire.ts';
import { isTemporary, type ExchangeErrorCode } from '../../domain/exchange/refusal.ts';
import { isTemporaryHttpStatus } from '../../domain/exchange/retry-policy.ts';

export class HttpPeerClient implements PeerClient {
  constructor(private readonly options: { timeoutMs: number } = { timeoutMs: 30_000 }) {}

  async push(peer: PeerRecord, pkg: { packageId: string; kind: PackageKind; bytes: Buffer }): Promise<PushOutcome> {
    if (!peer.endpointUrl) return { ok: false, code: 'EXCHANGE_UNKNOWN_RECEIVER', origin: 'hub', temporary: false, message: `Trục ${peer.name} không có địa chỉ nhận` };
    const url = new URL(pkg.kind === 'status' ? 'api/hub/statuses' : 'api/hub/packages', peer.endpointUrl.endsWith('/') ? peer.endpointUrl : `${peer.endpointUrl}/`);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/xml',
          'x-package-id': pkg.packageId,
          ...(peer.outboundToken ? { authorization: `Bearer ${peer.outboundToken}` } : {}),
        },
        body: new Uint8Array(pkg.bytes.buffer, pkg.bytes.byteOffset, pkg.bytes.byteLength) as Uint8Array<ArrayBuffer>,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      return { ok: false, code: 'EXCHANGE_PEER_REFUSED', origin: 'peer', temporary: true, message: `Không kết nối được tới trục ${peer.name}: ${(error as Error).message}` };
    }
    let body: Partial<Acknowledgement> & { code?: string; message?: string } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      body = {};
    }
    if (res.ok && (body.result === 'accepted' || body.result === 'duplicate') && typeof body.sha256 === 'string') {
      return { ok: true, ack: body as Acknowledgement };
    }
    const code = typeof body.code === 'string' && body.code.startsWith('EXCHANGE_') ? body.code : 'EXCHANGE_PEER_REFUSED';
    const temporary = isTemporaryHttpStatus(res.status) || body.temporary === true || isTemporary(code as ExchangeErrorCode);
    return {
      ok: false, code, origin: 'peer', temporary, httpStatus: res.status,
      message: `Trục ${peer.name} trả lời HTTP ${res.status}${body.message ? `: ${body.message}` : ''}`,
    };
  }
}
