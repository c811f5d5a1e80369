/**
 * Pushes packages to a peer hub over HTTP(S) (docs/exchange-protocol.md). One package: the exact bytes
 * as the body, the package id in `x-package-id`, our bearer token. Several: one `multipart/mixed`
 * request to `api/hub/batch` (`batch-framing.ts`), answered with one acknowledgement per part. An
 * acknowledgement (JSON) says accepted, duplicate or refused with code and origin; no answer, 429 and
 * 5xx are temporary.
 */
import type { PeerRecord } from '../../app/ports/hub.ts';
import type { PeerClient, PushOutcome, Acknowledgement, PushPackage } from '../../app/ports/hub-wire.ts';
import { isTemporary, type ExchangeErrorCode } from '../../domain/exchange/refusal.ts';
import { isTemporaryHttpStatus } from '../../domain/exchange/retry-policy.ts';
import { encodeBatch } from './batch-framing.ts';

type AckJson = Partial<Acknowledgement> & { code?: string; message?: string };

function urlOf(peer: PeerRecord & { endpointUrl: string }, path: string): URL {
  return new URL(path, peer.endpointUrl.endsWith('/') ? peer.endpointUrl : `${peer.endpointUrl}/`);
}

function bodyOf(bytes: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;
}

/** One acknowledgement as an outcome; `status` is the HTTP status it came with, none for a part of a batch's answer. */
function outcomeOf(peer: PeerRecord, body: AckJson, status: number | undefined): PushOutcome {
  if ((status === undefined || (status >= 200 && status < 300)) && (body.result === 'accepted' || body.result === 'duplicate') && typeof body.sha256 === 'string') {
    return { ok: true, ack: body as Acknowledgement };
  }
  const code = typeof body.code === 'string' && body.code.startsWith('EXCHANGE_') ? body.code : 'EXCHANGE_PEER_REFUSED';
  const temporary = (status !== undefined && isTemporaryHttpStatus(status)) || body.temporary === true || isTemporary(code as ExchangeErrorCode);
  const said = body.message ? `: ${body.message}` : '';
  return status === undefined
    ? { ok: false, code, origin: 'peer', temporary, message: `Trục ${peer.name} từ chối gói tin trong lô${said}` }
    : { ok: false, code, origin: 'peer', temporary, httpStatus: status, message: `Trục ${peer.name} trả lời HTTP ${status}${said}` };
}

export class HttpPeerClient implements PeerClient {
  /** Peers (by endpoint) that answered the batch path with 404/405: pushed one package at a time. */
  private readonly noBatch = new Set<string>();

  constructor(private readonly options: { timeoutMs: number } = { timeoutMs: 30_000 }) {}

  async push(peer: PeerRecord, pkg: PushPackage): Promise<PushOutcome> {
    if (!peer.endpointUrl) return { ok: false, code: 'EXCHANGE_UNKNOWN_RECEIVER', origin: 'hub', temporary: false, message: `Trục ${peer.name} không có địa chỉ nhận` };
    const url = urlOf({ ...peer, endpointUrl: peer.endpointUrl }, pkg.kind === 'status' ? 'api/hub/statuses' : 'api/hub/packages');
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/xml',
          'x-package-id': pkg.packageId,
          ...(peer.outboundToken ? { authorization: `Bearer ${peer.outboundToken}` } : {}),
        },
        body: bodyOf(pkg.bytes),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      return { ok: false, code: 'EXCHANGE_PEER_REFUSED', origin: 'peer', temporary: true, message: `Không kết nối được tới trục ${peer.name}: ${(error as Error).message}` };
    }
    const body = await res.json().then((b) => b as AckJson, () => ({}) as AckJson);
    return outcomeOf(peer, body, res.status);
  }

  async pushMany(peer: PeerRecord, pkgs: PushPackage[]): Promise<PushOutcome[]> {
    const singly = () => Promise.all(pkgs.map((p) => this.push(peer, p)));
    if (pkgs.length < 2 || !peer.endpointUrl || this.noBatch.has(peer.endpointUrl)) return singly();
    const { contentType, body } = encodeBatch(pkgs);
    let res: Response;
    try {
      res = await fetch(urlOf({ ...peer, endpointUrl: peer.endpointUrl }, 'api/hub/batch'), {
        method: 'POST',
        headers: { 'content-type': contentType, ...(peer.outboundToken ? { authorization: `Bearer ${peer.outboundToken}` } : {}) },
        body: bodyOf(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const failed: PushOutcome = { ok: false, code: 'EXCHANGE_PEER_REFUSED', origin: 'peer', temporary: true, message: `Không kết nối được tới trục ${peer.name}: ${(error as Error).message}` };
      return pkgs.map(() => failed);
    }
    // An older peer: no batch endpoint. Remembered, so the next batches go one by one straight away.
    if (res.status === 404 || res.status === 405) {
      await res.body?.cancel();
      this.noBatch.add(peer.endpointUrl);
      return singly();
    }
    // This peer's batch limits are smaller than ours: these packages go one by one.
    if (res.status === 413) {
      await res.body?.cancel();
      return singly();
    }
    const json = await res.json().then((b) => b as { acknowledgements?: unknown } & AckJson, () => ({}) as { acknowledgements?: unknown } & AckJson);
    const acks = json.acknowledgements;
    if (res.ok && Array.isArray(acks) && acks.length === pkgs.length) return acks.map((a) => outcomeOf(peer, (a ?? {}) as AckJson, undefined));
    // The whole request failed (token, rate limit, fault, a malformed answer): every package failed the same way.
    const failed = outcomeOf(peer, res.ok ? { message: 'lô biên nhận không đúng dạng' } : json, res.ok ? 502 : res.status);
    return pkgs.map(() => failed);
  }
}
