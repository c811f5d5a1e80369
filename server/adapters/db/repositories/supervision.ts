import { sql, type Kysely } from 'kysely';
import type { ArchivedReport, NamedRef, RecordableFact, SupervisionComment, SupervisionFacts, SupervisionStore } from '../../../app/ports/supervision.ts';
import { localDateOf } from '../../../domain/calendar/vietnam-time.ts';
import { FACT_KINDS, type ReportAgency, type ReportLevel, type SupervisionFact } from '../../../domain/report/facts.ts';
import type { PeriodPreset, ReportPeriod } from '../../../domain/report/period.ts';
import type { DB } from '../schema.ts';

const FROM_HUB = new Set(['outgoing.custody', 'delivery.failed']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export class PgSupervisionFacts implements SupervisionFacts {
  constructor(private readonly db: Kysely<DB>) {}

  async record(fact: RecordableFact): Promise<void> {
    if (!FACT_KINDS.includes(fact.kind) || FROM_HUB.has(fact.kind)) throw new Error(`supervision: "${fact.kind}" is not a fact the workflows record`);
    if (!(fact.occurredAt instanceof Date) || Number.isNaN(fact.occurredAt.getTime())) throw new Error(`supervision: ${fact.kind} needs a valid occurredAt`);
    if (!fact.documentKey.trim()) throw new Error(`supervision: ${fact.kind} needs a document key`);
    if ((fact.kind === 'incoming.deadline_set' || fact.kind === 'incoming.deadline_extended') && !DATE.test(fact.data.deadline)) {
      throw new Error(`supervision: ${fact.kind} needs a deadline date (YYYY-MM-DD), got ${fact.data.deadline}`);
    }
    await this.db.insertInto('supervision_facts').values({
      agency_id: fact.agencyId, kind: fact.kind, document_key: fact.documentKey, occurred_at: fact.occurredAt, data: JSON.stringify(fact.data),
    }).execute();
  }
}

const LEVELS: Record<string, ReportLevel> = { province: 'province', provincial_agency: 'department', district: 'district', district_office: 'district', commune: 'commune' };

function toArchived(r: { id: string; preset: PeriodPreset; period_start: string; period_end: string; as_of: Date | string; definition_version: string; generated_at: Date | string; generated_by: string | null; trigger: 'schedule' | 'demand' }): ArchivedReport {
  return {
    id: r.id, preset: r.preset, period: { start: r.period_start, end: r.period_end }, asOf: new Date(r.as_of), definitionVersion: r.definition_version,
    generatedAt: new Date(r.generated_at), generatedBy: r.generated_by, trigger: r.trigger,
  };
}

export class PgSupervisionStore implements SupervisionStore {
  constructor(private readonly db: Kysely<DB>) {}

  private archiveColumns() {
    return [
      'id', 'preset', sql<string>`to_char(period_start, 'YYYY-MM-DD')`.as('period_start'), sql<string>`to_char(period_end, 'YYYY-MM-DD')`.as('period_end'),
      'as_of', 'definition_version', 'generated_at', 'generated_by', 'trigger',
    ] as const;
  }

  async loadAgencies(period: ReportPeriod, asOf: Date): Promise<ReportAgency[]> {
    const day = localDateOf(asOf);
    const all = await this.db.selectFrom('agencies')
      .select(['id', 'name', 'level', 'parent_id', 'active', sql<string | null>`to_char(existed_from, 'YYYY-MM-DD')`.as('from'), sql<string | null>`to_char(existed_to, 'YYYY-MM-DD')`.as('to')])
      .execute();
    const open = new Set((await this.db.selectFrom('agency_codes').select('agency_id')
      .where(sql<boolean>`valid_from <= ${day}::date AND (valid_to IS NULL OR valid_to >= ${day}::date)`).execute()).map((r) => r.agency_id));
    const clerks = new Set((await this.db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('user_roles.agency_id').where('user_roles.role', '=', 'clerk').where('users.active', '=', true).execute()).map((r) => r.agency_id));
    const suspended = new Set((await this.db.selectFrom('agency_receiving_suspensions').select('agency_id')
      .where(sql<boolean>`starts_on <= ${day}::date AND (ends_on IS NULL OR ends_on >= ${day}::date)`).execute()).map((r) => r.agency_id));
    const byId = new Map(all.map((a) => [a.id, a]));
    const districtOf = (id: string): string | null => {
      for (let a = byId.get(id), hops = 0; a && hops < 10; a = a.parent_id ? byId.get(a.parent_id) : undefined, hops++) {
        if (a.level === 'district') return a.id;
      }
      return null;
    };
    return all
      .filter((a) => (a.from === null || a.from <= period.end) && (a.to === null || a.to >= period.start) && (a.active || a.to !== null))
      .map((a) => ({
        id: a.id, name: a.name, level: LEVELS[a.level] ?? 'department', districtId: districtOf(a.id),
        hasOpenCode: open.has(a.id), hasActiveClerk: clerks.has(a.id), receivingSuspended: suspended.has(a.id),
      }));
  }

  async loadFacts(since: Date, asOf: Date, agencyId?: string): Promise<SupervisionFact[]> {
    let recorded = this.db.selectFrom('supervision_facts').select(['agency_id', 'kind', 'document_key', 'occurred_at', 'data'])
      .where('occurred_at', '>=', since).where('occurred_at', '<=', asOf);
    if (agencyId) recorded = recorded.where('agency_id', '=', agencyId);
    const facts: SupervisionFact[] = (await recorded.execute()).map((r) => ({
      kind: r.kind, agencyId: r.agency_id, documentKey: r.document_key, occurredAt: new Date(r.occurred_at), data: json(r.data),
    }) as SupervisionFact);
    // Custody: one delivery per receiver of a new document (business type 0) sent by an agency of this deployment.
    let custody = this.db.selectFrom('hub_deliveries as d').innerJoin('hub_outbox as o', 'o.id', 'd.outbox_id')
      .select(['o.sender_agency_id', 'd.document_key', 'd.created_at', 'd.receiver_code', 'd.route'])
      .where('o.kind', '=', 'document').where('o.sender_agency_id', 'is not', null).where('d.route', '!=', 'none')
      .where((eb) => eb.or([eb('o.business_type', 'is', null), eb('o.business_type', '=', '0')]))
      .where('d.created_at', '>=', since).where('d.created_at', '<=', asOf);
    if (agencyId) custody = custody.where('o.sender_agency_id', '=', agencyId);
    for (const r of await custody.execute()) {
      facts.push({ kind: 'outgoing.custody', agencyId: r.sender_agency_id!, documentKey: r.document_key, occurredAt: new Date(r.created_at), data: { receiverKey: r.receiver_code, scope: r.route === 'local' ? 'province' : 'external' } });
    }
    // Dead or expired deliveries of documents to an agency of this deployment, at their last attempt.
    const failedAt = sql<Date>`coalesce(d.last_attempt_at, d.created_at)`;
    let failed = this.db.selectFrom('hub_deliveries as d').innerJoin('hub_outbox as o', 'o.id', 'd.outbox_id')
      .select(['d.receiver_agency_id', 'd.document_key', failedAt.as('at'), 'd.last_error_code'])
      .where('o.kind', '=', 'document').where('d.state', '=', 'dead').where('d.receiver_agency_id', 'is not', null)
      .where(failedAt, '>=', since).where(failedAt, '<=', asOf);
    if (agencyId) failed = failed.where('d.receiver_agency_id', '=', agencyId);
    for (const r of await failed.execute()) {
      facts.push({ kind: 'delivery.failed', agencyId: r.receiver_agency_id!, documentKey: r.document_key, occurredAt: new Date(r.at), data: { code: r.last_error_code ?? 'UNKNOWN' } });
    }
    return facts;
  }

  async archive(report: Omit<ArchivedReport, 'id'> & { snapshot: unknown; xlsx: Uint8Array; pdf: Uint8Array }): Promise<ArchivedReport> {
    const row = await this.db.insertInto('supervision_reports').values({
      preset: report.preset, period_start: report.period.start, period_end: report.period.end, as_of: report.asOf,
      definition_version: report.definitionVersion, generated_at: report.generatedAt, generated_by: report.generatedBy, trigger: report.trigger,
      snapshot: JSON.stringify(report.snapshot), xlsx: report.xlsx, pdf: report.pdf,
    }).returning('id').executeTakeFirstOrThrow();
    return { ...report, id: row.id };
  }

  async listArchive(limit: number): Promise<ArchivedReport[]> {
    const rows = await this.db.selectFrom('supervision_reports').select(this.archiveColumns()).orderBy('generated_at', 'desc').limit(limit).execute();
    return rows.map(toArchived);
  }

  async findArchived(period: ReportPeriod, preset: PeriodPreset): Promise<ArchivedReport | undefined> {
    const row = await this.db.selectFrom('supervision_reports').select(this.archiveColumns())
      .where('preset', '=', preset).where(sql<boolean>`period_start = ${period.start}::date AND period_end = ${period.end}::date`)
      .orderBy('generated_at', 'desc').executeTakeFirst();
    return row && toArchived(row);
  }

  async archivedFile(id: string, format: 'xlsx' | 'pdf'): Promise<{ report: ArchivedReport; bytes: Uint8Array } | undefined> {
    const row = await this.db.selectFrom('supervision_reports').select([...this.archiveColumns(), format]).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const bytes = (row as unknown as Record<string, Uint8Array>)[format]!;
    return { report: toArchived(row), bytes: new Uint8Array(bytes) };
  }

  async addComment(c: { period: ReportPeriod; agencyId: string | null; authorId: string; body: string; createdAt: Date }): Promise<SupervisionComment> {
    const row = await this.db.insertInto('supervision_comments').values({
      period_start: c.period.start, period_end: c.period.end, agency_id: c.agencyId, author_id: c.authorId, body: c.body, created_at: c.createdAt,
    }).returning('id').executeTakeFirstOrThrow();
    const author = await this.db.selectFrom('users').select('full_name').where('id', '=', c.authorId).executeTakeFirstOrThrow();
    return { id: row.id, period: c.period, agencyId: c.agencyId, authorName: author.full_name, body: c.body, createdAt: c.createdAt };
  }

  async listComments(period: ReportPeriod): Promise<SupervisionComment[]> {
    const rows = await this.db.selectFrom('supervision_comments as c').innerJoin('users as u', 'u.id', 'c.author_id')
      .select(['c.id', 'c.agency_id', 'u.full_name', 'c.body', 'c.created_at'])
      .where(sql<boolean>`c.period_start = ${period.start}::date AND c.period_end = ${period.end}::date`)
      .orderBy('c.created_at').execute();
    return rows.map((r) => ({ id: r.id, period, agencyId: r.agency_id, authorName: r.full_name, body: r.body, createdAt: new Date(r.created_at) }));
  }

  async lockSchedule(): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext('supervision.report.schedule'))`.execute(this.db);
  }

  async unitsAndUsers(agencyId: string): Promise<{ units: NamedRef[]; users: (NamedRef & { unitId: string | null })[] }> {
    const units = await this.db.selectFrom('units').select(['id', 'name']).where('agency_id', '=', agencyId).orderBy('name').execute();
    const users = await this.db.selectFrom('users').select(['id', 'full_name', 'unit_id']).where('agency_id', '=', agencyId).orderBy('full_name').execute();
    return { units, users: users.map((u) => ({ id: u.id, name: u.full_name, unitId: u.unit_id })) };
  }
}
