/** A file of a visible incoming document; every download is logged (domain.md §4.2.4). */
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { IncomingFileRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { loadVisible } from './incoming-access.ts';

export async function getIncomingFile(tx: TxPorts, actor: Actor, incomingId: string, fileId: string): Promise<IncomingFileRecord> {
  const { doc } = await loadVisible(tx, actor, incomingId);
  const file = await tx.incoming.findFile(fileId);
  if (!file || file.incomingId !== doc.id) throw notFound('Tệp');
  await tx.audit.record({
    type: 'file.downloaded', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'incoming_file', subjectId: file.id,
    data: { incomingId: doc.id, sha256: file.sha256 },
  });
  return file;
}
