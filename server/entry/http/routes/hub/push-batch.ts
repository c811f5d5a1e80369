import type { IncomingMessage } from 'node:http';
import { Type } from '@sinclair/typebox';
import { batchBoundary, BatchFramingError, decodeBatch } from '../../../../adapters/hub/batch-framing.ts';
import { AppError, ErrorCode } from '../../../../app/errors.ts';
import { receiveBatch } from '../../../../app/hub/receive-batch.ts';
import { bearerToken, hubDepsOf } from '../../../hub/hub-deps.ts';
import { readRawBody } from '../../raw-body.ts';
import { defineRoute } from '../../route.ts';
import { AckBody, peerRateLimit } from './schemas.ts';

const BatchBody = Type.Object({ acknowledgements: Type.Array(AckBody) });

/**
 * A peer pushes several packages in one request (multipart/mixed, one part per package). The body is
 * bounded before it is read (Content-Length against HubSettings.batchMaxBytes), the peer is
 * authenticated once, each package is checked as on the one-package endpoints and answered with its
 * own signed acknowledgement (200 with one per part, in order, whatever each result).
 */
export const pushBatch = defineRoute({
  method: 'POST',
  url: '/api/hub/batch',
  summary: 'Peer hub pushes several document and status packages in one request (multipart/mixed; bearer token; one signed acknowledgement per package)',
  tags: ['hub-peer'],
  auth: { kind: 'public', why: 'called by peer hubs, authenticated by their bearer token and each package signature, not by a session' },
  rateLimitPerMinute: peerRateLimit,
  streamBody: true,
  schema: { response: { 200: BatchBody } },
  handler: async ({ deps, req }) => {
    const hub = hubDepsOf(deps);
    const maxBytes = hub.settings.batchMaxBytes;
    const tooLarge = () => new AppError(ErrorCode.EXCHANGE_PACKAGE_TOO_LARGE, `Lô gói tin vượt giới hạn ${maxBytes} byte một yêu cầu; gửi lô nhỏ hơn hoặc từng gói tin`, { details: { maxBytes } });
    // Refuse an announced oversize body before reading a byte of it.
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
    const boundary = batchBoundary(req.headers['content-type']);
    if (!boundary) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Lô gói tin phải là multipart/mixed có boundary.');
    let body: Buffer;
    try {
      // No spool directory: a batch (at most batchMaxBytes) is read into one buffer.
      body = (await readRawBody(req.body as IncomingMessage, maxBytes)) as Buffer;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 413) throw tooLarge();
      throw new AppError(ErrorCode.VALIDATION_FAILED, (e as Error).message);
    }
    let parts;
    try {
      parts = decodeBatch(body, boundary);
    } catch (e) {
      if (e instanceof BatchFramingError) throw new AppError(ErrorCode.VALIDATION_FAILED, `Lô gói tin không đúng dạng: ${e.message}`);
      throw e;
    }
    if (parts.length === 0) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Lô gói tin không có gói tin nào.');
    const acknowledgements = await receiveBatch(hub, {
      token: bearerToken(req.headers.authorization),
      packages: parts.map((p) => ({ bytes: p.bytes, transportId: p.packageId, expectKind: p.kind })),
    });
    return { acknowledgements };
  },
});
