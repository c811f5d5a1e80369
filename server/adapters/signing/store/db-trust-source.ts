import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { parseCrls } from '../validation/revocation.ts';
import type { TrustMaterial, TrustSource } from '../validation/trust-material.ts';
import { crlIssuerName } from './certificate-info.ts';

export interface DbTrustSourceOptions {
  now: () => Date;
  fetch?: typeof fetch;
  /** Runs before each load (demo mode: refresh the test CA's CRL when it is a day old). */
  beforeLoad?: () => Promise<void>;
  timeoutMs?: number;
  maxBytes?: number;
}

const DAY = 86_400_000;
const RETRY_AFTER_ERROR_MS = 5 * 60_000;

/**
 * Trust for validation: the CA folder (test CA root and CRL, extra anchors dropped there) plus
 * what the system operator configured in the database — anchors, uploaded CRLs and CRL URLs. A
 * URL's CRL is fetched when missing, past its nextUpdate or a day old, and kept in its row; a
 * failing URL keeps the last good CRL and is retried after five minutes.
 */
export class DbTrustSource implements TrustSource {
  readonly #bytes = new Map<string, Uint8Array>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly files: TrustSource,
    private readonly options: DbTrustSourceOptions,
  ) {}

  /** Same base64 → same Uint8Array, so parsed certificates and CRLs stay cached across loads. */
  #der(base64: string): Uint8Array {
    let der = this.#bytes.get(base64);
    if (!der) {
      if (this.#bytes.size > 500) this.#bytes.clear();
      der = new Uint8Array(Buffer.from(base64, 'base64'));
      this.#bytes.set(base64, der);
    }
    return der;
  }

  async load(): Promise<TrustMaterial> {
    await this.options.beforeLoad?.();
    const base = await this.files.load();
    const anchors = await this.db.selectFrom('signing_trust_anchors').select(['kind', 'certificate']).execute();
    await this.refreshUrls();
    const crls = await this.db.selectFrom('signing_revocation_sources').select('crl').where('crl', 'is not', null).execute();
    return {
      anchors: [...base.anchors, ...anchors.filter((a) => a.kind === 'root').map((a) => this.#der(a.certificate))],
      intermediates: [...base.intermediates, ...anchors.filter((a) => a.kind === 'intermediate').map((a) => this.#der(a.certificate))],
      crls: [...base.crls, ...crls.map((c) => this.#der(c.crl!))],
    };
  }

  /** Fetches the CRL of every URL source that is due. */
  async refreshUrls(force = false): Promise<void> {
    const now = this.options.now().getTime();
    const sources = await this.db.selectFrom('signing_revocation_sources').selectAll().where('url', 'is not', null).execute();
    for (const source of sources) {
      const fetchedAt = source.fetched_at ? new Date(source.fetched_at).getTime() : undefined;
      const due =
        force ||
        fetchedAt === undefined ||
        (source.last_error !== null ? now - fetchedAt > RETRY_AFTER_ERROR_MS : now - fetchedAt > DAY || (source.next_update !== null && new Date(source.next_update).getTime() <= now));
      if (!due) continue;
      const result = await this.#fetch(source.url!);
      await this.db
        .updateTable('signing_revocation_sources')
        .set('error' in result
          ? { fetched_at: new Date(now), last_error: result.error }
          : { fetched_at: new Date(now), last_error: null, crl: Buffer.from(result.der).toString('base64'), issuer: result.issuer, this_update: result.thisUpdate, next_update: result.nextUpdate ?? null })
        .where('id', '=', source.id)
        .execute();
    }
  }

  async #fetch(url: string): Promise<{ der: Uint8Array; issuer: string; thisUpdate: Date; nextUpdate: Date | undefined } | { error: string }> {
    const maxBytes = this.options.maxBytes ?? 20 * 1024 * 1024;
    try {
      const response = await (this.options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000), redirect: 'follow' });
      if (!response.ok) return { error: `HTTP ${response.status}` };
      if (Number(response.headers.get('content-length') ?? '0') > maxBytes) return { error: 'CRL quá lớn' };
      const der = new Uint8Array(await response.arrayBuffer());
      if (der.length > maxBytes) return { error: 'CRL quá lớn' };
      const parsed = parseCrls([der])[0];
      if (!parsed) return { error: 'Nội dung tải về không phải CRL' };
      return { der, issuer: crlIssuerName(der), thisUpdate: parsed.thisUpdate, nextUpdate: parsed.nextUpdate };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
}
