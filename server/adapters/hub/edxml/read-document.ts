/** Reads a document package's header, trace, business block and manifest (exchange.md §2, §2.11). */
import type { Element } from '@xmldom/xmldom';
import { EMISSION_LENGTH_LIMITS, isBussinessDocType, readPriority } from '../../../domain/exchange/code-lists.ts';
import { canonicalDocumentId } from '../../../domain/exchange/document-id.ts';
import type {
  AttachmentReference,
  Bussiness,
  DocumentPackage,
  MessageHeader,
  OtherInfo,
  ReplacementInfo,
  ResponseFor,
  TraceHeader,
} from '../../../domain/exchange/package.ts';
import { invalidField } from '../../../domain/exchange/refusal.ts';
import { child, childElements, children, compact, text, textOf } from './dom.ts';
import {
  optionalDate,
  optionalTimestamp,
  readOrgan,
  readResponseFor,
  readStaff,
  requireChild,
  requireDate,
  requireOrganId,
  requireText,
  type Warnings,
} from './read-fields.ts';

const MH = 'MessageHeader';

export function readMessageHeader(mh: Element, warnings: Warnings): MessageHeader {
  const from = readOrgan(requireChild(mh, 'From', `${MH}/From`), `${MH}/From`, true)!;
  const to = children(mh, 'To')
    .map((el, i) => readOrgan(el, `${MH}/To[${i + 1}]`, false))
    .filter((o) => o !== undefined);
  if (to.length === 0) throw invalidField(`${MH}/To/OrganId`, 'Thiếu cơ quan nhận');
  const codeEl = requireChild(mh, 'Code', `${MH}/Code`);
  const code = { CodeNumber: requireText(codeEl, 'CodeNumber', `${MH}/Code/CodeNumber`), CodeNotation: requireText(codeEl, 'CodeNotation', `${MH}/Code/CodeNotation`) };
  const promEl = child(mh, 'PromulgationInfo');
  const promulgationDate = requireDate(promEl, 'PromulgationDate', `${MH}/PromulgationInfo/PromulgationDate`);
  const subject = requireText(mh, 'Subject', `${MH}/Subject`);
  const typeEl = child(mh, 'DocumentType');
  const signerEl = child(mh, 'SignerInfo');
  const toPlacesEl = child(mh, 'ToPlaces');
  const responseFor = children(mh, 'ResponseFor')
    .map((el, i) => readResponseFor(el, `${MH}/ResponseFor[${i + 1}]`, warnings))
    .filter((r): r is ResponseFor => r !== undefined);
  let documentId = text(mh, 'DocumentId');
  if (!documentId) {
    documentId = canonicalDocumentId(from.OrganId, promulgationDate, code.CodeNumber, code.CodeNotation);
    warnings.add(`${MH}/DocumentId vắng mặt, dùng dạng chuẩn ${documentId}`);
  }
  const header = compact<MessageHeader>({
    From: from,
    To: to,
    Code: code,
    PromulgationInfo: compact({ Place: text(promEl, 'Place'), PromulgationDate: promulgationDate }),
    DocumentType: typeEl
      ? compact({ Type: text(typeEl, 'Type') ?? '0', TypeDetail: text(typeEl, 'TypeDetail') ?? '0', TypeName: text(typeEl, 'TypeName') ?? '' })
      : undefined,
    Subject: subject,
    Content: text(mh, 'Content'),
    SignerInfo: signerEl ? compact({ Competence: text(signerEl, 'Competence'), Position: text(signerEl, 'Position'), FullName: text(signerEl, 'FullName') }) : undefined,
    DueDate: optionalDate(mh, 'DueDate', `${MH}/DueDate`, warnings),
    ToPlaces: toPlacesEl ? children(toPlacesEl, 'Place').map(textOf).filter((p): p is string => p !== undefined) : undefined,
    OtherInfo: readOtherInfo(child(mh, 'OtherInfo'), warnings),
    ResponseFor: responseFor.length > 0 ? responseFor : undefined,
    SteeringType: text(mh, 'SteeringType'),
    DocumentId: documentId,
  });
  flagLengths(header, warnings);
  return header;
}

function readOtherInfo(el: Element | undefined, warnings: Warnings): OtherInfo | undefined {
  if (!el) return undefined;
  const appendixes = child(el, 'Appendixes');
  const info = compact<OtherInfo>({
    Priority: text(el, 'Priority'),
    SphereOfPromulgation: text(el, 'SphereOfPromulgation'),
    TyperNotation: text(el, 'TyperNotation'),
    PromulgationAmount: text(el, 'PromulgationAmount'),
    PageAmount: text(el, 'PageAmount'),
    Appendixes: appendixes ? children(appendixes, 'Appendix').map(textOf).filter((a): a is string => a !== undefined) : undefined,
  });
  if (info.Priority !== undefined) {
    const p = readPriority(info.Priority);
    if (p.flagged) warnings.add(`${MH}/OtherInfo/Priority: độ khẩn "${p.raw}" không xác định, được giữ nguyên`);
    if (p.note) warnings.add(`${MH}/OtherInfo/Priority: 4 được hiểu là Hỏa tốc (hẹn giờ)`);
  }
  return Object.keys(info).length > 0 ? info : undefined;
}

