/**
 * A case file as one ZIP a clerk can hand over or keep (domain.md §13): `muc-luc-van-ban.pdf` (the
 * list of documents), `ho-so.xml` (the case file's and each document's Decree 30 App. VI metadata,
 * tag names as the standard's), and `van-ban/NN-<file name>` — the documents' own files, byte for
 * byte, so that their digital signatures still verify.
 */
import type { CaseFileExport } from '../../app/incoming/export-case-file.ts';
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { caseFileListPdf } from './case-file-list-pdf.ts';
import { dosStamp, writeZip, type ZipEntry } from '../zip/write-zip.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tag = (name: string, value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '' : `<${name}>${esc(String(value))}</${name}>`);

export function caseFileXml(e: CaseFileExport): string {
  const cf = e.caseFile;
  const dates = e.documents.map((d) => d.promulgationDate).filter((d): d is string => d !== null).sort();
  const docs = e.documents.map((d) => [
    '<Document>', tag('DocOrdinal', d.ordinal), tag('TypeName', d.typeName), tag('CodeNumber', d.codeNumber), tag('CodeNotation', d.codeNotation),
    tag('IssuedDate', d.promulgationDate), tag('OrganName', d.senderName), tag('Subject', d.subject), tag('ArrivalNumber', d.arrivalNumber),
    tag('ArrivalDate', d.registeredAt ? localDateOf(d.registeredAt) : null),
    d.files.length ? `<Files>${d.files.map((f) => `<File sha256="${f.sha256}">${esc(f.name)}</File>`).join('')}</Files>` : '',
    d.withheld ? tag('Description', 'Không có quyền xem tệp') : '', '</Document>',
  ].join(''));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CaseFile>',
    `<FileCode>${tag('OrganId', e.agencyCode)}${tag('FileCatalog', cf.year)}${tag('FileNotation', cf.notation)}</FileCode>`,
    tag('Title', cf.title), tag('Maintenance', cf.retention), tag('Creator', e.keeperName), tag('Language', 'Tiếng Việt'),
    tag('StartDate', dates[0] ?? localDateOf(cf.openedAt)), tag('EndDate', dates.at(-1) ?? (cf.closedAt ? localDateOf(cf.closedAt) : null)),
    tag('DocTotal', e.documents.length),
    `<Documents>${docs.join('')}</Documents>`,
    '</CaseFile>',
    '',
  ].join('\n');
}

/** Keeps a file name readable (Vietnamese letters stay) and harmless inside the archive. */
function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f/\\:*?"<>|]/g, '_').replace(/^\.+/, '').trim();
  return clean.slice(-120) || 'tep';
}

export async function caseFileArchive(e: CaseFileExport, read: (sha256: string) => Promise<Buffer>, printedAt: Date): Promise<Buffer> {
  const entries: ZipEntry[] = [
    { name: 'muc-luc-van-ban.pdf', bytes: await caseFileListPdf(e, printedAt) },
    { name: 'ho-so.xml', bytes: Buffer.from(caseFileXml(e), 'utf8') },
  ];
  const width = String(e.documents.length).length < 2 ? 2 : String(e.documents.length).length;
  const used = new Set<string>();
  for (const d of e.documents) {
    for (const f of d.files) {
      let name = `van-ban/${String(d.ordinal).padStart(width, '0')}-${safeName(f.name)}`;
      for (let i = 2; used.has(name); i++) name = `van-ban/${String(d.ordinal).padStart(width, '0')}-${i}-${safeName(f.name)}`;
      used.add(name);
      entries.push({ name, bytes: await read(f.sha256) });
    }
  }
  // ZIP stores no zone: the stamp is Vietnam wall-clock time.
  return writeZip(entries, { modified: dosStamp(new Date(printedAt.getTime() + 7 * 3600_000)), utf8Flag: 'always' });
}
