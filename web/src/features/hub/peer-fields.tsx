/** What the peer registration and edit forms share: the choices, field names and the certificate check field. */
import { ApiError, messageOf } from '../../api/errors.ts';

export { CertificateCheckField, type CertificateCheck as CertificateCheckLevel } from './certificate-check-field.tsx';
export type SignaturePolicyChoice = 'required' | 'unsigned-allowed';

export const POLICY_OPTIONS = [
  { value: 'required', label: 'Bắt buộc chữ ký XML hợp lệ' },
  { value: 'unsigned-allowed', label: 'Chấp nhận gói tin không ký (ghi “không ký” vào nhật ký)' },
];

const FIELD_LABEL: Record<string, string> = {
  name: 'Tên trục', codePrefixes: 'Mã phục vụ', endpointUrl: 'Địa chỉ trục', certificatePem: 'Chứng thư số',
  inboundToken: 'Mã xác thực trục dùng khi gọi tới', outboundToken: 'Mã xác thực gửi tới trục', certificateCheck: 'Kiểm tra chứng thư',
  signaturePolicy: 'Chính sách chữ ký',
};

/** Codes and groups typed one per line or separated by commas or spaces. */
export const splitCodes = (text: string): string[] => text.split(/[\s,;]+/).map((c) => c.trim()).filter((c) => c !== '');

/** The server's message, prefixed with the field it names when the message does not say it. */
export function peerErrorText(err: unknown): string {
  const field = err instanceof ApiError && typeof err.details === 'object' && err.details !== null ? (err.details as { field?: unknown }).field : undefined;
  const label = typeof field === 'string' ? FIELD_LABEL[field] : undefined;
  return label && !messageOf(err).includes(label) ? `${label}: ${messageOf(err)}` : messageOf(err);
}
