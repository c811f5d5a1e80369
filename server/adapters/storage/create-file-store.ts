import type { Config } from '../../config/env.ts';
import type { FileStore } from '../../app/ports/file-store.ts';
import { LocalFileStore } from './local-file-store.ts';

/** Chooses the file store adapter named by FILE_STORE. */
export function createFileStore(settings: Config['fileStore']): FileStore {
  switch (settings.kind) {
    case 'local':
      return new LocalFileStore(settings.dir);
  }
}
