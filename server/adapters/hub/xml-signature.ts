/**
 * Enveloped XMLDSig for EDXML packages (exchange.md §2.7). `signXml` emits lienthong's form: one
 * unprefixed `Signature` (own default namespace) as last child of `edXMLHeader`, RSA-SHA256, SHA-256,
 * exclusive c14n, `Reference URI=""`, certificate in `KeyInfo/X509Data`. Output is deterministic
 * (PKCS#1 v1.5), so build → parse → build stays byte-stable. `verifyXml` accepts the reference forms
 * too (inclusive c14n, RSA-SHA1 recorded as weak, the non-W3C exclusive c14n alias).
 */
import { createPrivateKey, sign as rsaSign, X509Certificate, type KeyObject } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { DEFAULT_LIMITS, XMLDSIG_NS } from './edxml/constants.ts';
import { parseXmlSafely } from './edxml/parse-xml.ts';
import { ALG, canonicalize, documentDigest } from './xml-signature-core.ts';
import { verifyParsedXml } from './xml-signature-verify.ts';

export { verifyParsedXml, assertSignature } from './xml-signature-verify.ts';
export type { XmlSignatureResult, VerifyOptions, CertificateInfo } from './xml-signature-verify.ts';

export interface SignOptions {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

// Keys and certificates are parsed once per PEM: parsing dominates the cost of signing small packages.
const keyCache = new Map<string, KeyObject>();
const certCache = new Map<string, string>();

function cached<V>(cache: Map<string, V>, pem: string, make: () => V): V {
  let v = cache.get(pem);
  if (v === undefined) {
    if (cache.size >= 32) cache.clear();
    v = make();
    cache.set(pem, v);
  }
  return v;
}

function pemBody(pem: string): string {
  return cached(certCache, pem, () => new X509Certificate(pem).raw.toString('base64'));
}

/** Finds where the signature goes: before the `edXMLHeader` end tag, else before the root's end tag. */
function insertionPoint(source: Buffer): { at: number; indent: string } {
  // The header precedes the attachments: look only at the bytes before the first attachment text.
  const firstAttachment = source.indexOf('ContentTransferEncoded', 0, 'latin1');
  const head = source.toString('latin1', 0, firstAttachment < 0 ? source.length : firstAttachment);
  const m = /<\/(?:[A-Za-z_][\w.-]*:)?edXMLHeader\s*>/.exec(head);
  let at = m ? m.index : -1;
  if (at < 0) at = source.lastIndexOf('</', source.length - 1, 'latin1');
  if (at < 0) throw new Error('Không tìm thấy vị trí đặt chữ ký trong tài liệu XML');
  const before = source.toString('latin1', Math.max(0, at - 64), at);
  const indent = /\n([ \t]*)$/.exec(before)?.[1] ?? '';
  return { at, indent };
}

/**
 * Signs an XML document (an EDXML package) with an enveloped RSA-SHA256 signature; returns bytes.
 * The document is parsed once (safely); attachment text is digested in place, never copied.
 */
export function signXmlBytes(xml: string | Buffer, options: SignOptions): Buffer {
  const source = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const limits = { ...DEFAULT_LIMITS, maxPackageBytes: Number.MAX_SAFE_INTEGER };
  const { at, indent } = insertionPoint(source);
  // Signed layout: "<indent>  <Signature/>\n<indent>" before the end tag; the digest is over the
  // same bytes without the element (the enveloped transform keeps the surrounding whitespace).
  const lead = indent ? '  ' : '';
  const trail = indent ? `\n${indent}` : '';
  const pre = source.subarray(0, at);
  const post = source.subarray(at);
  const unsigned = Buffer.concat([pre, Buffer.from(lead + trail, 'utf8'), post]);
  const parsed = parseXmlSafely(unsigned, limits);
  if (parsed.document.getElementsByTagNameNS(XMLDSIG_NS, 'Signature').length > 0) {
    throw new Error('Tài liệu đã có chữ ký XML');
  }
  const digest = documentDigest(parsed, null, 'exclusive', 'sha256');
  const signedInfo =
    `<SignedInfo><CanonicalizationMethod Algorithm="${ALG.EXC_C14N}"/><SignatureMethod Algorithm="${ALG.RSA_SHA256}"/>` +
    `<Reference URI=""><Transforms><Transform Algorithm="${ALG.ENVELOPED}"/><Transform Algorithm="${ALG.EXC_C14N}"/></Transforms>` +
    `<DigestMethod Algorithm="${ALG.SHA256}"/><DigestValue>${digest}</DigestValue></Reference></SignedInfo>`;
  const sigDoc = new DOMParser().parseFromString(`<Signature xmlns="${XMLDSIG_NS}">${signedInfo}</Signature>`, 'text/xml');
  const signedInfoEl = sigDoc.documentElement!.firstChild as Element;
  const canonical = canonicalize(signedInfoEl, 'exclusive', false);
  const key = cached(keyCache, options.privateKeyPem, () => createPrivateKey(options.privateKeyPem));
  if (key.asymmetricKeyType !== 'rsa') throw new Error('Khóa ký phải là khóa RSA');
  const value = rsaSign('sha256', Buffer.from(canonical, 'utf8'), key).toString('base64');
  const signature =
    `<Signature xmlns="${XMLDSIG_NS}">${signedInfo}<SignatureValue>${value}</SignatureValue>` +
    `<KeyInfo><X509Data><X509Certificate>${pemBody(options.certificatePem)}</X509Certificate></X509Data></KeyInfo></Signature>`;
  return Buffer.concat([pre, Buffer.from(lead + signature + trail, 'utf8'), post]);
}

/** Signs an XML document; see `signXmlBytes`. */
export function signXml(xml: string | Buffer, options: SignOptions): string {
  return signXmlBytes(xml, options).toString('utf8');
}

/** Verifies the enveloped signature of an XML document given as text or bytes. */
export function verifyXml(xml: string | Buffer, options: Parameters<typeof verifyParsedXml>[1] = {}) {
  const source = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  return verifyParsedXml(parseXmlSafely(source, { ...DEFAULT_LIMITS, maxPackageBytes: Number.MAX_SAFE_INTEGER }), options);
}
