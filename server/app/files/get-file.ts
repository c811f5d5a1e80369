import type { Readable } from 'node:stream';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { FileRecord } from '../ports/files.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** A file of the actor's own agency with its bytes; the download is logged (domain.md §4.2). */
export async function getFile(deps: { uow: UnitOfWork; files: FileStore }, actor: Actor, fileId: string): Promise<{ file: FileRecord; content: Readable }> {
  return deps.uow.run(async (tx) => {
    const found = await tx.files.findById(fileId);
    if (!found || found.agencyId !== actor.agencyId || !can(actor.roles, 'file.read')) throw notFound('Tệp');
    // Opened before logging: a missing blob must not leave a "downloaded" event behind.
    const content = await deps.files.get(found.sha256);
    await tx.audit.record({
      type: 'file.downloaded',
      actorUserId: actor.userId,
      actorAgencyId: actor.agencyId,
      agencyId: found.agencyId,
      subjectType: 'file',
      subjectId: found.id,
      data: { sha256: found.sha256 },
    });
    return { file: found, content };
  });
}
