import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../../app/errors.ts';
import { getActor } from '../../app/auth/get-actor.ts';
import { can, canWrite } from '../../app/policies/permissions.ts';
import type { Actor } from '../../app/actor.ts';
import type { AppDeps } from './deps.ts';
import { ERROR_STATUS } from './error-status.ts';
import { readRawBody } from './raw-body.ts';
import { removeSpooled, spoolDirOf, sweepSpool } from './spool.ts';
import { allRoutes } from './routes/index.ts';
import type { RouteDef } from './route.ts';
import { ErrorBody } from './schemas.ts';
import { serveWebApp } from './web-app.ts';

export { SESSION_COOKIE } from './session-cookie.ts';
import { SESSION_COOKIE } from './session-cookie.ts';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Largest raw body (a 150 MiB EDXML package plus headroom); the hub refuses oversize packages itself. */
const RAW_BODY_LIMIT_BYTES = 151 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    session?: { id: string; csrfToken: string };
  }
}

export interface ServerOptions {
  logger?: boolean;
  routes?: RouteDef[];
  /** Where log lines go instead of stdout (tests read them to prove no secret is logged). */
  logStream?: { write(line: string): void };
}

export async function buildServer(deps: AppDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false || deps.config.logLevel === 'silent' ? false : {
      level: deps.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: trustProxyOption(deps.config.trustProxy),
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Routes declaring rawBody (EDXML packages from peer hubs) receive the exact bytes as a Buffer.
  const rawTypes = [...new Set((options.routes ?? allRoutes).flatMap((r) => r.rawBody?.contentTypes ?? []))];
  if (rawTypes.length > 0) {
    // Large bodies are spooled to a temporary file (spool.ts); whatever the outcome, it goes with the answer.
    const spoolDir = spoolDirOf(deps.config.dataDir);
    await sweepSpool(spoolDir);
    app.addContentTypeParser(rawTypes, { bodyLimit: RAW_BODY_LIMIT_BYTES }, async (_req: FastifyRequest, payload: IncomingMessage) => readRawBody(payload, RAW_BODY_LIMIT_BYTES, spoolDir));
    app.addHook('onResponse', async (req) => removeSpooled(req.body));
  }
  await app.register(swagger, {
    openapi: {
      info: { title: 'lienthong API', version: '0.1.0', description: 'API của hệ thống quản lý văn bản điện tử liên thông' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });

  app.setErrorHandler((error, req, reply) => {
    if (error instanceof AppError) {
      return reply.status(ERROR_STATUS[error.code]).send({ code: error.code, message: error.message, details: error.details, requestId: req.id });
    }
    const e = error as { validation?: unknown; statusCode?: number; message: string; code?: string };
    if (e.validation) {
      return reply.status(400).send({ code: ErrorCode.VALIDATION_FAILED, message: `Dữ liệu không hợp lệ: ${e.message}`, details: e.validation, requestId: req.id });
    }
    if (e.statusCode === 429) {
      return reply.status(429).send({ code: ErrorCode.AUTH_RATE_LIMITED, message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.', requestId: req.id });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(e.statusCode).send({ code: ErrorCode.VALIDATION_FAILED, message: e.message, requestId: req.id });
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: 'Lỗi hệ thống. Mã yêu cầu: ' + req.id, requestId: req.id });
  });

  const routes = options.routes ?? allRoutes;
  for (const route of routes.filter((r) => !r.streamBody)) registerRoute(app, deps, route);
  // Uploads get their own scope: there, every content type reaches the handler as an unread stream.
  const streamed = routes.filter((r) => r.streamBody);
  if (streamed.length > 0) {
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
      for (const route of streamed) registerRoute(scope, deps, route);
    });
  }
  await serveWebApp(app);
  return app;
}

async function authenticate(deps: AppDeps, req: FastifyRequest): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const resolved = await deps.uow.run((tx) => getActor(tx, { clock: deps.clock, sessionTtlMinutes: deps.config.sessionTtlMinutes }, token));
  if (!resolved) return;
  req.actor = resolved.actor;
  req.session = { id: resolved.sessionId, csrfToken: resolved.csrfToken };
}

function registerRoute(app: FastifyInstance, deps: AppDeps, route: RouteDef): void {
  const errorResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 423: ErrorBody, 429: ErrorBody };
  app.route({
    method: route.method,
    url: route.url,
    schema: {
      summary: route.summary,
      tags: route.tags,
      ...(route.schema.body && { body: route.schema.body }),
      ...(route.schema.querystring && { querystring: route.schema.querystring }),
      ...(route.schema.params && { params: route.schema.params }),
      response: { ...errorResponses, ...route.schema.response },
      ...(route.auth.kind !== 'public' && { security: [{ session: [] }] }),
    },
    config: route.rateLimitPerMinute ? { rateLimit: { max: typeof route.rateLimitPerMinute === 'function' ? route.rateLimitPerMinute(deps.config) : route.rateLimitPerMinute, timeWindow: '1 minute' } } : {},
    // Authentication runs before body validation so an anonymous caller learns nothing from schema errors.
    onRequest: async (req) => {
      await authenticate(deps, req);
      if (route.auth.kind === 'public') return;
      if (!req.actor || !req.session) throw new AppError(ErrorCode.AUTH_REQUIRED, 'Bạn cần đăng nhập.');
      if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== req.session.csrfToken) {
        throw new AppError(ErrorCode.AUTH_CSRF_INVALID, 'Phiên làm việc không hợp lệ (CSRF). Hãy tải lại trang.');
      }
      if (route.auth.kind === 'permission') {
        const needsWrite = UNSAFE.has(req.method);
        const roles = [...req.actor.roles, ...Object.values(req.actor.servedRoles).flat()];
        // A read-only grant (scope 'read') opens GET routes only.
        const allowed = needsWrite ? canWrite(roles, route.auth.permission) : can(roles, route.auth.permission);
        if (!allowed) throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền thực hiện thao tác này.');
      }
    },
    handler: async (req, reply) => {
      const result = await route.handler({
        deps,
        req,
        reply,
        body: req.body as never,
        params: req.params as never,
        query: req.query as never,
        actor: req.actor as never,
        session: req.session as never,
      });
      if (reply.sent) return reply;
      return result;
    },
  });
}

/** A hop count trusts that many proxies nearest to us (what proxy-addr does with a number). */
function trustProxyOption(setting: AppDeps['config']['trustProxy']): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}
