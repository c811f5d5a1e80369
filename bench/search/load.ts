import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { metaOf } from '../../server/adapters/db/repositories/search-documents.ts';
import type { SearchEntry } from '../../server/app/ports/search-index.ts';
import type { DB } from '../../server/adapters/db/schema.ts';
import { abstract, INCOMING_STATES, ORGANS, OUTGOING_STATES, pick, prng, signer, TYPES } from './generator.ts';

export interface Corpus {
  agencyIds: string[];
  /** The agency the queries run in (it holds `share` of all documents). */
  queried: string;
  unitId: string;
  sampleIds: string[];
}

export const QUERIED_SHARE = 0.25;
const AGENCIES = 20;

export async function createAgencies(db: Kysely<DB>): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < AGENCIES; i++) {
    const row = await db.insertInto('agencies').values({ name: `Cơ quan thử tải ${i + 1}`, short_name: `CQ${i + 1}`, level: 'provincial_agency' } as never).returning('id').executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

function day(rand: () => number): string {
  const start = Date.UTC(2019, 0, 1);
  return new Date(start + Math.floor(rand() * 7 * 365) * 86_400_000).toISOString().slice(0, 10);
}

/** One generated entry, shaped as the document modules will write it. */
function generate(rand: () => number, agencyIds: string[], unitId: string): SearchEntry {
  const agencyId = rand() < QUERIED_SHARE ? agencyIds[0]! : agencyIds[1 + Math.floor(rand() * (agencyIds.length - 1))]!;
  const [code, name, typePart, opening] = pick(rand, TYPES);
  const kind = rand() < 0.55 ? 'incoming' : 'outgoing';
  const status = kind === 'incoming' ? pick(rand, INCOMING_STATES) : pick(rand, OUTGOING_STATES);
  const issuedDate = day(rand);
  const visible = !['arrived', 'drafting', 'in_review', 'awaiting_signature'].includes(status);
  const readers: SearchEntry['readers'] = visible
    ? ['role:clerk', 'role:leader', `unit:${unitId}`]
    : status === 'arrived' ? ['role:clerk'] : [`user:${randomUUID()}`];
  return {
    agencyId,
    kind,
    documentId: randomUUID(),
    subject: abstract(rand, opening),
    codeNumber: String(1 + Math.floor(rand() * 900)).padStart(2, '0'),
    codeNotation: typePart ? `${typePart}-UBND` : 'UBND-VP',
    documentType: { code, name },
    issuedDate,
    arrivalDate: kind === 'incoming' ? issuedDate : null,
    organName: pick(rand, ORGANS),
    registerId: null,
    status,
    signerName: signer(rand),
    urgency: rand() < 0.85 ? 'normal' : pick(rand, ['urgent', 'very_urgent', 'flash'] as const),
    readers,
    mainFileSha256: null,
  };
}

/**
 * Loads `count` entries in multi-row inserts (unnest of column arrays), computing the vectors with
 * the same SQL functions as PgSearchIndex.upsert. Secondary indexes are dropped first and rebuilt
 * after, from their own definitions, as a bulk load would do.
 */
export async function loadCorpus(db: Kysely<DB>, count: number, seed: number): Promise<Corpus & { loadSeconds: number; indexSeconds: number }> {
  const agencyIds = await createAgencies(db);
  const unitId = randomUUID();
  const defs = await sql<{ indexname: string; def: string }>`
    SELECT indexname, pg_get_indexdef(format('%I', indexname)::regclass) AS def FROM pg_indexes
    WHERE tablename = 'search_documents' AND indexname <> 'search_documents_pkey'`.execute(db);
  for (const d of defs.rows) await sql`DROP INDEX ${sql.id(d.indexname)}`.execute(db);
  const rand = prng(seed);
  const sampleIds: string[] = [];
  const started = performance.now();
  const batch = 2000;
  for (let done = 0; done < count; done += batch) {
    const entries = Array.from({ length: Math.min(batch, count - done) }, () => generate(rand, agencyIds, unitId));
    if (sampleIds.length < 500) sampleIds.push(...entries.slice(0, 5).map((e) => e.documentId));
    const col = <T>(f: (e: SearchEntry) => T) => entries.map(f);
    await sql`
      INSERT INTO search_documents (kind, document_id, agency_id, subject, code_number, code_notation, type_code, type_name, issued_date,
        arrival_date, doc_date, organ_name, register_id, status, signer_name, urgency, readers, file_sha256, meta, folded, exact)
      SELECT kind, document_id, agency_id, subject, code_number, code_notation, type_code, type_name, issued_date, arrival_date,
        coalesce(arrival_date, issued_date), organ_name, NULL, status, signer_name, urgency, string_to_array(readers, ' '), NULL, meta,
        lt_search_folded(subject, meta, ''), lt_search_exact(subject, meta, '')
      FROM unnest(${col((e) => e.kind)}::text[], ${col((e) => e.documentId)}::uuid[], ${col((e) => e.agencyId)}::uuid[], ${col((e) => e.subject)}::text[],
        ${col((e) => e.codeNumber)}::text[], ${col((e) => e.codeNotation)}::text[], ${col((e) => e.documentType!.code)}::text[], ${col((e) => e.documentType!.name)}::text[],
        ${col((e) => e.issuedDate)}::date[], ${col((e) => e.arrivalDate)}::date[], ${col((e) => e.organName)}::text[], ${col((e) => e.status)}::text[],
        ${col((e) => e.signerName)}::text[], ${col((e) => e.urgency)}::text[], ${col((e) => e.readers.join(' '))}::text[], ${col(metaOf)}::text[])
        AS t(kind, document_id, agency_id, subject, code_number, code_notation, type_code, type_name, issued_date, arrival_date, organ_name, status,
             signer_name, urgency, readers, meta)`.execute(db);
    if (count >= 200_000 && (done / batch) % 50 === 0) process.stderr.write(`  loaded ${done + entries.length}/${count}\n`);
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const indexStart = performance.now();
  for (const d of defs.rows) await sql.raw(d.def).execute(db);
  await sql`ANALYZE search_documents`.execute(db);
  const indexSeconds = (performance.now() - indexStart) / 1000;
  return { agencyIds, queried: agencyIds[0]!, unitId, sampleIds, loadSeconds, indexSeconds };
}
