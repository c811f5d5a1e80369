import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const Kind = Type.Union([Type.Literal('outgoing'), Type.Literal('incoming')]);
export const Urgency = Type.Union([Type.Literal('normal'), Type.Literal('urgent'), Type.Literal('very_urgent'), Type.Literal('flash')]);

/** A piece of a subject or snippet; `hit` marks a word that matched (shown highlighted). */
export const Segment = Type.Object({ text: Type.String(), hit: Type.Boolean() });

export const SearchResultBody = Type.Object({
  kind: Kind,
  documentId: Type.String(),
  subject: Type.String(),
  subjectSegments: Type.Array(Segment),
  textSnippet: Type.Union([Type.Array(Segment), Type.Null()]),
  /** pending/working: text not read yet; no_text: a scan without OCR, or nothing readable; failed. */
  textState: Type.Union([Type.Literal('pending'), Type.Literal('working'), Type.Literal('done'), Type.Literal('no_text'), Type.Literal('failed'), Type.Null()]),
  codeNumber: Nullable(Type.String()),
  codeNotation: Nullable(Type.String()),
  typeCode: Nullable(Type.String()),
  typeName: Nullable(Type.String()),
  issuedDate: Nullable(Type.String()),
  arrivalDate: Nullable(Type.String()),
  organName: Nullable(Type.String()),
  registerId: Nullable(Type.String()),
  status: Type.String(),
  signerName: Nullable(Type.String()),
  urgency: Urgency,
});

export const SuggestionBody = Type.Object({
  kind: Kind,
  documentId: Type.String(),
  subject: Type.String(),
  subjectSegments: Type.Array(Segment),
  codeNumber: Nullable(Type.String()),
  codeNotation: Nullable(Type.String()),
  issuedDate: Nullable(Type.String()),
});

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 300 })),
  agencyId: Type.Optional(Type.String({ format: 'uuid', description: 'an agency the caller serves; the home agency by default' })),
  kind: Type.Optional(Kind),
  type: Type.Optional(Type.String({ maxLength: 20, description: "document type code of /api/document-types ('decision', 'plan' …)" })),
  issuedFrom: Type.Optional(Day),
  issuedTo: Type.Optional(Day),
  organ: Type.Optional(Type.String({ maxLength: 200, description: 'issuing agency or sender, accent-insensitive' })),
  register: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(Type.String({ maxLength: 40 })),
  signer: Type.Optional(Type.String({ maxLength: 100, description: "signer's name, accent-insensitive" })),
  urgency: Type.Optional(Urgency),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
}, { additionalProperties: false });
