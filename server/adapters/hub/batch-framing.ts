/**
 * The body of a batch push between hubs (`POST /api/hub/batch`, docs/exchange-protocol.md):
 * `multipart/mixed` (RFC 2046), one part per package, each with `X-Package-Id`, `X-Package-Kind`
 * (`document` or `status`) and the exact EDXML bytes as its content. The encoder picks a boundary
 * that occurs in none of the packages, so the decoder can split on the delimiter alone.
 */
import { randomBytes } from 'node:crypto';
import type { PackageKind } from '../../app/ports/hub.ts';

export interface BatchPart {
  packageId: string;
  kind: PackageKind;
  bytes: Buffer;
}

export const BATCH_CONTENT_TYPE = 'multipart/mixed';

const CRLF = Buffer.from('\r\n');

/** The body and its content type (with the boundary). */
export function encodeBatch(parts: BatchPart[]): { contentType: string; body: Buffer } {
  let boundary = `lienthong-${randomBytes(12).toString('hex')}`;
  while (parts.some((p) => p.bytes.includes(boundary))) boundary = `lienthong-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: application/xml\r\nX-Package-Id: ${p.packageId}\r\nX-Package-Kind: ${p.kind}\r\n\r\n`, 'utf8'), p.bytes, CRLF);
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `${BATCH_CONTENT_TYPE}; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

/** The boundary of a `multipart/mixed` content type, or undefined for any other type. */
export function batchBoundary(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const [type, ...params] = contentType.split(';').map((s) => s.trim());
  if (type?.toLowerCase() !== BATCH_CONTENT_TYPE) return undefined;
  for (const p of params) {
    const m = /^boundary=(?:"([^"]{1,70})"|([^\s";]{1,70}))$/i.exec(p);
    if (m) return m[1] ?? m[2];
  }
  return undefined;
}

/** A malformed body: thrown with the reason, answered 400 by the endpoint. */
export class BatchFramingError extends Error {}

function headersOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const i = line.indexOf(':');
    if (i <= 0) throw new BatchFramingError(`Dòng tiêu đề phần không hợp lệ: ${line.slice(0, 80)}`);
    out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}

/** The parts in order; each part's bytes are a view into `body` (no copy). */
export function decodeBatch(body: Buffer, boundary: string): BatchPart[] {
  const open = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  if (!body.subarray(0, open.length).equals(open)) throw new BatchFramingError('Thân yêu cầu phải bắt đầu bằng dấu phân cách của lô');
  const parts: BatchPart[] = [];
  let at = open.length;
  for (;;) {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts; // the closing delimiter `--boundary--`
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) throw new BatchFramingError('Dấu phân cách của lô không đúng dạng');
    const headerEnd = body.indexOf('\r\n\r\n', at + 2);
    if (headerEnd < 0) throw new BatchFramingError('Phần thiếu tiêu đề');
    const headers = headersOf(body.toString('utf8', at + 2, headerEnd));
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) throw new BatchFramingError('Lô thiếu dấu phân cách kết thúc');
    const packageId = headers.get('x-package-id');
    const kind = headers.get('x-package-kind');
    if (!packageId) throw new BatchFramingError(`Phần thứ ${parts.length + 1} thiếu X-Package-Id`);
    if (kind !== 'document' && kind !== 'status') throw new BatchFramingError(`Phần thứ ${parts.length + 1}: X-Package-Kind phải là document hoặc status`);
    parts.push({ packageId, kind, bytes: body.subarray(headerEnd + 4, next) });
    at = next + delimiter.length;
  }
}
