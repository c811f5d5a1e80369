/**
 * A man in the middle between two hubs, for the exchange tests: forwards every push to `target`
 * after changing one character of `Subject`, so the issuer's signature no longer matches.
 */
import { createServer, type Server } from 'node:http';

export async function startTamperProxy(port: number, target: string): Promise<{ tampered: number; close(): Promise<void> }> {
  const state = { tampered: 0 };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      let body = Buffer.concat(chunks).toString('utf8');
      const at = body.indexOf('<edXML:Subject>');
      if (at >= 0) {
        const i = at + '<edXML:Subject>'.length;
        body = body.slice(0, i) + (body[i] === 'X' ? 'Y' : 'X') + body.slice(i + 1);
        state.tampered++;
      }
      const headers: Record<string, string> = {};
      for (const h of ['authorization', 'content-type', 'x-package-id']) if (typeof req.headers[h] === 'string') headers[h] = req.headers[h];
      try {
        const answer = await fetch(new URL(req.url ?? '/', target), { method: 'POST', headers, body });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
      } catch {
        res.writeHead(502).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    get tampered() {
      return state.tampered;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
