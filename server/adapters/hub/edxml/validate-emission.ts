/**
 * What lienthong refuses to emit (origin `local`): invalid codes, missing required fields, lengths over
 * the Decree 30 limits, priorities outside 0–3, secret-marked documents (exchange.md §2.2, §2.4, §5.3).
 */
import { EMISSION_LENGTH_LIMITS, EMITTED_PRIORITIES, isBussinessDocType, STEERING_TYPES } from '../../../domain/exchange/code-lists.ts';
import { needsAttachment } from '../../../domain/exchange/business-types.ts';
import { parseOrganId } from '../../../domain/exchange/organ-id.ts';
import type { Bussiness, MessageHeader, TraceHeader } from '../../../domain/exchange/package.ts';
import { ExchangeErrorCode as E, ExchangeRefusal, invalidField } from '../../../domain/exchange/refusal.ts';
import { isSecretSphere } from '../../../domain/exchange/secrecy.ts';
import { normalizeWireDate, normalizeWireTimestamp } from '../../../domain/exchange/wire-dates.ts';

const local = (path: string, message: string) => invalidField(path, message, 'local');

export function checkOrganId(code: string | undefined, path: string): void {
  if (!code) throw local(path, 'Thiếu mã định danh cơ quan');
  const parsed = parseOrganId(code);
  if (!parsed.ok) throw local(path, parsed.reason);
}

function checkLength(path: string, value: string | undefined, max: number): void {
  if (value !== undefined && [...value].length > max) throw local(path, `Dài ${[...value].length} ký tự, vượt giới hạn ${max}`);
}

function checkDate(path: string, value: string | undefined, required: boolean): void {
  if (value === undefined) {
    if (required) throw local(path, 'Thiếu ngày bắt buộc');
    return;
  }
  if (normalizeWireDate(value) !== value || value.includes('-')) throw local(path, `Ngày "${value}" phải theo dạng yyyy/MM/dd`);
}

export function checkTimestamp(path: string, value: string | undefined): void {
  if (!value || normalizeWireTimestamp(value) !== value || value.includes('-')) {
    throw local(path, `Thời điểm "${value ?? ''}" phải theo dạng yyyy/MM/dd HH:mm:ss`);
  }
}

export interface EmissionInput {
  readonly MessageHeader: Omit<MessageHeader, 'DocumentId' | 'DocumentType'> & { DocumentType?: { TypeName: string } };
  readonly TraceHeader: readonly TraceHeader[];
  readonly Bussiness: Bussiness;
  readonly attachmentCount: number;
}

export function validateDocumentEmission(input: EmissionInput): void {
  const h = input.MessageHeader;
  const P = 'MessageHeader';
  const L = EMISSION_LENGTH_LIMITS;
  if (isSecretSphere(h.OtherInfo?.SphereOfPromulgation)) {
    throw new ExchangeRefusal(E.EXCHANGE_SECRET_DOCUMENT, 'Văn bản có độ mật không được gửi qua trục liên thông', { origin: 'local' });
  }
  checkOrganId(h.From.OrganId, `${P}/From/OrganId`);
  if (h.To.length === 0) throw local(`${P}/To/OrganId`, 'Thiếu cơ quan nhận');
  h.To.forEach((t, i) => checkOrganId(t.OrganId, `${P}/To[${i + 1}]/OrganId`));
  if (!h.Code.CodeNumber) throw local(`${P}/Code/CodeNumber`, 'Thiếu số văn bản');
  if (!h.Code.CodeNotation) throw local(`${P}/Code/CodeNotation`, 'Thiếu ký hiệu văn bản');
  checkLength(`${P}/Code/CodeNumber`, h.Code.CodeNumber, L.CodeNumber);
  checkLength(`${P}/Code/CodeNotation`, h.Code.CodeNotation, L.CodeNotation);
  checkDate(`${P}/PromulgationInfo/PromulgationDate`, h.PromulgationInfo.PromulgationDate, true);
  checkDate(`${P}/DueDate`, h.DueDate, false);
  if (!h.Subject?.trim()) throw local(`${P}/Subject`, 'Thiếu trích yếu');
  checkLength(`${P}/Subject`, h.Subject, L.Subject);
  if (h.DocumentType && !h.DocumentType.TypeName.trim()) throw local(`${P}/DocumentType/TypeName`, 'Tên loại văn bản không được để trống');
  checkLength(`${P}/DocumentType/TypeName`, h.DocumentType?.TypeName, L.TypeName);
  checkLength(`${P}/From/OrganName`, h.From.OrganName, L.OrganName);
  h.To.forEach((t, i) => checkLength(`${P}/To[${i + 1}]/OrganName`, t.OrganName, L.OrganName));
  checkLength(`${P}/SignerInfo/Position`, h.SignerInfo?.Position, L.Position);
  checkLength(`${P}/SignerInfo/FullName`, h.SignerInfo?.FullName, L.FullName);
  checkLength(`${P}/ToPlaces`, h.ToPlaces?.join('\n'), L.ToPlaces);
  const page = h.OtherInfo?.PageAmount;
  if (page !== undefined && !/^\d{1,3}$/.test(page)) throw local(`${P}/OtherInfo/PageAmount`, 'Số trang phải là số có tối đa 3 chữ số');
  const priority = h.OtherInfo?.Priority;
  if (priority !== undefined && !(EMITTED_PRIORITIES as readonly string[]).includes(priority)) {
    throw local(`${P}/OtherInfo/Priority`, `Độ khẩn "${priority}" không hợp lệ (chỉ 0–3)`);
  }
  if (h.SteeringType !== undefined && !(STEERING_TYPES as readonly string[]).includes(h.SteeringType)) {
    throw local(`${P}/SteeringType`, `Loại chỉ đạo "${h.SteeringType}" không hợp lệ`);
  }
  h.ResponseFor?.forEach((r, i) => r.OrganId !== undefined && checkOrganId(r.OrganId, `${P}/ResponseFor[${i + 1}]/OrganId`));
  if (input.TraceHeader.length === 0) throw local('TraceHeaderList/TraceHeader', 'Thiếu TraceHeader của cơ quan ban hành');
  input.TraceHeader.forEach((t, i) => checkTimestamp(`TraceHeaderList/TraceHeader[${i + 1}]/Timestamp`, t.Timestamp));
  const b = input.Bussiness;
  if (!isBussinessDocType(b.BussinessDocType)) throw local('TraceHeaderList/Bussiness/BussinessDocType', 'Loại nghiệp vụ chỉ 0–3');
  if (needsAttachment(b.BussinessDocType) && input.attachmentCount === 0) {
    throw local('edXMLBody/edXMLManifest/Reference', `Gói tin loại ${b.BussinessDocType} phải có ít nhất một tệp đính kèm`);
  }
}
