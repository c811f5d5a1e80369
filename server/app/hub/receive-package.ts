/**
 * Receipt of a package pushed by a peer hub (exchange.md §5.1), checks in order: peer authentication
 * → size → XML safety, format and fields, package id (the reader) → deduplication → signature and
 * sender check → secrecy → attachments → routing per receiver. The first failure decides; a refusal
 * before custody stores no content, only its trace event, and is answered with its code and origin.
 * The acknowledgement is returned only after the custody transaction has committed (§4.1).
 * The steps live in `receipt-steps.ts`, shared with the batch endpoint (`receive-batch.ts`).
 */
import { type ExchangeRefusal, isExchangeRefusal } from '../../domain/exchange/refusal.ts';
import type { PeerRecord } from '../ports/hub.ts';
import type { Acknowledgement } from '../ports/hub-wire.ts';
import type { HubDeps } from './hub-deps.ts';
import { authenticatePeer } from './peer-auth.ts';
import { admitPackage, checkPackage, custodyAck, custodyOf, refusalAck, traceRefusal, type PushedPackage, type RefusalBase } from './receipt-steps.ts';
import { storePackagePayload } from './send-package.ts';

export interface ReceivePackageInput extends PushedPackage {
  token: string | undefined;
}

async function refused(deps: HubDeps, peer: PeerRecord, base: RefusalBase, r: ExchangeRefusal, receivedAt: Date): Promise<Acknowledgement> {
  await deps.uow.run((tx) => traceRefusal(tx, deps, peer, base, r));
  return refusalAck(base, r, receivedAt);
}

/** The acknowledgement, signed by this hub (C60) when it has a key. */
export async function receivePackage(deps: HubDeps, input: ReceivePackageInput): Promise<Acknowledgement> {
  return deps.receipts.sign(await receive(deps, input));
}

async function receive(deps: HubDeps, input: ReceivePackageInput): Promise<Acknowledgement> {
  const receivedAt = deps.clock.now();
  // The first checks in one transaction: the token, then admission (an unauthenticated push throws and stores nothing).
  const { peer, admitted } = await deps.uow.run(async (tx) => {
    const peer = await authenticatePeer(tx, input.token);
    return { peer, admitted: await admitPackage(tx, deps, peer, input, receivedAt) };
  });
  if ('refusal' in admitted) return refused(deps, peer, admitted.base, admitted.refusal, receivedAt);
  const { info, seen } = admitted;
  const base = { packageId: info.packageId, sha256: info.sha256, documentId: info.documentId };
  if (seen && isExchangeRefusal(seen)) return refused(deps, peer, base, seen, receivedAt);
  if (seen) return seen;
  const checked = await checkPackage(deps, peer, admitted, receivedAt);
  if (isExchangeRefusal(checked)) return refused(deps, peer, base, checked, receivedAt);
  const payload = await storePackagePayload(deps.files, input.bytes);
  const custody = await deps.uow.run(async (tx) => {
    const result = await custodyOf(tx, deps, peer, info, payload, checked.unsignedAdmitted, receivedAt);
    if (result && 'outbox' in result) deps.faults?.beforeCustodyCommit?.();
    return result;
  });
  if (custody && isExchangeRefusal(custody)) return refused(deps, peer, base, custody, receivedAt);
  if (custody && 'result' in custody) return custody;
  return custodyAck(info, custody!, receivedAt);
}
