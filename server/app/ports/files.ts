/** An uploaded file: the bytes are in the FileStore under sha256, this record says whose they are. */
export interface FileRecord {
  id: string;
  agencyId: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  uploadedBy: string;
  createdAt: Date;
}

export type NewFile = Omit<FileRecord, 'id' | 'createdAt'>;

export interface FileRepository {
  create(file: NewFile): Promise<FileRecord>;
  findById(id: string): Promise<FileRecord | undefined>;
}
