import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { ErrorCode } from '../errors.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { cleanFileName, createFile } from './create-file.ts';
import { getFile } from './get-file.ts';

const actor = (roles: Actor['roles']): Actor => ({ userId: 'u1', username: 'a', fullName: 'A', agencyId: 'agency-1', unitId: null, roles, servedRoles: {} });

/** Fails loudly if a use case touches storage it should not have reached. */
const untouchable = {
  uow: { run: () => Promise.reject(new Error('unexpected transaction')) } as UnitOfWork,
  files: {
    put: () => Promise.reject(new Error('unexpected put')),
    get: () => Promise.reject(new Error('unexpected get')),
    has: () => Promise.reject(new Error('unexpected has')),
  } as FileStore,
};

describe('createFile', () => {
  it('refuses a role without file.upload before reading a byte', async () => {
    let read = false;
    const source = new Readable({ read() { read = true; this.push(null); } });
    for (const roles of [['agency_admin'], ['provincial_supervisor'], ['system_operator'], []] as Actor['roles'][]) {
      await expect(createFile(untouchable, actor(roles), { source, originalName: 'a.pdf', maxBytes: 100 })).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    }
    expect(read).toBe(false);
  });

  it('refuses an upload without a usable name before storing anything', async () => {
    await expect(createFile(untouchable, actor(['clerk']), { source: Readable.from([]), originalName: '../', maxBytes: 100 })).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
  });

  it('keeps only the last path segment of a name, without control characters', () => {
    expect(cleanFileName('C:\\Users\\thu\\Công văn 12.pdf')).toBe('Công văn 12.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('bao\u0000cao\r\n.pdf')).toBe('baocao.pdf');
    expect(cleanFileName('x'.repeat(400) + '.pdf')).toHaveLength(255);
  });
});

describe('getFile', () => {
  it('answers another agency’s file exactly like a missing one, without opening the store', async () => {
    const record = { id: 'f1', agencyId: 'agency-2', sha256: 'a'.repeat(64), size: 1, mediaType: 'application/pdf', originalName: 'a.pdf', uploadedBy: 'u9', createdAt: new Date() };
    const uow = { run: (fn: (tx: never) => Promise<unknown>) => fn({ files: { findById: async (id: string) => (id === 'f1' ? record : undefined) } } as never) } as UnitOfWork;
    const deps = { uow, files: untouchable.files };
    const foreign = await getFile(deps, actor(['clerk']), 'f1').catch((e: unknown) => e);
    const missing = await getFile(deps, actor(['clerk']), 'nope').catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: ErrorCode.NOT_FOUND });
    expect((foreign as Error).message).toBe((missing as Error).message);
  });
});
