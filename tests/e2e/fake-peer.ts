import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** A peer hub on loopback that refuses every package for good until told to accept. */
export function fakePeer(port: number): Promise<{ accept: boolean; close(): Promise<void> }> {
  const state = { accept: false };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const packageId = String(req.headers['x-package-id'] ?? '');
      if (!state.accept) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ packageId, result: 'refused', code: 'EXCHANGE_INVALID_FIELD', origin: 'hub', temporary: false, message: 'Thiếu trường Subject' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ packageId, result: 'accepted', receivedAt: new Date().toISOString(), sha256: createHash('sha256').update(body).digest('hex') }));
    });
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve(Object.assign(state, { close: () => new Promise<void>((r) => server.close(() => r())) })),
    ),
  );
}
