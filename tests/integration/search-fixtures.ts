import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFKit from 'pdfkit';
import { PDFDocument } from 'pdf-lib';
import type { SearchEntry } from '../../server/app/ports/search-index.ts';
import type { TestEnv } from './harness.ts';

/** An index entry as the document modules would write it; tests override what they look at. */
export function entry(agencyId: string, fields: Partial<SearchEntry> = {}): SearchEntry {
  return {
    agencyId,
    kind: 'incoming',
    documentId: randomUUID(),
    subject: 'Về việc báo cáo tình hình thực hiện nhiệm vụ',
    codeNumber: '01',
    codeNotation: 'UBND-VP',
    documentType: { code: 'official_letter', name: 'Công văn' },
    issuedDate: '2024-03-01',
    arrivalDate: '2024-03-02',
    organName: 'Ủy ban nhân dân tỉnh Bạc Liêu',
    registerId: null,
    status: 'registered',
    signerName: 'Phạm Văn Chủ',
    urgency: 'normal',
    readers: ['role:clerk', 'role:leader'],
    mainFileSha256: null,
    ...fields,
  };
}

export async function index(e: TestEnv, ...entries: SearchEntry[]): Promise<void> {
  await e.deps.uow.run(async (tx) => {
    for (const x of entries) await tx.searchIndex.upsert(x);
  });
}

export async function userIds(e: TestEnv, username: string): Promise<{ id: string; unitId: string | null; agencyId: string }> {
  const u = await e.database.db.selectFrom('users').select(['id', 'unit_id', 'agency_id']).where('username', '=', username).executeTakeFirstOrThrow();
  return { id: u.id, unitId: u.unit_id, agencyId: u.agency_id };
}

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** A one-page PDF with a Vietnamese text layer. */
export async function textPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFKit({ size: 'A4', margin: 60 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font(FONT).fontSize(16);
  for (const line of lines) doc.text(line, { paragraphGap: 8 });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The same page as a scan: an image only, no text layer (rendered by pdftoppm, wrapped by pdf-lib). */
export async function scannedPdf(lines: string[]): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lt-scan-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), await textPdf(lines));
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const pdf = await PDFDocument.create();
    const png = await pdf.embedPng(readFileSync(path.join(dir, 'page.png')));
    const page = pdf.addPage([595, 842]);
    page.drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
    return Buffer.from(await pdf.save());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function hasOcr(): boolean {
  try {
    return execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split(/\s+/).includes('vie');
  } catch {
    return false;
  }
}
