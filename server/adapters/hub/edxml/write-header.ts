/** Writes the organ, staff, MessageHeader and Bussiness blocks in the standard's order (§2.2, §2.3, §2.5). */
import type { Bussiness, MessageHeader, OrganBlock, ResponseFor, StaffInfo } from '../../../domain/exchange/package.ts';
import type { XmlWriter } from './xml-writer.ts';

export function writeOrgan(w: XmlWriter, name: string, o: OrganBlock): void {
  w.open(name)
    .leaf('edXML:OrganId', o.OrganId)
    .leaf('edXML:OrganizationInCharge', o.OrganizationInCharge)
    .leaf('edXML:OrganName', o.OrganName)
    .leaf('edXML:OrganAdd', o.OrganAdd)
    .leaf('edXML:Email', o.Email)
    .leaf('edXML:Telephone', o.Telephone)
    .leaf('edXML:Fax', o.Fax)
    .leaf('edXML:Website', o.Website)
    .close(name);
}

export function writeStaff(w: XmlWriter, s: StaffInfo | undefined): void {
  if (!s) return;
  w.open('edXML:StaffInfo')
    .leaf('edXML:Department', s.Department)
    .leaf('edXML:Staff', s.Staff)
    .leaf('edXML:Mobile', s.Mobile)
    .leaf('edXML:Email', s.Email)
    .close('edXML:StaffInfo');
}

export function writeResponseFor(w: XmlWriter, r: ResponseFor): void {
  w.open('edXML:ResponseFor')
    .leaf('edXML:OrganId', r.OrganId)
    .leaf('edXML:Code', r.Code)
    .leaf('edXML:PromulgationDate', r.PromulgationDate)
    .leaf('edXML:DocumentId', r.DocumentId)
    .close('edXML:ResponseFor');
}

export function writeMessageHeader(w: XmlWriter, h: MessageHeader): void {
  w.open('edXML:MessageHeader');
  writeOrgan(w, 'edXML:From', h.From);
  for (const t of h.To) writeOrgan(w, 'edXML:To', t);
  w.open('edXML:Code').leaf('edXML:CodeNumber', h.Code.CodeNumber).leaf('edXML:CodeNotation', h.Code.CodeNotation).close('edXML:Code');
  w.open('edXML:PromulgationInfo')
    .leaf('edXML:Place', h.PromulgationInfo.Place)
    .leaf('edXML:PromulgationDate', h.PromulgationInfo.PromulgationDate)
    .close('edXML:PromulgationInfo');
  if (h.DocumentType) {
    w.open('edXML:DocumentType')
      .leaf('edXML:Type', h.DocumentType.Type)
      .leaf('edXML:TypeDetail', h.DocumentType.TypeDetail)
      .leaf('edXML:TypeName', h.DocumentType.TypeName)
      .close('edXML:DocumentType');
  }
  w.leaf('edXML:Subject', h.Subject).leaf('edXML:Content', h.Content);
  if (h.SignerInfo) {
    w.open('edXML:SignerInfo')
      .leaf('edXML:Competence', h.SignerInfo.Competence)
      .leaf('edXML:Position', h.SignerInfo.Position)
      .leaf('edXML:FullName', h.SignerInfo.FullName)
      .close('edXML:SignerInfo');
  }
  w.leaf('edXML:DueDate', h.DueDate);
  if (h.ToPlaces && h.ToPlaces.length > 0) {
    w.open('edXML:ToPlaces');
    for (const p of h.ToPlaces) w.leaf('edXML:Place', p);
    w.close('edXML:ToPlaces');
  }
  const o = h.OtherInfo;
  if (o && Object.values(o).some((v) => v !== undefined)) {
    w.open('edXML:OtherInfo')
      .leaf('edXML:Priority', o.Priority)
      .leaf('edXML:SphereOfPromulgation', o.SphereOfPromulgation)
      .leaf('edXML:TyperNotation', o.TyperNotation)
      .leaf('edXML:PromulgationAmount', o.PromulgationAmount)
      .leaf('edXML:PageAmount', o.PageAmount);
    if (o.Appendixes && o.Appendixes.length > 0) {
      w.open('edXML:Appendixes');
      for (const a of o.Appendixes) w.leaf('edXML:Appendix', a);
      w.close('edXML:Appendixes');
    }
    w.close('edXML:OtherInfo');
  }
  for (const r of h.ResponseFor ?? []) writeResponseFor(w, r);
  w.leaf('edXML:SteeringType', h.SteeringType).leaf('edXML:DocumentId', h.DocumentId);
  w.close('edXML:MessageHeader');
}

export function writeBussiness(w: XmlWriter, b: Bussiness): void {
  w.open('edXML:Bussiness').leaf('edXML:BussinessDocType', b.BussinessDocType).leaf('edXML:BussinessDocReason', b.BussinessDocReason);
  const info = b.BussinessDocumentInfo;
  if (info) {
    w.open('edXML:BussinessDocumentInfo').leaf('edXML:DocumentInfo', info.DocumentInfo).leaf('edXML:DocumentReceiver', info.DocumentReceiver);
    if (info.ReceiverList && info.ReceiverList.length > 0) {
      w.open('edXML:ReceiverList');
      for (const r of info.ReceiverList) w.open('edXML:Receiver').leaf('edXML:OrganId', r.OrganId).leaf('edXML:ReceiverType', r.ReceiverType).close('edXML:Receiver');
      w.close('edXML:ReceiverList');
    }
    w.close('edXML:BussinessDocumentInfo');
  }
  w.leaf('edXML:DocumentId', b.DocumentId);
  writeStaff(w, b.StaffInfo);
  w.leaf('edXML:Paper', b.Paper);
  if (b.ReplacementInfoList && b.ReplacementInfoList.length > 0) {
    w.open('edXML:ReplacementInfoList');
    for (const r of b.ReplacementInfoList) {
      w.open('edXML:ReplacementInfo').leaf('edXML:DocumentId', r.DocumentId).open('edXML:OrganIdList');
      for (const id of r.OrganIdList) w.leaf('edXML:OrganId', id);
      w.close('edXML:OrganIdList').close('edXML:ReplacementInfo');
    }
    w.close('edXML:ReplacementInfoList');
  }
  w.close('edXML:Bussiness');
}
