import type { DocumentSigning } from '../../app/ports/document-signing.ts';
import type { BuiltDocumentPackage, DocumentPackageBuilder, DocumentPackageInput } from '../../app/ports/document-package-builder.ts';
import type { StatusPackageReader } from '../../app/ports/status-package-reader.ts';
import type { StatusPackage } from '../../domain/exchange/package.ts';
import { buildDocumentPackage } from './edxml/build-document.ts';
import { parsePackage } from './edxml/parse-package.ts';

/** EDXML document packages for issued outgoing documents, signed with the agency's organisation key. */
export class EdxmlDocumentPackageBuilder implements DocumentPackageBuilder {
  constructor(private readonly signing: Pick<DocumentSigning, 'signPackageXml'>) {}

  async build(input: DocumentPackageInput): Promise<BuiltDocumentPackage> {
    const built = buildDocumentPackage({
      packageId: input.packageId,
      MessageHeader: input.MessageHeader,
      TraceHeader: input.TraceHeader,
      Bussiness: input.Bussiness,
      attachments: input.attachments.map((a) => ({ AttachmentName: a.name, ContentType: a.contentType, Description: a.description, bytes: a.bytes })),
    });
    const bytes = await this.signing.signPackageXml(built.bytes, input.agencyCode);
    return { bytes, documentId: built.documentId };
  }
}

export class EdxmlStatusPackageReader implements StatusPackageReader {
  readStatus(bytes: Buffer): StatusPackage {
    const parsed = parsePackage(bytes);
    if (parsed.kind !== 'status') throw new Error('not a status package');
    return parsed.package;
  }
}
