/** Reading helpers shared by the document and status readers: organ blocks, staff, dates, codes. */
import type { Element } from '@xmldom/xmldom';
import { parseOrganId } from '../../../domain/exchange/organ-id.ts';
import type { OrganBlock, ResponseFor, StaffInfo } from '../../../domain/exchange/package.ts';
import { invalidField } from '../../../domain/exchange/refusal.ts';
import { normalizeWireDate, normalizeWireTimestamp } from '../../../domain/exchange/wire-dates.ts';
import { child, compact, text } from './dom.ts';

export class Warnings {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
}

export function requireOrganId(value: string | undefined, path: string): string {
  if (!value) throw invalidField(path, 'Thiếu mã định danh cơ quan');
  const parsed = parseOrganId(value);
  if (!parsed.ok) throw invalidField(path, parsed.reason);
  return value;
}

export function readOrgan(el: Element, path: string, required: boolean): OrganBlock | undefined {
  const organId = text(el, 'OrganId');
  if (!organId && !required) return undefined;
  return compact<OrganBlock>({
    OrganId: requireOrganId(organId, `${path}/OrganId`),
    OrganizationInCharge: text(el, 'OrganizationInCharge'),
    OrganName: text(el, 'OrganName'),
    OrganAdd: text(el, 'OrganAdd'),
    Email: text(el, 'Email'),
    Telephone: text(el, 'Telephone'),
    Fax: text(el, 'Fax'),
    Website: text(el, 'Website'),
  });
}

export function readStaff(el: Element | undefined): StaffInfo | undefined {
  if (!el) return undefined;
  const s = compact<StaffInfo>({
    Department: text(el, 'Department'),
    Staff: text(el, 'Staff'),
    Mobile: text(el, 'Mobile'),
    Email: text(el, 'Email'),
  });
  return Object.keys(s).length > 0 ? s : undefined;
}

/** `ResponseFor` block; an empty one means none (§2.2 1.12). */
export function readResponseFor(el: Element, path: string, warnings: Warnings): ResponseFor | undefined {
  const organId = text(el, 'OrganId');
  if (organId !== undefined) requireOrganId(organId, `${path}/OrganId`);
  const date = text(el, 'PromulgationDate');
  const r = compact<ResponseFor>({
    OrganId: organId,
    Code: text(el, 'Code'),
    PromulgationDate: date === undefined ? undefined : (normalizeWireDate(date) ?? keepRaw(date, `${path}/PromulgationDate`, warnings)),
    DocumentId: text(el, 'DocumentId'),
  });
  return Object.keys(r).length > 0 ? r : undefined;
}

export function requireDate(el: Element | undefined, name: string, path: string): string {
  const raw = text(el, name);
  if (!raw) throw invalidField(path, 'Thiếu ngày bắt buộc');
  const v = normalizeWireDate(raw);
  if (!v) throw invalidField(path, `Ngày "${raw.slice(0, 40)}" không hợp lệ (định dạng yyyy/MM/dd)`);
  return v;
}

export function requireTimestamp(el: Element | undefined, name: string, path: string): string {
  const raw = text(el, name);
  if (!raw) throw invalidField(path, 'Thiếu thời điểm bắt buộc');
  const v = normalizeWireTimestamp(raw);
  if (!v) throw invalidField(path, `Thời điểm "${raw.slice(0, 40)}" không hợp lệ (định dạng yyyy/MM/dd HH:mm:ss)`);
  return v;
}

export function optionalDate(el: Element | undefined, name: string, path: string, warnings: Warnings): string | undefined {
  const raw = text(el, name);
  if (raw === undefined) return undefined;
  return normalizeWireDate(raw) ?? keepRaw(raw, path, warnings);
}

export function optionalTimestamp(el: Element | undefined, name: string, path: string, warnings: Warnings): string | undefined {
  const raw = text(el, name);
  if (raw === undefined) return undefined;
  return normalizeWireTimestamp(raw) ?? keepRaw(raw, path, warnings);
}

function keepRaw(raw: string, path: string, warnings: Warnings): string {
  warnings.add(`${path}: giá trị "${raw.slice(0, 40)}" không đúng định dạng ngày giờ, được giữ nguyên`);
  return raw;
}

export function requireText(parent: Element | undefined, name: string, path: string): string {
  const v = text(parent, name);
  if (!v) throw invalidField(path, 'Thiếu trường bắt buộc');
  return v;
}

export function requireChild(parent: Element | undefined, name: string, path: string): Element {
  const c = child(parent, name);
  if (!c) throw invalidField(path, 'Thiếu trường bắt buộc');
  return c;
}
