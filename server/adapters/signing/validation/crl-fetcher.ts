import type { X509Certificate } from 'node:crypto';
import { child, children, contentOf, oidOf, readNode } from '../der-reader.ts';
import { parseCrls } from './revocation.ts';

/**
 * Revocation lists fetched from the URLs certificates name (CRL distribution points), for
 * certificates whose CRL was not uploaded. Cached until the CRL's nextUpdate (at most a day).
 */
export interface CrlSource {
  crlsFor(cert: X509Certificate): Promise<Uint8Array[]>;
}

export interface HttpCrlSourceOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  now?: () => Date;
}

const DAY = 86_400_000;

export class HttpCrlSource implements CrlSource {
  readonly #cache = new Map<string, { der: Uint8Array; until: number }>();
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #now: () => Date;

  constructor(options: HttpCrlSourceOptions = {}) {
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
    this.#now = options.now ?? (() => new Date());
  }

  async crlsFor(cert: X509Certificate): Promise<Uint8Array[]> {
    const out: Uint8Array[] = [];
    for (const url of crlDistributionPoints(new Uint8Array(cert.raw))) {
      const crl = await this.#get(url);
      if (crl) out.push(crl);
    }
    return out;
  }

  async #get(url: string): Promise<Uint8Array | undefined> {
    const now = this.#now().getTime();
    const cached = this.#cache.get(url);
    if (cached && cached.until > now) return cached.der;
    try {
      const response = await this.#fetch(url, { signal: AbortSignal.timeout(this.#timeoutMs), redirect: 'follow' });
      if (!response.ok) return cached?.der;
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > this.#maxBytes) return cached?.der;
      const der = new Uint8Array(await response.arrayBuffer());
      if (der.length > this.#maxBytes) return cached?.der;
      const parsed = parseCrls([der])[0];
      if (!parsed) return cached?.der;
      const nextUpdate = parsed.nextUpdate?.getTime() ?? now + DAY;
      this.#cache.set(url, { der, until: Math.min(nextUpdate, now + DAY) });
      return der;
    } catch {
      // Unreachable CRL: the validation reports NO_REVOCATION_DATA, which is the honest answer.
      return cached?.der;
    }
  }
}

/** http(s) URLs of a certificate's CRL distribution points. */
export function crlDistributionPoints(der: Uint8Array): string[] {
  try {
    const tbs = children(child(readNode(der), 0));
    const extensions = tbs.find((node) => node.tag === 0xa3);
    if (!extensions) return [];
    const urls: string[] = [];
    for (const extension of children(child(extensions, 0))) {
      const parts = children(extension);
      if (oidOf(parts[0]!) !== '2.5.29.31') continue;
      const points = readNode(contentOf(parts[parts.length - 1]!));
      for (const point of children(points)) {
        const name = children(point).find((n) => n.tag === 0xa0);
        const fullName = name ? children(name).find((n) => n.tag === 0xa0) : undefined;
        for (const general of fullName ? children(fullName) : []) {
          if (general.tag !== 0x86) continue;
          const url = Buffer.from(contentOf(general)).toString('latin1');
          if (/^https?:\/\//i.test(url)) urls.push(url);
        }
      }
    }
    return urls;
  } catch {
    return [];
  }
}
