import { sql, type Kysely, type Selectable } from 'kysely';
import type { AssignmentRecord, AssignmentRepository, CaseFileRecord, ExtensionRecord, NewAssignment, WorkItem } from '../../../app/ports/incoming.ts';
import type { DB } from '../schema.ts';
import type { AssignmentsTable, CaseFilesTable, ExtensionsTable } from '../schema-incoming.ts';

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));
const OPEN = ['pending', 'in_progress'] as const;

function toAssignment(r: Selectable<AssignmentsTable>): AssignmentRecord {
  return {
    id: r.id, incomingId: r.incoming_id, agencyId: r.agency_id, parentId: r.parent_id, kind: r.kind, assigneeUnitId: r.assignee_unit_id,
    assigneeUserId: r.assignee_user_id, assignedBy: r.assigned_by, onBehalfOf: r.on_behalf_of, instruction: r.instruction, deadline: r.deadline,
    state: r.state, startedAt: date(r.started_at), finishedAt: date(r.finished_at), finishNote: r.finish_note, createdAt: new Date(r.created_at),
  };
}

function toExtension(r: Selectable<ExtensionsTable>): ExtensionRecord {
  return {
    id: r.id, assignmentId: r.assignment_id, agencyId: r.agency_id, requestedBy: r.requested_by, reason: r.reason, previousDeadline: r.previous_deadline,
    proposedDeadline: r.proposed_deadline, state: r.state, decidedBy: r.decided_by, decidedAt: date(r.decided_at), decisionNote: r.decision_note,
    createdAt: new Date(r.created_at),
  };
}

function toCaseFile(r: Selectable<CaseFilesTable>): CaseFileRecord {
  return {
    id: r.id, agencyId: r.agency_id, year: Number(r.year), notation: r.notation, title: r.title, retention: r.retention, keeperUserId: r.keeper_user_id,
    openedAt: new Date(r.opened_at), closedAt: date(r.closed_at),
  };
}

