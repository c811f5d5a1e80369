/**
 * A minimal DER reader for the hot paths (signing and validation). Full ASN.1 object models are
 * much slower to build, and these paths need only a few fields, as exact bytes.
 */
export interface DerNode {
  tag: number;
  /** Offset of the tag byte in the buffer. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset after the last content byte. */
  end: number;
  buffer: Uint8Array;
}

export class DerError extends Error {}

export function readNode(buffer: Uint8Array, offset = 0): DerNode {
  if (offset + 2 > buffer.length) throw new DerError('DER: truncated');
  const tag = buffer[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('DER: multi-byte tags are not supported');
  let length = buffer[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4) throw new DerError('DER: unsupported length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buffer[offset + 2 + i]!;
    contentStart += n;
  }
  const end = contentStart + length;
  if (end > buffer.length) throw new DerError('DER: element runs past the end');
  return { tag, start: offset, contentStart, end, buffer };
}

export function children(node: DerNode): DerNode[] {
  if (!(node.tag & 0x20)) throw new DerError('DER: not a constructed element');
  const out: DerNode[] = [];
  for (let offset = node.contentStart; offset < node.end; ) {
    const child = readNode(node.buffer, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function child(node: DerNode, index: number): DerNode {
  const found = children(node)[index];
  if (!found) throw new DerError(`DER: element ${index} missing`);
  return found;
}

/** The whole element (tag, length and content). */
export function bytesOf(node: DerNode): Uint8Array {
  return node.buffer.subarray(node.start, node.end);
}

export function contentOf(node: DerNode): Uint8Array {
  return node.buffer.subarray(node.contentStart, node.end);
}

export function oidOf(node: DerNode): string {
  if (node.tag !== 0x06) throw new DerError('DER: expected an OBJECT IDENTIFIER');
  const bytes = contentOf(node);
  const first = bytes[0]!;
  const parts = [Math.min(2, Math.floor(first / 40)), first - 40 * Math.min(2, Math.floor(first / 40))];
  let value = 0;
  for (const b of bytes.subarray(1)) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** UTCTime or GeneralizedTime. */
export function timeOf(node: DerNode): Date {
  const text = Buffer.from(contentOf(node)).toString('latin1');
  const m = node.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
  if (!m) throw new DerError(`DER: unsupported time ${text}`);
  let year = Number(m[1]);
  if (node.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0')));
}

/** Issuer name, serial and subject of a certificate, as exact DER bytes. */
export function certificateFields(der: Uint8Array): { serialContent: Uint8Array; issuer: Uint8Array; subject: Uint8Array } {
  const tbs = children(child(readNode(der), 0));
  const offset = tbs[0]!.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version
  return {
    serialContent: contentOf(tbs[offset]!),
    issuer: bytesOf(tbs[offset + 2]!),
    subject: bytesOf(tbs[offset + 4]!),
  };
}

/** The subjectKeyIdentifier extension's key id, if the certificate has one. */
export function subjectKeyIdentifier(der: Uint8Array): Uint8Array | undefined {
  const tbs = children(child(readNode(der), 0));
  const extensions = tbs.find((node) => node.tag === 0xa3);
  if (!extensions) return undefined;
  for (const extension of children(child(extensions, 0))) {
    const parts = children(extension);
    if (oidOf(parts[0]!) !== '2.5.29.14') continue;
    return contentOf(readNode(contentOf(parts[parts.length - 1]!)));
  }
  return undefined;
}
