/**
 * What a validation trusts: configured trust anchors (roots of the Government special-use CA,
 * licensed CAs, or the built-in test CA), intermediates and revocation lists. A source is behind
 * an interface so a database-backed or URL-refreshing source can replace the file one.
 */
export interface TrustMaterial {
  anchors: Uint8Array[];
  intermediates: Uint8Array[];
  /** DER CRLs; only those signed by a certificate's issuer are used for it. */
  crls: Uint8Array[];
}

export interface TrustSource {
  load(): Promise<TrustMaterial>;
}

export const EMPTY_TRUST: TrustMaterial = { anchors: [], intermediates: [], crls: [] };
