import type { FastifyReply } from 'fastify';
import type { Acknowledgement } from '../../../../app/ports/hub-wire.ts';
import { ERROR_STATUS } from '../../error-status.ts';

/** Accepted and duplicate are 200; a refusal carries its code's status and the acknowledgement as body. */
export function sendAck(reply: FastifyReply, ack: Acknowledgement): FastifyReply {
  const status = ack.result === 'refused' && ack.code ? ERROR_STATUS[ack.code] : 200;
  return reply.status(status).send(ack);
}
