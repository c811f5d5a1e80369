import { Type } from '@sinclair/typebox';
import { notFound } from '../../../../app/errors.ts';
import { defineRoute } from '../../route.ts';

const PUBLIC = 'a CA certificate and its revocation list are public by design (relying parties fetch them without an account); demo mode only, no agency data';

export const testCaCrlRoute = defineRoute({
  method: 'GET',
  url: '/api/signing/ca/root.crl',
  summary: "The built-in test CA's current CRL (DER), re-issued when a day old; demo mode only",
  tags: ['signing'],
  auth: { kind: 'public', why: PUBLIC },
  schema: { response: { 200: Type.String({ format: 'binary' }) } },
  handler: async ({ deps, reply }) => {
    const crl = await deps.signingVault.testCaFile('root.crl');
    if (!crl) throw notFound('CRL của CA thử nghiệm');
    reply.header('content-type', 'application/pkix-crl').header('cache-control', 'public, max-age=3600');
    return reply.send(Buffer.from(crl));
  },
});

export const testCaRootRoute = defineRoute({
  method: 'GET',
  url: '/api/signing/ca/root.crt',
  summary: "The built-in test CA's root certificate (PEM), to add to a PDF reader's trust list; demo mode only",
  tags: ['signing'],
  auth: { kind: 'public', why: PUBLIC },
  schema: { response: { 200: Type.String() } },
  handler: async ({ deps, reply }) => {
    const pem = await deps.signingVault.testCaFile('root.crt');
    if (!pem) throw notFound('Chứng thư gốc của CA thử nghiệm');
    reply.header('content-type', 'application/x-pem-file').header('content-disposition', 'attachment; filename="lienthong-test-root.crt"');
    return reply.send(Buffer.from(pem));
  },
});
