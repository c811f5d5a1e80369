import { Type } from '@sinclair/typebox';
import type { FileRecord } from '../../../../app/ports/files.ts';

export const FileBody = Type.Object({
  id: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String({ description: 'found by sniffing the content, not from the name' }),
  sha256: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export function presentFile(f: FileRecord) {
  return { id: f.id, name: f.originalName, size: f.size, mediaType: f.mediaType, sha256: f.sha256, createdAt: f.createdAt.toISOString() };
}
