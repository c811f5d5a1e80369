/**
 * Attachment checks and decoding on receipt (exchange.md §2.9): manifest ↔ attachment matching,
 * strict Base64, single-entry ZIP unpacked once, size capped, names reduced to display names.
 *
 * Memory: the encoded text is never copied into a string; it is decoded from the received buffer
 * into one output buffer of the exact size. A ZIP is then inflated (capped) into a second buffer
 * and the archive dropped, so at most archive + file are alive at once, per attachment.
 */
import { createHash } from 'node:crypto';
import type { AttachmentReference } from '../../../domain/exchange/package.ts';
import { attachmentInvalid, decodeBase64Range, decodeBase64Text } from './base64.ts';
import type { ParsedDocumentPackage, ReceivedAttachment } from './parse-package.ts';
import { looksLikeZip, readZipEntries, unpackEntry } from './zip-read.ts';

export interface DecodedAttachment {
  readonly ContentId: string;
  readonly ContentType?: string;
  readonly Description?: string;
  /** `AttachmentName` as sent (the manifest's when both differ). */
  readonly AttachmentName?: string;
  /** Safe display name: no path parts or control characters. Never a storage path. */
  readonly displayName: string;
  readonly bytes: Buffer;
  readonly size: number;
  readonly sha256: string;
  /** Whether the bytes were unpacked from a single-entry ZIP, and that entry's name. */
  readonly unpackedFrom?: string;
  /** Flags for the clerk, e.g. names that differ between manifest and attachment. */
  readonly warnings: readonly string[];
}

export interface MatchedAttachment {
  readonly reference: AttachmentReference;
  readonly attachment: ReceivedAttachment;
  readonly warnings: readonly string[];
}

const DEFAULT_NAME = 'tep-dinh-kem';

/** Strips path parts and control characters (C28): `../../evil.pdf` → `evil.pdf`. */
export function displayNameOf(name: string | undefined): string {
  if (!name) return DEFAULT_NAME;
  const last = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().replace(/^\.+$/, '');
  return clean === '' ? DEFAULT_NAME : clean;
}

/** Pairs every manifest reference with its attachment and vice versa (C27). */
export function matchAttachments(parsed: ParsedDocumentPackage, maxAttachments: number): MatchedAttachment[] {
  const refs = parsed.package.Manifest;
  if (refs.length > maxAttachments || parsed.attachments.length > maxAttachments) {
    throw attachmentInvalid(`Gói tin có quá ${maxAttachments} tệp đính kèm`);
  }
  const byId = new Map<string, ReceivedAttachment>();
  for (const a of parsed.attachments) {
    if (byId.has(a.ContentId)) throw attachmentInvalid(`Tệp đính kèm ${a.ContentId} xuất hiện hai lần`);
    byId.set(a.ContentId, a);
  }
  const seen = new Set<string>();
  const out: MatchedAttachment[] = [];
  for (const ref of refs) {
    if (seen.has(ref.ContentId)) throw attachmentInvalid(`Danh mục tham chiếu ${ref.ContentId} hai lần`);
    seen.add(ref.ContentId);
    const attachment = byId.get(ref.ContentId);
    if (!attachment) throw attachmentInvalid(`Danh mục (edXMLManifest) tham chiếu ${ref.ContentId} nhưng không có tệp đính kèm tương ứng`);
    const warnings: string[] = [];
    if (attachment.AttachmentName && ref.AttachmentName && attachment.AttachmentName !== ref.AttachmentName) {
      warnings.push(`Tên tệp ${ref.ContentId} khác nhau giữa danh mục ("${ref.AttachmentName}") và tệp đính kèm ("${attachment.AttachmentName}"); dùng tên trong danh mục`);
    }
    out.push({ reference: ref, attachment, warnings });
  }
  for (const a of parsed.attachments) {
    if (!seen.has(a.ContentId)) throw attachmentInvalid(`Tệp đính kèm ${a.ContentId} không có trong danh mục (edXMLManifest)`);
  }
  return out;
}

/** Decodes one attachment: Base64, then unpack a single-entry ZIP once (§2.9 rule). */
export function decodeAttachment(parsed: ParsedDocumentPackage, matched: MatchedAttachment, maxBytes: number): DecodedAttachment {
  const { reference: ref, attachment } = matched;
  const src = attachment.source;
  let bytes: Buffer;
  if ('missing' in src) {
    throw attachmentInvalid(`Tệp đính kèm ${ref.ContentId} thiếu nội dung (ContentTransferEncoded)`);
  } else if ('range' in src) {
    const range = parsed.xml.ranges[src.range]!;
    // The ZIP itself is bounded by the package size; the file inside by maxBytes.
    bytes = decodeBase64Range(parsed.xml.source, range.start, range.end, Math.max(maxBytes, parsed.xml.limits.maxPackageBytes));
  } else {
    bytes = decodeBase64Text(src.inline, Math.max(maxBytes, parsed.xml.limits.maxPackageBytes));
  }
  const name = ref.AttachmentName ?? attachment.AttachmentName;
  let unpackedFrom: string | undefined;
  if (looksLikeZip(bytes)) {
    const entries = readZipEntries(bytes);
    const only = entries?.length === 1 ? entries[0]! : undefined;
    if (only && (!(name ?? '').toLowerCase().endsWith('.zip') || only.name.toLowerCase().endsWith('.zip'))) {
      bytes = unpackEntry(bytes, only, maxBytes);
      unpackedFrom = only.name;
    }
  }
  if (bytes.length > maxBytes) throw attachmentInvalid(`Tệp đính kèm vượt quá ${maxBytes} byte`);
  return {
    ContentId: ref.ContentId,
    ...(ref.ContentType ?? attachment.ContentType ? { ContentType: ref.ContentType ?? attachment.ContentType } : {}),
    ...(ref.Description ?? attachment.Description ? { Description: ref.Description ?? attachment.Description } : {}),
    ...(name ? { AttachmentName: name } : {}),
    displayName: displayNameOf(name),
    bytes,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(unpackedFrom ? { unpackedFrom } : {}),
    warnings: matched.warnings,
  };
}

/** Matches and decodes every attachment, refusing on the first problem. */
export function decodeAttachments(parsed: ParsedDocumentPackage, maxBytes = parsed.xml.limits.maxAttachmentBytes): DecodedAttachment[] {
  return matchAttachments(parsed, parsed.xml.limits.maxAttachments).map((m) => decodeAttachment(parsed, m, maxBytes));
}
