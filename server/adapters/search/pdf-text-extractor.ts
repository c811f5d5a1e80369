import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ExtractedText, TextExtractor } from '../../app/ports/text-extractor.ts';

const run = promisify(execFile);

export interface PdfTextOptions {
  /** Tesseract language(s); Vietnamese by default. */
  ocrLanguage?: string;
  /** At most this many pages are OCR'd (a scan of hundreds of pages would hold the job for hours). */
  ocrMaxPages?: number;
  /** Rendering resolution for OCR, dots per inch. */
  ocrDpi?: number;
  timeoutMs?: number;
}

/** Whether a command-line tool answers; absent tools are treated as "not installed". */
async function has(command: string, args: string[]): Promise<boolean> {
  try {
    await run(command, args, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** Letters and digits per page below which a PDF is taken for a scan (a text layer would hold far more). */
const SCAN_THRESHOLD = 20;

/** Text extraction must never store a NUL (PostgreSQL text refuses it) nor keep form feeds between pages. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000/g, '').replace(/\f/g, '\n').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim().normalize('NFC');
}

/**
 * pdftotext (poppler) for PDFs with a text layer; for scans, pdftoppm renders the pages and
 * Tesseract reads them with its Vietnamese model, when `tesseract` and the `vie` data are installed.
 */
export class PdfTextExtractor implements TextExtractor {
  private tools?: Promise<{ pdftotext: boolean; ocr: boolean }>;

  constructor(private readonly options: PdfTextOptions = {}) {}

  private available(): Promise<{ pdftotext: boolean; ocr: boolean }> {
    this.tools ??= (async () => {
      const pdftotext = await has('pdftotext', ['-v']);
      const pdftoppm = await has('pdftoppm', ['-v']);
      let ocr = false;
      if (pdftoppm) {
        try {
          const { stdout, stderr } = await run('tesseract', ['--list-langs'], { timeout: 10_000 });
          ocr = `${stdout}\n${stderr}`.split(/\s+/).includes(this.options.ocrLanguage ?? 'vie');
        } catch {
          ocr = false;
        }
      }
      return { pdftotext, ocr };
    })();
    return this.tools;
  }

  async extract(pdf: Buffer): Promise<ExtractedText> {
    const tools = await this.available();
    if (!tools.pdftotext && !tools.ocr) return { kind: 'none', reason: 'Máy chủ không có pdftotext (poppler-utils) hay Tesseract: không đọc được chữ' };
    const dir = await mkdtemp(path.join(tmpdir(), 'lt-text-'));
    const timeout = this.options.timeoutMs ?? 120_000;
    try {
      const file = path.join(dir, 'in.pdf');
      await writeFile(file, pdf);
      let pages = 1;
      if (tools.pdftotext) {
        const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { timeout, maxBuffer: 64 << 20 });
        const text = clean(stdout);
        pages = Math.max(1, stdout.split('\f').length - 1);
        const letters = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
        if (letters >= SCAN_THRESHOLD * pages) return { kind: 'text', method: 'pdftotext', text };
      }
      if (!tools.ocr) return { kind: 'none', reason: 'Tệp là bản quét không có lớp chữ, máy chủ chưa cài Tesseract tiếng Việt để nhận dạng' };
      return await this.ocr(file, dir, timeout);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async ocr(file: string, dir: string, timeout: number): Promise<ExtractedText> {
    const maxPages = this.options.ocrMaxPages ?? 30;
    await run('pdftoppm', ['-r', String(this.options.ocrDpi ?? 200), '-gray', '-png', '-l', String(maxPages), file, path.join(dir, 'page')], { timeout });
    const images = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    const parts: string[] = [];
    for (const image of images) {
      const { stdout } = await run('tesseract', [path.join(dir, image), '-', '-l', this.options.ocrLanguage ?? 'vie'], { timeout, maxBuffer: 16 << 20 });
      parts.push(stdout);
    }
    const text = clean(parts.join('\n'));
    if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length === 0) return { kind: 'none', reason: 'Nhận dạng chữ (OCR) không đọc được chữ nào trong bản quét' };
    return { kind: 'text', method: 'ocr', text };
  }
}
