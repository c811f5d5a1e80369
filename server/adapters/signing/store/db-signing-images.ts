import type { Kysely } from 'kysely';
import { localDateOf } from '../../../domain/calendar/vietnam-time.ts';
import type { DB } from '../../db/schema.ts';
import type { SigningImages } from '../document-signing.ts';

/**
 * The seal and signature images in force on the signing date (Vietnam time): the latest period
 * that has started and not ended; the newest upload wins within one period.
 */
export class DbSigningImages implements SigningImages {
  readonly #cache = new Map<string, Uint8Array>();

  constructor(private readonly db: Kysely<DB>) {}

  async #current(agencyId: string, kind: 'seal' | 'signature', userId: string | null, at: Date) {
    const day = localDateOf(at);
    let query = this.db
      .selectFrom('signing_images')
      .select(['png', 'sha256', 'diameter_mm'])
      .where('agency_id', '=', agencyId)
      .where('kind', '=', kind)
      .where('valid_from', '<=', day)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]));
    query = userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId);
    const row = await query.orderBy('valid_from', 'desc').orderBy('created_at', 'desc').executeTakeFirst();
    if (!row) return undefined;
    let png = this.#cache.get(row.sha256);
    if (!png) {
      if (this.#cache.size > 200) this.#cache.clear();
      png = new Uint8Array(Buffer.from(row.png, 'base64'));
      this.#cache.set(row.sha256, png);
    }
    return { png, diameterMm: row.diameter_mm === null ? undefined : Number(row.diameter_mm) };
  }

  async signatureImage(agencyId: string, userId: string, at: Date): Promise<Uint8Array | undefined> {
    return (await this.#current(agencyId, 'signature', userId, at))?.png;
  }

  async sealImage(agencyId: string, at: Date): Promise<{ png: Uint8Array; diameterMm?: number } | undefined> {
    const found = await this.#current(agencyId, 'seal', null, at);
    return found && { png: found.png, ...(found.diameterMm !== undefined ? { diameterMm: found.diameterMm } : {}) };
  }
}
