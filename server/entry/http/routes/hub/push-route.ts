import { AppError, ErrorCode } from '../../../../app/errors.ts';
import { receivePackage } from '../../../../app/hub/receive-package.ts';
import { bearerToken, hubDepsOf } from '../../../hub/hub-deps.ts';
import { defineRoute } from '../../route.ts';
import { isSpooled, removeSpooled } from '../../spool.ts';
import { sendAck } from './peer-response.ts';
import { ackResponses, PEER_CONTENT_TYPES, peerRateLimit } from './schemas.ts';

/** A peer pushes EDXML bytes of one kind; both push operations share this pipeline. */
export function definePushRoute(kind: 'document' | 'status', url: string, summary: string) {
  return defineRoute({
    method: 'POST',
    url,
    summary,
    tags: ['hub-peer'],
    auth: { kind: 'public', why: 'called by peer hubs, authenticated by their bearer token and the package signature, not by a session' },
    rateLimitPerMinute: peerRateLimit,
    rawBody: { contentTypes: PEER_CONTENT_TYPES },
    schema: { response: ackResponses },
    handler: async ({ deps, req, reply }) => {
      const bytes = req.body;
      if (!Buffer.isBuffer(bytes) && !isSpooled(bytes)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Thân yêu cầu phải là gói tin EDXML (application/xml).');
      const transportId = typeof req.headers['x-package-id'] === 'string' ? req.headers['x-package-id'] : undefined;
      let ack;
      try {
        ack = await receivePackage(hubDepsOf(deps), { token: bearerToken(req.headers.authorization), bytes, expectKind: kind, ...(transportId ? { transportId } : {}) });
      } finally {
        // Stored by then when accepted; the spooled copy is removed before the answer goes out.
        await removeSpooled(bytes);
      }
      return sendAck(reply, ack);
    },
  });
}
