/**
 * The incoming-document module's reader (port IncomingPackageParser): the package the hub already
 * checked is parsed again from the stored bytes; every attachment is paired with the manifest at
 * once and decoded as a stream when its consumer opens it (exchange.md §2.9), so a large file goes
 * from the package to the file store in chunks. A large stored package is first copied to a local
 * temporary file (`parseStored`) and read from there in windows: no package-sized buffer.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readAll } from '../../app/files/read-all.ts';
import type { IncomingPackageParser, ParsedArrival } from '../../app/ports/incoming-package-parser.ts';
import { businessTypeOf, changeTargetOf } from '../../domain/exchange/package.ts';
import { normalizeWireDate, wireTimestampToDate } from '../../domain/exchange/wire-dates.ts';
import { displayNameOf, matchAttachments, type MatchedAttachment } from './edxml/attachments.ts';
import { streamAttachment } from './edxml/attachment-stream.ts';
import { DEFAULT_LIMITS, type EdxmlLimits } from './edxml/constants.ts';
import { fileBytes, type PackageBytes } from './edxml/package-bytes.ts';
import { parsePackage, type ParsedDocumentPackage } from './edxml/parse-package.ts';

/** Stored packages up to this size are read into memory (small ones are the common case). */
const SPOOL_OVER_BYTES = 1024 * 1024;

function localDate(raw: string | undefined): string | null {
  const d = raw ? normalizeWireDate(raw) : null;
  return d ? d.replaceAll('/', '-') : null;
}

export class EdxmlIncomingPackageParser implements IncomingPackageParser {
  /** `spoolDir`: where large stored packages are copied to be read in windows (without it, into memory). */
  constructor(
    private readonly limits: EdxmlLimits = DEFAULT_LIMITS,
    private readonly spoolDir?: string,
  ) {}

  async parseStored(open: () => Promise<Readable>, size: number | undefined): Promise<ParsedArrival & { release(): Promise<void> }> {
    if (!this.spoolDir || (size !== undefined && size <= SPOOL_OVER_BYTES)) return { ...this.parse(await readAll(await open(), size)), release: async () => undefined };
    await mkdir(this.spoolDir, { recursive: true, mode: 0o700 });
    // Named like the HTTP spool's files (pid first), so the same start-up sweep removes a crashed one.
    const file = path.join(this.spoolDir, `${process.pid}-${randomUUID()}`);
    try {
      await pipeline(await open(), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      const parsed = this.parse(fileBytes(file, (await stat(file)).size));
      return { ...parsed, release: () => rm(file, { force: true }) };
    } catch (e) {
      await rm(file, { force: true });
      throw e;
    }
  }

  parse(bytes: Buffer | PackageBytes): ParsedArrival {
    const parsed = parsePackage(bytes, this.limits);
    if (parsed.kind !== 'document') throw new Error('không phải gói tin văn bản');
    const h = parsed.package.MessageHeader;
    const attachments = matchAttachments(parsed, this.limits.maxAttachments).map((m) => {
      const name = m.reference.AttachmentName ?? m.attachment.AttachmentName;
      return {
        name: displayNameOf(name), contentType: m.reference.ContentType ?? m.attachment.ContentType, description: m.reference.Description ?? m.attachment.Description,
        open: () => attachmentStream(parsed, m, this.limits.maxAttachmentBytes),
      };
    });
    const businessType = businessTypeOf(parsed.package);
    const b = parsed.package.TraceHeaderList.Bussiness;
    const first = parsed.package.TraceHeaderList.TraceHeader[0];
    return {
      senderCode: h.From.OrganId,
      senderName: h.From.OrganName ?? h.From.OrganId,
      codeNumber: h.Code.CodeNumber,
      codeNotation: h.Code.CodeNotation,
      promulgationDate: localDate(h.PromulgationInfo.PromulgationDate),
      typeName: h.DocumentType?.TypeName ?? '',
      subject: h.Subject,
      signerName: h.SignerInfo?.FullName ?? null,
      dueDate: localDate(h.DueDate),
      priority: h.OtherInfo?.Priority,
      documentId: h.DocumentId,
      businessType,
      firstTraceAt: first?.Timestamp ? (wireTimestampToDate(first.Timestamp)?.toISOString() ?? null) : null,
      changeTarget: businessType === '1' || businessType === '2' ? changeTargetOf(parsed.package) : null,
      changeReason: b?.BussinessDocReason ?? null,
      changeReceivers: (b?.BussinessDocumentInfo?.ReceiverList ?? []).map((r) => ({ organId: r.OrganId, receiverType: r.ReceiverType })),
      replaces: (b?.ReplacementInfoList ?? []).map((r) => ({ documentId: r.DocumentId, organIds: [...r.OrganIdList] })),
      attachments,
      warnings: [...parsed.warnings],
    };
  }
}

/** The decoder writes into a pipe and waits when the reader is behind (back-pressure). */
function attachmentStream(parsed: ParsedDocumentPackage, matched: MatchedAttachment, maxBytes: number): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  streamAttachment(parsed, matched, async (chunk) => {
    if (!out.write(chunk)) await once(out, 'drain');
  }, maxBytes).then(() => out.end(), (e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
