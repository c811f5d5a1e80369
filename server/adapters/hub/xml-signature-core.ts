/**
 * XMLDSig building blocks shared by signing and verification: algorithm tables, the document digest
 * for `Reference URI=""` with the enveloped-signature transform, and SignedInfo canonicalisation.
 * Canonicalisation is xml-crypto's; the digest streams each attachment's raw bytes from the received
 * buffer in place of its marker (see edxml/parse-xml.ts), so a 100 MB package is never a 100 MB string.
 */
import { createHash } from 'node:crypto';
import type { Element, Node } from '@xmldom/xmldom';
import {
  C14nCanonicalization,
  C14nCanonicalizationWithComments,
  ExclusiveCanonicalization,
  ExclusiveCanonicalizationWithComments,
} from 'xml-crypto';
import type { ParsedXml } from './edxml/parse-xml.ts';
import type { PackageBytes } from './edxml/package-bytes.ts';

export const ALG = {
  C14N: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  C14N_COMMENTS: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  EXC_C14N: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  EXC_C14N_COMMENTS: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  /** Not a W3C identifier; seen in reference packages, accepted as exclusive c14n, never emitted (§2.7). */
  EXC_C14N_ALIAS: 'http://www.w3.org/TR/xml-exc-c14n#',
  ENVELOPED: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  RSA_SHA256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  RSA_SHA1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  SHA256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  SHA1: 'http://www.w3.org/2000/09/xmldsig#sha1',
} as const;

export type C14nKind = 'inclusive' | 'exclusive';

export function c14nKind(algorithm: string): C14nKind | null {
  switch (algorithm) {
    case ALG.C14N:
    case ALG.C14N_COMMENTS:
      return 'inclusive';
    case ALG.EXC_C14N:
    case ALG.EXC_C14N_COMMENTS:
    case ALG.EXC_C14N_ALIAS:
      return 'exclusive';
    default:
      return null;
  }
}

export const DIGESTS: Readonly<Record<string, { node: 'sha256' | 'sha1'; weak: boolean }>> = {
  [ALG.SHA256]: { node: 'sha256', weak: false },
  [ALG.SHA1]: { node: 'sha1', weak: true },
};
export const SIGNATURES: Readonly<Record<string, { node: 'sha256' | 'sha1'; weak: boolean }>> = {
  [ALG.RSA_SHA256]: { node: 'sha256', weak: false },
  [ALG.RSA_SHA1]: { node: 'sha1', weak: true },
};

interface NamespacePrefix {
  prefix: string;
  namespaceURI: string;
}

/**
 * In-scope namespace declarations of the ancestors of `el`, nearest first (for inclusive c14n),
 * leaving out prefixes `el` declares or renders itself (its own prefix), which c14n emits anyway.
 */
function ancestorNamespaces(el: Element): NamespacePrefix[] {
  const seen = new Set<string>([el.prefix ?? '']);
  const own = el.attributes;
  for (let i = 0; i < own.length; i++) {
    const n = own.item(i)!.name;
    if (n === 'xmlns') seen.add('');
    else if (n.startsWith('xmlns:')) seen.add(n.slice(6));
  }
  const out: NamespacePrefix[] = [];
  for (let n: Node | null = el.parentNode; n && n.nodeType === 1; n = n.parentNode) {
    const attrs = (n as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i)!;
      const prefix = a.name === 'xmlns' ? '' : a.name.startsWith('xmlns:') ? a.name.slice(6) : null;
      if (prefix === null || seen.has(prefix)) continue;
      seen.add(prefix);
      if (a.value !== '') out.push({ prefix, namespaceURI: a.value });
    }
  }
  return out;
}

/** Canonicalises an element (without comments: URI="" and SignedInfo never include them here). */
export function canonicalize(el: Element, kind: C14nKind, withAncestors: boolean): string {
  const c14n = kind === 'inclusive' ? new C14nCanonicalization() : new ExclusiveCanonicalization();
  const options = withAncestors && kind === 'inclusive' ? { ancestorNamespaces: ancestorNamespaces(el) } : {};
  return c14n.process(el as never, options as never) as string;
}

// Referenced so bundlers keep the with-comments variants available for future transforms.
void C14nCanonicalizationWithComments;
void ExclusiveCanonicalizationWithComments;

/**
 * Digest of the whole document (`URI=""`) minus `signature` (enveloped transform), canonicalised by
 * `kind`, with attachment markers replaced by the raw attachment text streamed from the source.
 */
export function documentDigest(xml: ParsedXml, signature: Element | null, kind: C14nKind, hash: 'sha256' | 'sha1'): string {
  const root = xml.document.documentElement!;
  const parent = signature?.parentNode ?? null;
  const next = signature?.nextSibling ?? null;
  if (signature && parent) parent.removeChild(signature);
  let canonical: string;
  try {
    canonical = canonicalize(root, kind, false);
  } finally {
    if (signature && parent) parent.insertBefore(signature, next);
  }
  const h = createHash(hash);
  let from = 0;
  xml.ranges.forEach((range, i) => {
    const marker = xml.markerOf(i);
    if (!marker) return;
    const at = canonical.indexOf(marker, from);
    if (at < 0) return; // inside the removed signature: not part of the signed content
    h.update(canonical.slice(from, at), 'utf8');
    for (const chunk of rawText(xml.source, range.start, range.end)) h.update(chunk);
    from = at + marker.length;
  });
  h.update(canonical.slice(from), 'utf8');
  return h.digest('base64');
}

/**
 * The character data of a Base64-only text range as the parser sees it: CDATA markers dropped and
 * line ends normalised (CR LF and lone CR become LF), read in 1 MiB windows that never split a CR or
 * a CDATA marker. Zero-copy per window when there is nothing to change.
 */
function* rawText(src: PackageBytes, start: number, end: number): Generator<Buffer> {
  for (let p = start; p < end; ) {
    let slice = src.read(p, Math.min(end, p + (1 << 20)));
    if (p + slice.length < end) {
      let keep = slice.length;
      for (let i = slice.length - 1; i >= slice.length - 9 && i > 0; i--) if (slice[i] === 0x3c || slice[i] === 0x5d || slice[i] === 0x0d) keep = i;
      slice = slice.subarray(0, keep);
    }
    p += slice.length;
    yield* rawWindow(slice);
  }
}

function* rawWindow(slice: Buffer): Generator<Buffer> {
  if (slice.indexOf(0x0d) < 0 && slice.indexOf(0x3c) < 0 && slice.indexOf(0x5d) < 0) {
    yield slice;
    return;
  }
  const out = Buffer.allocUnsafe(Math.min(slice.length, 1 << 20));
  let n = 0;
  for (let p = 0; p < slice.length; ) {
    const b = slice[p]!;
    if (b === 0x3c && slice.toString('latin1', p, p + 9) === '<![CDATA[') {
      p += 9;
      continue;
    }
    if (b === 0x5d && slice.toString('latin1', p, p + 3) === ']]>') {
      p += 3;
      continue;
    }
    if (b === 0x0d) {
      out[n++] = 0x0a;
      p += slice[p + 1] === 0x0a ? 2 : 1;
    } else {
      out[n++] = b;
      p++;
    }
    if (n === out.length) {
      yield Buffer.from(out);
      n = 0;
    }
  }
  if (n > 0) yield Buffer.from(out.subarray(0, n));
}
