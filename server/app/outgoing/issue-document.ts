import { createHash, randomUUID } from 'node:crypto';
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { nextIssueStep, type IssueStep } from '../../domain/document/issue-steps.ts';
import { dateLine, placeDateLine } from '../../domain/register/date-line.ts';
import { numberLine } from '../../domain/register/numbering.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { StoredFile } from '../ports/file-store.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import { findRegisterFor } from '../registers/find-registers.ts';
import { allocateNumber } from '../registers/number-allocation.ts';
import { putBytes, readBytes, recordProducedFile } from './file-bytes.ts';
import { commitStep, fileName } from './issue-commit.ts';
import { packageStep, sendStep } from './issue-package.ts';
import { assertCan, loadVisible, stateError } from './outgoing-access.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';

/**
 * The clerk issues a signed document (domain.md §7.2 steps 6–11, §7.3) as named steps, each its own
 * transaction that records the step it completed: number → stamp number and date → organisation
 * signature (+ text form on attachments) → register → freeze files (SHA-256) → build and store the
 * package → hand it to the hub and mark issued. A crash before the first commit leaves the document
 * signed and unnumbered; after it, calling this again (or the worker's resume pass) carries on from
 * the last committed step. The number is taken once, in the first step's transaction.
 *
 * `actor` null is the worker resuming a run a clerk started.
 */
export async function issueDocument(deps: OutgoingDeps, actor: Actor | null, id: string): Promise<OutgoingDocumentRecord> {
  let doc = await deps.uow.run(async (tx) => {
    const d = await loadVisible(tx, actor, id);
    if (actor) assertCan(actor, d.agencyId, 'document.issue', 'Chỉ văn thư được cấp số và phát hành văn bản.');
    if (d.state !== 'signed' && d.state !== 'issuing') throw stateError(d.state === 'issued' ? 'Văn bản đã được phát hành.' : 'Chỉ phát hành được văn bản đã ký.');
    return d;
  });
  for (let step = nextIssueStep(doc.issueStep); step !== null; step = nextIssueStep(doc.issueStep)) {
    doc = await runStep(deps, actor, doc, step);
  }
  return doc;
}

async function runStep(deps: OutgoingDeps, actor: Actor | null, doc: OutgoingDocumentRecord, step: IssueStep): Promise<OutgoingDocumentRecord> {
  switch (step) {
    case 'numbered': return numberStep(deps, actor, doc);
    case 'stamped': return stampStep(deps, actor, doc);
    case 'org_signed': return orgSignStep(deps, actor, doc);
    case 'registered': return commitStep(deps, actor, doc, step, async () => ({ registeredAt: deps.clock.now() }));
    case 'frozen': return freezeStep(deps, actor, doc);
    case 'packaged': return packageStep(deps, actor, doc);
    case 'sent': return sendStep(deps, actor, doc);
  }
}

function owner(actor: Actor | null, doc: OutgoingDocumentRecord) {
  return { agencyId: doc.agencyId, userId: actor?.userId ?? doc.issueStartedBy ?? doc.signedBy!, actorAgencyId: actor?.agencyId ?? null };
}

async function numberStep(deps: OutgoingDeps, actor: Actor | null, doc: OutgoingDocumentRecord): Promise<OutgoingDocumentRecord> {
  return commitStep(deps, actor, doc, 'numbered', async (tx, fresh) => {
    // The counter is taken before this transaction's first audit event (ports/register-counter.ts).
    const register = await findRegisterFor(tx, actor, fresh.agencyId, 'outgoing', fresh.typeCode);
    const n = await allocateNumber(tx, { clock: deps.clock }, actor, {
      registerId: register.id, typeCode: fresh.typeCode, unitId: fresh.draftingUnitId, subject: { type: 'outgoing_document', id: fresh.id },
    });
    return {
      state: 'issuing', registerId: register.id, numberId: n.id, codeNumber: n.codeNumber, codeNotation: n.codeNotation,
      issuedDate: localDateOf(n.allocatedAt), packageId: randomUUID(), issueStartedBy: actor?.userId ?? null,
    };
  });
}

