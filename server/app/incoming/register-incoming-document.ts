/**
 * The clerk registers an arrival (domain.md §8.2 step 3b): the arrival number from the chosen
 * incoming register's atomic counter (default: the agency's open incoming register, opened for the
 * year when there is none), arrival date and time, status `03` to the sender — one transaction.
 * A probable duplicate is registered only when the clerk confirms it is not one.
 */
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { allocateNumber } from '../registers/number-allocation.ts';
import { allocationYear } from '../../domain/register/numbering.ts';
import type { IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { loadVisible, requirePermission } from './incoming-access.ts';
import { indexIncoming } from './search-entry.ts';
import { sendIncomingStatus, STATUS_TEXT } from './send-status.ts';
import { incomingFacts } from './supervision-facts.ts';

export interface RegisterIncomingInput {
  registerId?: string;
  /** The clerk checked the duplicate warning and registers anyway. */
  notDuplicate?: boolean;
}

export async function registerIncomingDocument(tx: TxPorts, deps: IncomingTxDeps, actor: Actor, id: string, input: RegisterIncomingInput): Promise<IncomingRecord> {
  const { doc, roles } = await loadVisible(tx, actor, id, { lock: true });
  requirePermission(roles, 'incoming.register', 'Chỉ văn thư được vào sổ văn bản đến.');
  if (doc.state !== 'arrived') throw new AppError(ErrorCode.INCOMING_STATE_INVALID, 'Văn bản này đã được vào sổ hoặc đã bị từ chối.');
  if (doc.duplicateOf && !input.notDuplicate) {
    throw new AppError(ErrorCode.INCOMING_DUPLICATE, `Văn bản có thể trùng với một văn bản đã nhận (${doc.duplicateReason}). Kiểm tra rồi xác nhận nếu không trùng.`, { duplicateOf: doc.duplicateOf });
  }
  const year = allocationYear(deps.clock.now());
  let registerId = input.registerId;
  if (registerId) {
    const register = await tx.registers.findById(registerId);
    if (!register || register.agencyId !== doc.agencyId) throw notFound('Sổ đăng ký');
    if (register.direction !== 'incoming') throw new AppError(ErrorCode.VALIDATION_FAILED, `Sổ "${register.name}" không phải sổ văn bản đến.`, { field: 'registerId' });
  } else {
    registerId = await tx.incoming.ensureIncomingRegister(doc.agencyId, year);
  }
  // The number first: the counter's row lock is taken before the audit chain's head (see RegisterCounter).
  const n = await allocateNumber(tx, deps, actor, { registerId, subject: { type: 'incoming_document', id: doc.id } });
  const at = n.allocatedAt;
  await tx.incoming.update(doc.id, {
    state: 'registered', registerId, registerNumberId: n.id, arrivalNumber: n.number, arrivalYear: n.year, registeredAt: at, registeredBy: actor.userId,
  });
  let updated: IncomingRecord = { ...doc, state: 'registered', registerId, arrivalNumber: n.number, arrivalYear: n.year, registeredAt: at, registeredBy: actor.userId };
  await tx.incoming.insertEvent({
    incomingId: doc.id, agencyId: doc.agencyId, assignmentId: null, kind: 'registered', actorUserId: actor.userId, onBehalfOf: null,
    text: `Số đến ${n.codeNumber}`, data: { registerId, number: n.number, year: n.year }, occurredAt: at,
  });
  await tx.audit.record({
    type: 'incoming.registered', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'incoming_document', subjectId: doc.id,
    data: { registerId, arrivalNumber: n.number, year: n.year, duplicateConfirmed: Boolean(doc.duplicateOf) },
  });
  // An arrival whose 01 could not be signed then (no organisation key) owes it first (exchange.md §3: 01 before 03).
  if (updated.exchangeState === 'none') updated = await sendIncomingStatus(tx, deps, updated, '01', STATUS_TEXT['01']!, { department: 'Văn thư', name: actor.fullName });
  updated = await sendIncomingStatus(tx, deps, updated, '03', `${STATUS_TEXT['03']}: số đến ${n.codeNumber}`, { department: 'Văn thư', name: actor.fullName });
  await incomingFacts.registered(tx, updated, at);
  await indexIncoming(tx, doc.id);
  return updated;
}