function flagLengths(h: MessageHeader, warnings: Warnings): void {
  const L = EMISSION_LENGTH_LIMITS;
  const check = (path: string, v: string | undefined, max: number) => {
    if (v !== undefined && [...v].length > max) warnings.add(`${path} dài ${[...v].length} ký tự, vượt giới hạn ${max}`);
  };
  check(`${MH}/Code/CodeNumber`, h.Code.CodeNumber, L.CodeNumber);
  check(`${MH}/Code/CodeNotation`, h.Code.CodeNotation, L.CodeNotation);
  check(`${MH}/DocumentType/TypeName`, h.DocumentType?.TypeName, L.TypeName);
  check(`${MH}/Subject`, h.Subject, L.Subject);
  check(`${MH}/From/OrganName`, h.From.OrganName, L.OrganName);
  check(`${MH}/SignerInfo/Position`, h.SignerInfo?.Position, L.Position);
  check(`${MH}/SignerInfo/FullName`, h.SignerInfo?.FullName, L.FullName);
  check(`${MH}/OtherInfo/PageAmount`, h.OtherInfo?.PageAmount, L.PageAmount);
  check(`${MH}/ToPlaces`, h.ToPlaces?.join('\n'), L.ToPlaces);
}

export function readTrace(list: Element, warnings: Warnings): DocumentPackage['TraceHeaderList'] {
  const path = 'TraceHeaderList';
  if (childElements(list).some((c) => c.localName === 'Business')) {
    throw invalidField(`${path}/Business`, 'Khối "Business" không thuộc chuẩn (phải là "Bussiness")');
  }
  const traces = children(list, 'TraceHeader').map((el, i) =>
    compact<TraceHeader>({
      OrganId: text(el, 'OrganId'),
      Timestamp: optionalTimestamp(el, 'Timestamp', `${path}/TraceHeader[${i + 1}]/Timestamp`, warnings),
    }),
  );
  const bEls = children(list, 'Bussiness');
  const id = list.getAttribute('id')?.trim();
  return compact({ id: id ? id : undefined, TraceHeader: traces, Bussiness: bEls[0] ? readBussiness(bEls[0]) : undefined });
}

function readBussiness(el: Element): Bussiness {
  const path = 'TraceHeaderList/Bussiness';
  const type = text(el, 'BussinessDocType');
  if (type === undefined || !isBussinessDocType(type)) {
    throw invalidField(`${path}/BussinessDocType`, `Loại nghiệp vụ "${type ?? ''}" không hợp lệ (chỉ 0–3)`);
  }
  const docInfo = child(el, 'BussinessDocumentInfo');
  const receiverList = child(docInfo, 'ReceiverList');
  const replacement = child(el, 'ReplacementInfoList');
  const targetId = text(el, 'DocumentId');
  return compact<Bussiness>({
    BussinessDocType: type,
    BussinessDocReason: text(el, 'BussinessDocReason'),
    BussinessDocumentInfo: docInfo
      ? compact({
          DocumentInfo: text(docInfo, 'DocumentInfo'),
          DocumentReceiver: text(docInfo, 'DocumentReceiver'),
          ReceiverList: receiverList
            ? children(receiverList, 'Receiver').map((r, i) => ({
                OrganId: requireOrganId(text(r, 'OrganId'), `${path}/BussinessDocumentInfo/ReceiverList/Receiver[${i + 1}]/OrganId`),
                ReceiverType: text(r, 'ReceiverType') ?? '',
              }))
            : undefined,
        })
      : undefined,
    DocumentId: targetId,
    StaffInfo: readStaff(child(el, 'StaffInfo')),
    Paper: text(el, 'Paper'),
    ReplacementInfoList: replacement
      ? children(replacement, 'ReplacementInfo').map(
          (r, i): ReplacementInfo => ({
            DocumentId: requireText(r, 'DocumentId', `${path}/ReplacementInfoList/ReplacementInfo[${i + 1}]/DocumentId`),
            OrganIdList: children(child(r, 'OrganIdList') ?? r, 'OrganId')
              .map(textOf)
              .filter((o): o is string => o !== undefined),
          }),
        )
      : undefined,
  });
}

export function readManifest(body: Element | undefined): AttachmentReference[] {
  const manifest = child(body, 'edXMLManifest');
  if (!manifest) return [];
  return children(manifest, 'Reference').map((r, i) => readReference(r, `edXMLBody/edXMLManifest/Reference[${i + 1}]`));
}

export function readReference(r: Element, path: string): AttachmentReference {
  return compact<AttachmentReference>({
    ContentId: requireText(r, 'ContentId', `${path}/ContentId`),
    ContentType: text(r, 'ContentType'),
    AttachmentName: text(r, 'AttachmentName'),
    Description: text(r, 'Description'),
  });
}
