import { Readable } from 'node:stream';
import type { FileStore, StoredFile } from '../ports/file-store.ts';
import type { FileRecord } from '../ports/files.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

export async function readBytes(files: FileStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await files.get(sha256)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Stores produced bytes (a signed PDF, a converted DOCX) outside any transaction: content-addressed, so a retry stores nothing new. */
export async function putBytes(files: FileStore, bytes: Uint8Array): Promise<StoredFile> {
  return files.put(Readable.from([Buffer.from(bytes)]), { maxBytes: Math.max(bytes.length, 1) });
}

/** The file record for produced bytes, with its audit event, in the caller's transaction. */
export async function recordProducedFile(
  tx: TxPorts,
  stored: StoredFile,
  owner: { agencyId: string; userId: string; actorAgencyId: string | null },
  name: string,
): Promise<FileRecord> {
  const file = await tx.files.create({ agencyId: owner.agencyId, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, originalName: name, uploadedBy: owner.userId });
  await tx.audit.record({
    type: 'file.stored', actorUserId: owner.userId, actorAgencyId: owner.actorAgencyId, agencyId: owner.agencyId, subjectType: 'file', subjectId: file.id,
    data: { sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, name, produced: true },
  });
  return file;
}
