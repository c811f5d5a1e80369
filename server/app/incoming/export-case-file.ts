/**
 * Exporting a case file (domain.md §13: "exports a case file with metadata as PDF and XML in
 * chronological order"): its documents ordered by their date (then filing order) and numbered, with
 * the Appendix VI metadata, and the files of each document the exporter may see (§4.2: a document the
 * exporter may not see is listed, its files withheld). The rendering (list PDF, XML, ZIP) is an adapter's.
 */
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { CaseFileRecord, IncomingFileRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { canSee, requirePermission, rolesOrNotFound } from './incoming-access.ts';

export interface CaseFileExportDocument {
  /** Position in the exported list (DocOrdinal), chronological. */
  ordinal: number;
  incomingId: string;
  codeNumber: string;
  codeNotation: string;
  promulgationDate: string | null;
  senderName: string;
  typeName: string;
  subject: string;
  arrivalNumber: number | null;
  registeredAt: Date | null;
  /** The document's received files (not working files); empty when withheld. */
  files: IncomingFileRecord[];
  withheld: boolean;
}

export interface CaseFileExport {
  agencyName: string;
  agencyCode: string | null;
  keeperName: string;
  caseFile: CaseFileRecord;
  documents: CaseFileExportDocument[];
}

export async function exportCaseFile(tx: TxPorts, actor: Actor, id: string): Promise<CaseFileExport> {
  const cf = await tx.assignments.findCaseFile(id);
  if (!cf) throw notFound('Hồ sơ');
  const roles = rolesOrNotFound(actor, cf.agencyId, 'Hồ sơ');
  requirePermission(roles, 'casefile.manage', 'Bạn không có quyền xuất hồ sơ công việc.');
  const [agency, keeper, listed] = await Promise.all([tx.agencies.findById(cf.agencyId), tx.users.findById(cf.keeperUserId), tx.assignments.listCaseFileDocuments(cf.id)]);
  const rows = [];
  for (const item of listed) {
    const doc = await tx.incoming.findById(item.incomingId);
    if (!doc) continue;
    const visible = canSee(actor, roles, doc, await tx.assignments.listForDocument(doc.id));
    const files = visible ? (await tx.incoming.listFiles(doc.id)).filter((f) => f.role === 'attachment') : [];
    rows.push({ filed: item.ordinal, doc, files, withheld: !visible });
  }
  rows.sort((a, b) => (a.doc.promulgationDate ?? '9999').localeCompare(b.doc.promulgationDate ?? '9999') || a.filed - b.filed);
  const documents = rows.map((r, i): CaseFileExportDocument => ({
    ordinal: i + 1, incomingId: r.doc.id, codeNumber: r.doc.codeNumber, codeNotation: r.doc.codeNotation, promulgationDate: r.doc.promulgationDate,
    senderName: r.doc.senderName, typeName: r.doc.typeName, subject: r.doc.subject, arrivalNumber: r.doc.arrivalNumber, registeredAt: r.doc.registeredAt,
    files: r.files, withheld: r.withheld,
  }));
  await tx.audit.record({
    type: 'casefile.exported', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: cf.agencyId, subjectType: 'case_file', subjectId: cf.id,
    data: { documents: documents.length, files: documents.reduce((n, d) => n + d.files.length, 0), withheld: documents.filter((d) => d.withheld).length },
  });
  return { agencyName: agency?.name ?? '', agencyCode: agency?.code ?? null, keeperName: keeper?.fullName ?? '', caseFile: cf, documents };
}
