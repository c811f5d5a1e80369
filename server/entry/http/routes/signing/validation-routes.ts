import { Type } from '@sinclair/typebox';
import { AppError, ErrorCode } from '../../../../app/errors.ts';
import { validateIncomingFile, validateStoredFile, validateUploadedPdf } from '../../../../app/signing/validate-signatures.ts';
import { REASON_LABELS, STATUS_LABELS, type DocumentValidation } from '../../../../domain/signature/validation-result.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';

const Reason = Type.Object({ code: Type.String(), label: Type.String() });

export const ValidationBody = Type.Object({
  status: Type.Union([Type.Literal('VALID'), Type.Literal('INVALID'), Type.Literal('INDETERMINATE')]),
  statusLabel: Type.String(),
  reasons: Type.Array(Reason),
  signatures: Type.Array(Type.Object({
    index: Type.Integer(),
    fieldName: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('VALID'), Type.Literal('INVALID'), Type.Literal('INDETERMINATE')]),
    statusLabel: Type.String(),
    reasons: Type.Array(Reason),
    signer: Type.Union([Type.Object({ commonName: Type.String(), organisation: Type.Union([Type.String(), Type.Null()]), serialNumber: Type.String(), issuer: Type.String(), subject: Type.String() }), Type.Null()]),
    signingTime: Type.Union([Type.String(), Type.Null()]),
    coversWholeDocument: Type.Boolean(),
  })),
});

/** The validator's result with Vietnamese labels for each status and reason. */
export function presentValidation(v: DocumentValidation) {
  const reasons = (codes: readonly (keyof typeof REASON_LABELS)[]) => codes.map((code) => ({ code, label: REASON_LABELS[code] }));
  return {
    status: v.status,
    statusLabel: STATUS_LABELS[v.status],
    reasons: reasons(v.reasons),
    signatures: v.signatures.map((s) => ({
      index: s.index,
      fieldName: s.fieldName ?? null,
      status: s.status,
      statusLabel: STATUS_LABELS[s.status],
      reasons: reasons(s.reasons),
      signer: s.signer ? { ...s.signer, organisation: s.signer.organisation ?? null } : null,
      signingTime: s.signingTime ?? null,
      coversWholeDocument: s.coversWholeDocument,
    })),
  };
}

export const validateUploadedPdfRoute = defineRoute({
  method: 'POST',
  url: '/api/signing/validate',
  summary: 'Check every digital signature of a PDF sent as the request body (application/pdf); nothing is stored',
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'signature.validate' },
  rawBody: { contentTypes: ['application/pdf'] },
  schema: { response: { 200: ValidationBody } },
  handler: async ({ deps, actor, req }) => {
    const body = req.body;
    if (!Buffer.isBuffer(body)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Gửi tệp PDF làm nội dung yêu cầu (Content-Type: application/pdf).', { field: 'body' });
    if (body.length > deps.config.fileStore.maxUploadBytes) throw new AppError(ErrorCode.FILE_TOO_LARGE, `Tệp vượt quá dung lượng cho phép (${Math.floor(deps.config.fileStore.maxUploadBytes / 1048576)} MB).`);
    return presentValidation(await validateUploadedPdf({ signing: deps.signing }, actor, new Uint8Array(body)));
  },
});

export const validateStoredFileRoute = defineRoute({
  method: 'GET',
  url: '/api/files/:id/signatures',
  summary: 'Check every digital signature of a stored PDF of the own agency (another agency’s file: 404)',
  tags: ['signing', 'files'],
  auth: { kind: 'permission', permission: 'signature.validate' },
  schema: { params: IdParams, response: { 200: ValidationBody } },
  handler: async ({ deps, actor, params }) => presentValidation(await validateStoredFile({ uow: deps.uow, files: deps.files, signing: deps.signing }, actor, params.id)),
});

export const validateIncomingFileRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming/:id/files/:fileId/signatures',
  summary: 'Check every digital signature of a PDF file of an incoming document the caller may see (otherwise 404); nothing is recorded',
  tags: ['signing', 'incoming'],
  auth: { kind: 'permission', permission: 'signature.validate' },
  schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }), response: { 200: ValidationBody } },
  handler: async ({ deps, actor, params }) =>
    presentValidation(await validateIncomingFile({ uow: deps.uow, files: deps.files, signing: deps.signing }, actor, params.id, params.fileId)),
});
