/**
 * Status packages about incoming documents (port StatusPackageBuilder): built by the EDXML codec
 * (build-status.ts) and signed with the reporting agency's organisation key through the signing
 * port. The package id is a fresh UUID; the hub keeps the bytes for retries.
 */
import { randomUUID } from 'node:crypto';
import type { DocumentSigning } from '../../app/ports/document-signing.ts';
import type { StatusPackageBuilder, StatusPackageInput } from '../../app/ports/status-package-builder.ts';
import { formatWireTimestamp } from '../../domain/exchange/wire-dates.ts';
import { buildStatusPackage } from './edxml/build-status.ts';

export class EdxmlStatusPackageBuilder implements StatusPackageBuilder {
  constructor(private readonly signing: Pick<DocumentSigning, 'signPackageXml'>) {}

  async build(input: StatusPackageInput): Promise<{ packageId: string; bytes: Buffer }> {
    const unsigned = buildStatusPackage({
      From: { OrganId: input.fromCode, OrganName: input.fromName },
      ResponseFor: {
        OrganId: input.toCode,
        Code: input.code,
        ...(input.promulgationDate ? { PromulgationDate: input.promulgationDate.replaceAll('-', '/') } : {}),
        DocumentId: input.documentId,
      },
      StaffInfo: { ...(input.staff.department ? { Department: input.staff.department } : {}), ...(input.staff.name ? { Staff: input.staff.name } : {}) },
      StatusCode: input.statusCode,
      Description: input.description,
      Timestamp: formatWireTimestamp(input.at),
    });
    const bytes = await this.signing.signPackageXml(unsigned, input.fromCode);
    return { packageId: randomUUID(), bytes };
  }
}
