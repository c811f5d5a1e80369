/**
 * The package model: a document package and a status package, with the standard's own field names
 * (exchange.md §2–§3), misspellings included (`Bussiness`, `TyperNotation`, `OrganAdd`). Values are
 * wire strings: dates `yyyy/MM/dd`, timestamps `yyyy/MM/dd HH:mm:ss` (Vietnam time), codes as sent.
 * Optional fields are absent (never empty strings).
 */
import type { BussinessDocType } from './code-lists.ts';
import type { StatusCode } from './status-codes.ts';

/** Organ block (§2.3): only `OrganId` is required on input. */
export interface OrganBlock {
  OrganId: string;
  OrganizationInCharge?: string;
  OrganName?: string;
  OrganAdd?: string;
  Email?: string;
  Telephone?: string;
  Fax?: string;
  Website?: string;
}

export interface StaffInfo {
  Department?: string;
  Staff?: string;
  Mobile?: string;
  Email?: string;
}

export interface DocumentCode {
  CodeNumber: string;
  CodeNotation: string;
}

export interface PromulgationInfo {
  Place?: string;
  PromulgationDate: string;
}

export interface DocumentType {
  Type: string;
  TypeDetail: string;
  TypeName: string;
}

export interface SignerInfo {
  Competence?: string;
  Position?: string;
  FullName?: string;
}

export interface OtherInfo {
  Priority?: string;
  SphereOfPromulgation?: string;
  TyperNotation?: string;
  PromulgationAmount?: string;
  PageAmount?: string;
  Appendixes?: string[];
}

/** The document answered (§2.2 1.12); `Code` is the joined `number/notation`. */
export interface ResponseFor {
  OrganId?: string;
  Code?: string;
  PromulgationDate?: string;
  DocumentId?: string;
}

export interface MessageHeader {
  From: OrganBlock;
  To: OrganBlock[];
  Code: DocumentCode;
  PromulgationInfo: PromulgationInfo;
  DocumentType?: DocumentType;
  Subject: string;
  Content?: string;
  SignerInfo?: SignerInfo;
  DueDate?: string;
  ToPlaces?: string[];
  OtherInfo?: OtherInfo;
  ResponseFor?: ResponseFor[];
  SteeringType?: string;
  DocumentId: string;
}

export interface TraceHeader {
  OrganId?: string;
  Timestamp?: string;
}

export interface Receiver {
  OrganId: string;
  ReceiverType: string;
}

export interface BussinessDocumentInfo {
  DocumentInfo?: string;
  DocumentReceiver?: string;
  ReceiverList?: Receiver[];
}

export interface ReplacementInfo {
  DocumentId: string;
  OrganIdList: string[];
}

export interface Bussiness {
  BussinessDocType: BussinessDocType;
  BussinessDocReason?: string;
  BussinessDocumentInfo?: BussinessDocumentInfo;
  DocumentId?: string;
  StaffInfo?: StaffInfo;
  Paper?: string;
  ReplacementInfoList?: ReplacementInfo[];
}

export interface TraceHeaderList {
  /** The package id [LT]: a lowercase UUID in packages lienthong builds. */
  id?: string;
  TraceHeader: TraceHeader[];
  /** Absent on input means type `0` (§2.8); lienthong always emits it. */
  Bussiness?: Bussiness;
}

/** One `edXML:Reference` of the manifest, or the metadata of one `Attachment`. */
export interface AttachmentReference {
  ContentId: string;
  ContentType?: string;
  AttachmentName?: string;
  Description?: string;
}

export interface DocumentPackage {
  kind: 'document';
  MessageHeader: MessageHeader;
  TraceHeaderList: TraceHeaderList;
  /** The manifest's references, in document order. */
  Manifest: AttachmentReference[];
}

export interface StatusPackage {
  kind: 'status';
  From: OrganBlock;
  ResponseFor: ResponseFor;
  StaffInfo?: StaffInfo;
  StatusCode: StatusCode;
  Description?: string;
  Timestamp: string;
}

export type EdxmlPackage = DocumentPackage | StatusPackage;

/** The business operation of a document package: `Bussiness/BussinessDocType`, `0` when absent. */
export function businessTypeOf(pkg: DocumentPackage): BussinessDocType {
  return pkg.TraceHeaderList.Bussiness?.BussinessDocType ?? '0';
}

/** Target of a revocation or update (§2.8): `Bussiness/DocumentId`, else `MessageHeader/DocumentId`. */
export function changeTargetOf(pkg: DocumentPackage): string {
  return pkg.TraceHeaderList.Bussiness?.DocumentId ?? pkg.MessageHeader.DocumentId;
}

/** The organ a status package is for (§3.1): `ResponseFor/OrganId`. */
export function statusAddressee(pkg: StatusPackage): string | undefined {
  return pkg.ResponseFor.OrganId;
}
