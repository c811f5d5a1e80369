import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Serves the built React app; any non-API path falls back to index.html for client routing. */
export async function serveWebApp(app: FastifyInstance): Promise<void> {
  const hasBuild = existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasBuild) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && hasBuild) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ này.', requestId: req.id });
  });
}
