import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DocumentConverter } from '../../app/ports/document-converter.ts';

const run = promisify(execFile);

/** The first of `soffice` / `libreoffice` found on PATH, or null. */
async function findBinary(): Promise<string | null> {
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
      const candidate = path.join(dir, name);
      try {
        await run('test', ['-x', candidate]);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** DOCX → PDF with LibreOffice in headless mode, in a private temporary folder. */
export class LibreOfficeConverter implements DocumentConverter {
  private binary: Promise<string | null> | undefined;

  available(): Promise<boolean> {
    this.binary ??= findBinary();
    return this.binary.then((b) => b !== null);
  }

  async docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
    this.binary ??= findBinary();
    const binary = await this.binary;
    if (!binary) throw new Error('LibreOffice is not installed');
    const dir = await mkdtemp(path.join(tmpdir(), 'lt-convert-'));
    try {
      await writeFile(path.join(dir, 'input.docx'), docx);
      await run(binary, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'input.docx')], { timeout: 120_000 });
      return await readFile(path.join(dir, 'input.pdf'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
