import type { Kysely, Selectable } from 'kysely';
import type { FileRecord, FileRepository, NewFile } from '../../../app/ports/files.ts';
import type { DB, FilesTable } from '../schema.ts';

function toFile(row: Selectable<FilesTable>): FileRecord {
  return {
    id: row.id,
    agencyId: row.agency_id,
    sha256: row.sha256,
    // bigint comes back as a string from pg; files stay far below 2^53 bytes.
    size: Number(row.size),
    mediaType: row.media_type,
    originalName: row.original_name,
    uploadedBy: row.uploaded_by,
    createdAt: new Date(row.created_at),
  };
}

export class PgFileRepository implements FileRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(file: NewFile): Promise<FileRecord> {
    const row = await this.db
      .insertInto('files')
      .values({ agency_id: file.agencyId, sha256: file.sha256, size: file.size, media_type: file.mediaType, original_name: file.originalName, uploaded_by: file.uploadedBy })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toFile(row);
  }

  async findById(id: string): Promise<FileRecord | undefined> {
    const row = await this.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toFile(row);
  }
}
