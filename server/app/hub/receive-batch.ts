/**
 * Receipt of several packages pushed by a peer hub in one request (`POST /api/hub/batch`,
 * docs/exchange-protocol.md). The peer is authenticated once; each package then goes through exactly
 * the checks of `receivePackage` in the same order (`receipt-steps.ts`) and gets its own signed
 * acknowledgement, in the order of the request. A refusal of one package does not touch the others.
 * Transactions per batch, not per package: one admits every package (token, reads, duplicate checks),
 * one takes custody of every checked package and records every refusal's trace event. Custody keeps
 * exactly-once: a package the same or a concurrent batch already holds is answered `duplicate`.
 */
import { AppError, ErrorCode } from '../errors.ts';
import { type ExchangeRefusal, isExchangeRefusal } from '../../domain/exchange/refusal.ts';
import type { Acknowledgement, ReadPackage, ReceivedBytes } from '../ports/hub-wire.ts';
import type { HubDeps } from './hub-deps.ts';
import { authenticatePeer } from './peer-auth.ts';
import { admitPackage, checkPackage, custodyAck, custodyOf, refusalAck, traceRefusal, type PushedPackage, type RefusalBase } from './receipt-steps.ts';
import { storePackagePayload } from './send-package.ts';

export interface ReceiveBatchInput {
  token: string | undefined;
  packages: PushedPackage[];
}

type Pending =
  | { kind: 'answered'; ack: Acknowledgement }
  | { kind: 'refused'; base: RefusalBase; refusal: ExchangeRefusal }
  | { kind: 'custody'; info: ReadPackage; bytes: ReceivedBytes; unsignedAdmitted: boolean; payload?: { sha256: string; size: number } };

/** One signed acknowledgement per package (C60), in the request's order. */
export async function receiveBatch(deps: HubDeps, input: ReceiveBatchInput): Promise<Acknowledgement[]> {
  const receivedAt = deps.clock.now();
  // Admission: the token first (an unauthenticated batch throws and stores nothing), then the count, then each package.
  const { peer, admitted } = await deps.uow.run(async (tx) => {
    const peer = await authenticatePeer(tx, input.token);
    const max = deps.settings.batchMaxPackages;
    if (input.packages.length > max) {
      throw new AppError(ErrorCode.EXCHANGE_PACKAGE_TOO_LARGE, `Lô có ${input.packages.length} gói tin, vượt giới hạn ${max} gói tin một yêu cầu`, { details: { maxPackages: max } });
    }
    const admitted = [];
    for (const p of input.packages) admitted.push(await admitPackage(tx, deps, peer, p, receivedAt));
    return { peer, admitted };
  });

  const pending: Pending[] = [];
  for (const [i, a] of admitted.entries()) {
    if ('refusal' in a) {
      pending.push({ kind: 'refused', base: a.base, refusal: a.refusal });
      continue;
    }
    const base = { packageId: a.info.packageId, sha256: a.info.sha256, documentId: a.info.documentId };
    if (a.seen && isExchangeRefusal(a.seen)) pending.push({ kind: 'refused', base, refusal: a.seen });
    else if (a.seen) pending.push({ kind: 'answered', ack: a.seen });
    else {
      const checked = await checkPackage(deps, peer, a, receivedAt);
      pending.push(isExchangeRefusal(checked) ? { kind: 'refused', base, refusal: checked } : { kind: 'custody', info: a.info, bytes: input.packages[i]!.bytes, unsignedAdmitted: checked.unsignedAdmitted });
    }
  }
  for (const p of pending) if (p.kind === 'custody') p.payload = await storePackagePayload(deps.files, p.bytes);

  // Custody and refusals in one transaction, in the request's order (so per-document order is kept).
  const answers: Acknowledgement[] = [];
  if (pending.some((p) => p.kind !== 'answered')) {
    await deps.uow.run(async (tx) => {
      answers.length = 0;
      let anyTaken = false;
      for (const p of pending) {
        if (p.kind === 'answered') {
          answers.push(p.ack);
        } else if (p.kind === 'refused') {
          await traceRefusal(tx, deps, peer, p.base, p.refusal);
          answers.push(refusalAck(p.base, p.refusal, receivedAt));
        } else {
          const result = await custodyOf(tx, deps, peer, p.info, p.payload!, p.unsignedAdmitted, receivedAt);
          const base = { packageId: p.info.packageId, sha256: p.info.sha256, documentId: p.info.documentId };
          if (result && isExchangeRefusal(result)) {
            await traceRefusal(tx, deps, peer, base, result);
            answers.push(refusalAck(base, result, receivedAt));
          } else if (result && 'result' in result) {
            answers.push(result);
          } else {
            anyTaken = true;
            answers.push(custodyAck(p.info, result!, receivedAt));
          }
        }
      }
      if (anyTaken) deps.faults?.beforeCustodyCommit?.();
    });
  } else {
    for (const p of pending) if (p.kind === 'answered') answers.push(p.ack);
  }
  return answers.map((a) => deps.receipts.sign(a));
}
