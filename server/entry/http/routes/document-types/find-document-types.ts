import { Type } from '@sinclair/typebox';
import { COPY_KINDS, DOCUMENT_TYPES } from '../../../../domain/document/document-types.ts';
import { SECRECY_LABELS, SECRECY_LEVELS } from '../../../../domain/document/secrecy.ts';
import { priorityOf, URGENCIES, URGENCY_LABELS } from '../../../../domain/document/urgency.ts';
import { defineRoute } from '../../route.ts';

const Labelled = Type.Object({ code: Type.String(), name: Type.String() });

export const findDocumentTypesRoute = defineRoute({
  method: 'GET',
  url: '/api/document-types',
  summary: 'The catalogue: the 29 administrative document types of Decree 30 with abbreviations, copy kinds, urgency and secrecy levels',
  tags: ['documents'],
  auth: { kind: 'session' },
  schema: {
    response: {
      200: Type.Object({
        types: Type.Array(Type.Object({ number: Type.Integer(), code: Type.String(), name: Type.String(), abbreviation: Type.Union([Type.String(), Type.Null()]) })),
        copyKinds: Type.Array(Labelled),
        urgencies: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), priority: Type.String() })),
        // Listed so the web app can explain the refusal; no level can be chosen.
        secrecyLevels: Type.Array(Labelled),
      }),
    },
  },
  handler: async () => ({
    types: DOCUMENT_TYPES.map((t) => ({ ...t })),
    copyKinds: COPY_KINDS.map((k) => ({ ...k })),
    urgencies: URGENCIES.map((code) => ({ code, name: URGENCY_LABELS[code], priority: priorityOf(code) })),
    secrecyLevels: SECRECY_LEVELS.map((code) => ({ code, name: SECRECY_LABELS[code] })),
  }),
});