export class PgAssignmentRepository implements AssignmentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(a: NewAssignment): Promise<AssignmentRecord> {
    const row = await this.db.insertInto('assignments').values({
      incoming_id: a.incomingId, agency_id: a.agencyId, parent_id: a.parentId, kind: a.kind, assignee_unit_id: a.assigneeUnitId,
      assignee_user_id: a.assigneeUserId, assigned_by: a.assignedBy, on_behalf_of: a.onBehalfOf, instruction: a.instruction, deadline: a.deadline,
      state: a.state, created_at: a.createdAt,
    }).returningAll().executeTakeFirstOrThrow();
    return toAssignment(row);
  }

  async findById(id: string, options: { lock?: boolean } = {}): Promise<AssignmentRecord | undefined> {
    let q = this.db.selectFrom('assignments').selectAll().where('id', '=', id);
    if (options.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && toAssignment(row);
  }

  async update(id: string, patch: Partial<Pick<AssignmentRecord, 'state' | 'deadline' | 'startedAt' | 'finishedAt' | 'finishNote'>>): Promise<void> {
    const row: Record<string, unknown> = {};
    if (patch.state !== undefined) row.state = patch.state;
    if (patch.deadline !== undefined) row.deadline = patch.deadline;
    if (patch.startedAt !== undefined) row.started_at = patch.startedAt;
    if (patch.finishedAt !== undefined) row.finished_at = patch.finishedAt;
    if (patch.finishNote !== undefined) row.finish_note = patch.finishNote;
    if (Object.keys(row).length > 0) await this.db.updateTable('assignments').set(row).where('id', '=', id).execute();
  }

  async listForDocument(incomingId: string): Promise<AssignmentRecord[]> {
    const rows = await this.db.selectFrom('assignments').selectAll().where('incoming_id', '=', incomingId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toAssignment);
  }

  async listWork(agencyId: string, who: { userId: string; unitId: string | null; assignedBy: boolean }): Promise<WorkItem[]> {
    const rows = await this.db.selectFrom('assignments as a').innerJoin('incoming_documents as d', 'd.id', 'a.incoming_id')
      .leftJoin('units as un', 'un.id', 'a.assignee_unit_id').leftJoin('users as us', 'us.id', 'a.assignee_user_id')
      .selectAll('a').select(['un.name as unit_name', 'us.full_name as user_name'])
      .select(['d.subject', 'd.sender_name', 'd.code_number', 'd.code_notation', 'd.arrival_number', 'd.urgency', 'd.state as doc_state'])
      .where('a.agency_id', '=', agencyId).where('a.state', 'in', [...OPEN])
      .where((eb) => {
        const ors = [eb('a.assignee_user_id', '=', who.userId)];
        if (who.unitId) ors.push(eb('a.assignee_unit_id', '=', who.unitId));
        if (who.assignedBy) ors.push(eb('a.assigned_by', '=', who.userId));
        return eb.or(ors);
      })
      .orderBy(sql`a.deadline IS NULL`).orderBy('a.deadline').orderBy('a.created_at').execute();
    return rows.map((r) => ({
      assignment: toAssignment(r),
      document: {
        id: r.incoming_id, subject: r.subject, senderName: r.sender_name, codeNumber: r.code_number, codeNotation: r.code_notation,
        arrivalNumber: r.arrival_number === null ? null : Number(r.arrival_number), urgency: r.urgency, state: r.doc_state as WorkItem['document']['state'],
      },
      assigneeName: r.unit_name ?? r.user_name ?? null,
    }));
  }

  async listOpenDueBy(dateLimit: string): Promise<AssignmentRecord[]> {
    const rows = await this.db.selectFrom('assignments').selectAll().where('state', 'in', [...OPEN]).where('deadline', 'is not', null)
      .where('deadline', '<=', dateLimit).orderBy('deadline').orderBy('id').execute();
    return rows.map(toAssignment);
  }

  async insertExtension(e: Omit<ExtensionRecord, 'id' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'state'>): Promise<ExtensionRecord> {
    const row = await this.db.insertInto('extensions').values({
      assignment_id: e.assignmentId, agency_id: e.agencyId, requested_by: e.requestedBy, reason: e.reason, previous_deadline: e.previousDeadline,
      proposed_deadline: e.proposedDeadline, state: 'pending', created_at: e.createdAt,
    }).returningAll().executeTakeFirstOrThrow();
    return toExtension(row);
  }

  async findExtension(id: string, options: { lock?: boolean } = {}): Promise<ExtensionRecord | undefined> {
    let q = this.db.selectFrom('extensions').selectAll().where('id', '=', id);
    if (options.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && toExtension(row);
  }

  async decideExtension(id: string, d: { state: 'granted' | 'refused'; decidedBy: string; decidedAt: Date; note: string | null }): Promise<void> {
    await this.db.updateTable('extensions').set({ state: d.state, decided_by: d.decidedBy, decided_at: d.decidedAt, decision_note: d.note }).where('id', '=', id).execute();
  }

  async listExtensions(incomingId: string): Promise<ExtensionRecord[]> {
    const rows = await this.db.selectFrom('extensions as e').innerJoin('assignments as a', 'a.id', 'e.assignment_id').selectAll('e')
      .where('a.incoming_id', '=', incomingId).orderBy('e.created_at').execute();
    return rows.map(toExtension);
  }

  async insertCaseFile(c: Omit<CaseFileRecord, 'id' | 'closedAt'>): Promise<CaseFileRecord | undefined> {
    const r = await sql<Selectable<CaseFilesTable>>`INSERT INTO case_files (agency_id, year, notation, title, retention, keeper_user_id, opened_at)
      VALUES (${c.agencyId}, ${c.year}, ${c.notation}, ${c.title}, ${c.retention}, ${c.keeperUserId}, ${c.openedAt}) ON CONFLICT DO NOTHING RETURNING *`.execute(this.db);
    return r.rows[0] && toCaseFile(r.rows[0]);
  }

  async findCaseFile(id: string, options: { lock?: boolean } = {}): Promise<CaseFileRecord | undefined> {
    let q = this.db.selectFrom('case_files').selectAll().where('id', '=', id);
    if (options.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && toCaseFile(row);
  }

  async listCaseFiles(agencyId: string): Promise<(CaseFileRecord & { documents: number })[]> {
    const rows = await this.db.selectFrom('case_files as c').selectAll('c')
      .select((eb) => eb.selectFrom('case_file_documents as x').select(eb.fn.countAll<number>().as('n')).whereRef('x.case_file_id', '=', 'c.id').as('documents'))
      .where('c.agency_id', '=', agencyId).orderBy('c.year', 'desc').orderBy('c.notation').execute();
    return rows.map((r) => ({ ...toCaseFile(r), documents: Number(r.documents ?? 0) }));
  }

  async fileDocument(caseFileId: string, incomingId: string, by: string, at: Date): Promise<boolean> {
    const there = await this.db.selectFrom('case_file_documents').select('ordinal').where('case_file_id', '=', caseFileId).where('incoming_id', '=', incomingId).executeTakeFirst();
    if (there) return false;
    const max = await this.db.selectFrom('case_file_documents').select((eb) => eb.fn.max<number>('ordinal').as('m')).where('case_file_id', '=', caseFileId).executeTakeFirst();
    await this.db.insertInto('case_file_documents').values({ case_file_id: caseFileId, incoming_id: incomingId, ordinal: Number(max?.m ?? 0) + 1, filed_by: by, filed_at: at }).execute();
    return true;
  }

  async closeCaseFile(id: string, at: Date): Promise<boolean> {
    const r = await this.db.updateTable('case_files').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async listCaseFileDocuments(caseFileId: string): Promise<{ ordinal: number; incomingId: string; subject: string; codeNumber: string; codeNotation: string; filedAt: Date }[]> {
    const rows = await this.db.selectFrom('case_file_documents as x').innerJoin('incoming_documents as d', 'd.id', 'x.incoming_id')
      .select(['x.ordinal', 'x.incoming_id', 'd.subject', 'd.code_number', 'd.code_notation', 'x.filed_at']).where('x.case_file_id', '=', caseFileId).orderBy('x.ordinal').execute();
    return rows.map((r) => ({ ordinal: Number(r.ordinal), incomingId: r.incoming_id, subject: r.subject, codeNumber: r.code_number, codeNotation: r.code_notation, filedAt: new Date(r.filed_at) }));
  }
}