async function stampStep(deps: OutgoingDeps, actor: Actor | null, doc: OutgoingDocumentRecord): Promise<OutgoingDocumentRecord> {
  const { pdf, place } = await deps.uow.run(async (tx) => {
    const file = (await tx.files.findById(doc.signedFileId!))!;
    const agency = await tx.agencies.findById(doc.agencyId);
    return { pdf: await readBytes(deps.files, file.sha256), place: agency?.placeName ?? '' };
  });
  const number = numberLine(doc.codeNumber!, doc.codeNotation!);
  const stamped = await deps.signing.fillStampFields(pdf, { number, dateLine: place.trim() ? placeDateLine(place, doc.issuedDate!) : dateLine(doc.issuedDate!) });
  const stored = await putBytes(deps.files, stamped);
  return commitStep(deps, actor, doc, 'stamped', async (tx) => {
    const file = await recordProducedFile(tx, stored, owner(actor, doc), fileName(doc, ''));
    return { stampedFileId: file.id };
  }, { number });
}

async function orgSignStep(deps: OutgoingDeps, actor: Actor | null, doc: OutgoingDocumentRecord): Promise<OutgoingDocumentRecord> {
  const input = await deps.uow.run(async (tx) => {
    const stamped = (await tx.files.findById(doc.stampedFileId!))!;
    const agency = await tx.agencies.findById(doc.agencyId);
    if (!agency?.code) throw new AppError(ErrorCode.OUTGOING_INCOMPLETE, 'Cơ quan chưa có mã định danh nên chưa ký số của cơ quan được.');
    const attachments = await Promise.all(doc.attachmentFileIds.map(async (id) => (await tx.files.findById(id))!));
    return { stamped, agencyCode: agency.code, attachments };
  });
  const signingTime = deps.clock.now();
  const numberAndNotation = `${doc.codeNumber}/${doc.codeNotation}`;
  const main = await deps.signing.signOrganisation({ pdf: await readBytes(deps.files, input.stamped.sha256), agencyCode: input.agencyCode, signingTime });
  const mainStored = await putBytes(deps.files, main);
  const attachmentsStored: { stored: StoredFile; name: string }[] = [];
  for (const a of input.attachments) {
    const bytes = await readBytes(deps.files, a.sha256);
    // The text-form organisation signature goes on each attachment in a separate PDF (§10.2); other files travel as they are.
    const signed = a.mediaType === 'application/pdf' ? await deps.signing.signAttachment({ pdf: bytes, agencyCode: input.agencyCode, numberAndNotation, signingTime }) : bytes;
    attachmentsStored.push({ stored: await putBytes(deps.files, signed), name: a.originalName });
  }
  return commitStep(deps, actor, doc, 'org_signed', async (tx) => {
    const mainFile = await recordProducedFile(tx, mainStored, owner(actor, doc), fileName(doc, ''));
    const finalAttachments = [];
    for (const a of attachmentsStored) {
      const f = await recordProducedFile(tx, a.stored, owner(actor, doc), a.name);
      finalAttachments.push({ fileId: f.id, sha256: a.stored.sha256, name: a.name });
    }
    return { finalMainFileId: mainFile.id, finalAttachments };
  });
}

/** Checks the stored bytes once more against their digests and records the main file's SHA-256: from here the files never change. */
async function freezeStep(deps: OutgoingDeps, actor: Actor | null, doc: OutgoingDocumentRecord): Promise<OutgoingDocumentRecord> {
  const main = await deps.uow.run(async (tx) => (await tx.files.findById(doc.finalMainFileId!))!);
  for (const f of [{ sha256: main.sha256 }, ...doc.finalAttachments]) {
    const actual = createHash('sha256').update(await readBytes(deps.files, f.sha256)).digest('hex');
    if (actual !== f.sha256) throw new AppError(ErrorCode.CONFLICT, 'Tệp đã ký không khớp mã băm khi khóa; hãy báo quản trị hệ thống.');
  }
  return commitStep(deps, actor, doc, 'frozen', async () => ({ finalMainSha256: main.sha256 }), { sha256: main.sha256 });
}
