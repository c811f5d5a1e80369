import type { Config } from '../../config/env.ts';
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../app/actor.ts';
import type { Permission } from '../../app/policies/permissions.ts';
import type { AppDeps } from './deps.ts';

export type RouteAuth =
  | { kind: 'public'; why: string }
  | { kind: 'session' }
  | { kind: 'permission'; permission: Permission };

export interface RouteSchemas {
  body?: TSchema;
  querystring?: TSchema;
  params?: TSchema;
  response: Record<number, TSchema>;
}

type In<T extends TSchema | undefined> = T extends TSchema ? Static<T> : undefined;

export interface HandlerContext<S extends RouteSchemas, A extends RouteAuth> {
  deps: AppDeps;
  req: FastifyRequest;
  reply: FastifyReply;
  body: In<S['body']>;
  params: In<S['params']>;
  query: In<S['querystring']>;
  actor: A extends { kind: 'public' } ? Actor | undefined : Actor;
  session: A extends { kind: 'public' } ? { id: string; csrfToken: string } | undefined : { id: string; csrfToken: string };
}

/**
 * One HTTP operation: authenticate → validate the schema → authorise coarsely → one use case →
 * present. The file that defines it holds its schemas, which feed the OpenAPI document.
 */
export interface RouteDef<S extends RouteSchemas = RouteSchemas, A extends RouteAuth = RouteAuth> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  auth: A;
  schema: S;
  /** Optional per-route rate limit (requests per minute per client address), fixed or from the configuration. */
  rateLimitPerMinute?: number | ((config: Config) => number);
  /** Raw body routes (file uploads, CSV) set this; the schema then has no body. */
  rawBody?: { contentTypes: string[] };
  /** File uploads: the body arrives unread as a stream (any content type), for the handler to pass to the file store under its own size limit. */
  streamBody?: true;
  handler(ctx: HandlerContext<S, A>): Promise<unknown>;
}

export function defineRoute<S extends RouteSchemas, A extends RouteAuth>(def: RouteDef<S, A>): RouteDef {
  return def as unknown as RouteDef;
}
