import { createHash } from 'node:crypto';
import { isLocalDate, localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { readPngInfo } from '../../domain/signature/png-info.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { SigningImageRecord } from '../ports/signing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertAgencySigningAccess } from './signing-access.ts';

export interface UploadSigningImageInput {
  agencyId: string;
  kind: 'seal' | 'signature';
  /** The signer whose handwritten signature this is (kind signature). */
  userId?: string;
  png: Uint8Array;
  /** Seal diameter at real size, millimetres (default 36). */
  diameterMm?: number;
  /** Default: today (Vietnam time). */
  validFrom?: string;
  validTo?: string | null;
}

const MAX_BYTES = 1024 * 1024;
const MAX_SIDE = 4000;

/**
 * The agency's red seal image or a signer's handwritten signature image (Decree 30 App. I: PNG with
 * a transparent background), valid from a date (and to one, when the seal is replaced). Uploaded by
 * the agency administrator; a signer may upload their own signature image.
 */
export async function uploadSigningImage(tx: TxPorts, deps: { clock: Clock }, actor: Actor | null, input: UploadSigningImageInput): Promise<SigningImageRecord> {
  const ownSignature = actor !== null && input.kind === 'signature' && input.userId === actor.userId && input.agencyId === actor.agencyId;
  if (!ownSignature) assertAgencySigningAccess(actor, input.agencyId);
  if (!(await tx.agencies.findById(input.agencyId))) throw notFound('Cơ quan');
  if (input.kind === 'signature') {
    if (!input.userId) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ảnh chữ ký cần chọn người ký (userId).', { field: 'userId' });
    const user = await tx.users.findById(input.userId);
    if (!user || user.agencyId !== input.agencyId) throw notFound('Người ký');
  } else if (input.userId) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ảnh con dấu thuộc cơ quan, không gắn với người dùng (bỏ userId).', { field: 'userId' });
  }
  if (input.png.length > MAX_BYTES) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ảnh tối đa 1 MB.', { field: 'png' });
  const info = readPngInfo(input.png);
  if (!info) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ảnh phải là tệp PNG (nền trong suốt).', { field: 'png' });
  if (info.width > MAX_SIDE || info.height > MAX_SIDE) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ảnh tối đa ${MAX_SIDE}×${MAX_SIDE} điểm ảnh.`, { field: 'png' });
  if (!info.hasTransparency) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ảnh PNG phải có nền trong suốt (kênh alpha) để không che chữ trên văn bản.', { field: 'png' });
  const diameterMm = input.kind === 'seal' ? (input.diameterMm ?? 36) : null;
  if (diameterMm !== null && !(diameterMm >= 10 && diameterMm <= 80)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Đường kính con dấu phải từ 10 đến 80 mm.', { field: 'diameterMm' });
  const validFrom = input.validFrom ?? localDateOf(deps.clock.now());
  const validTo = input.validTo ?? null;
  if (!isLocalDate(validFrom)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày bắt đầu hiệu lực không hợp lệ: "${validFrom}" (YYYY-MM-DD).`, { field: 'validFrom' });
  if (validTo !== null && (!isLocalDate(validTo) || validTo < validFrom)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ngày hết hiệu lực phải là ngày (YYYY-MM-DD) không trước ngày bắt đầu.', { field: 'validTo' });

  const sha256 = createHash('sha256').update(input.png).digest('hex');
  const image = await tx.signing.addImage({
    agencyId: input.agencyId, userId: input.kind === 'signature' ? input.userId! : null, kind: input.kind, sha256, width: info.width, height: info.height,
    diameterMm, validFrom, validTo, png: Buffer.from(input.png).toString('base64'), createdBy: actor?.userId ?? null,
  });
  await tx.audit.record({
    type: 'signing.image_uploaded', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: input.agencyId,
    subjectType: 'signing_image', subjectId: image.id,
    data: { kind: image.kind, userId: image.userId, sha256, width: info.width, height: info.height, diameterMm, validFrom, validTo },
  });
  return image;
}
