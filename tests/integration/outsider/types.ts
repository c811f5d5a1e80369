import type { InjectOptions } from 'fastify';
import type { TestEnv } from '../harness.ts';

/**
 * How an outsider (a user of another agency) attacks one route. Every route in the route
 * table needs exactly one case; tests/integration/outsider.test.ts fails for a route without.
 */
export type OutsiderCase =
  /** Routes anyone may call: say why they expose no agency's data. */
  | { kind: 'public'; why: string }
  /**
   * Signed-in reads of data that is the same for every agency (the province's directory, the
   * document-type catalogue, the role table). The case checks that an anonymous caller gets 401
   * and that an outsider from Sở Tài chính sees exactly what a Sở Nội vụ user sees.
   */
  | { kind: 'shared'; why: string; prepare(env: TestEnv): Promise<InjectOptions> }
  /** Routes that only ever touch the caller's own data (their session, their password). */
  | { kind: 'self'; why: string }
  /**
   * Routes that act on a resource of one agency. `prepare` runs as the victim agency's side (the
   * demo Sở Nội vụ) and returns the request an outsider from Sở Tài chính then sends, as
   * `outsider` (a demo username of Sở Tài chính with the roles the route needs). The outsider
   * must get 404 and nothing stored may change.
   */
  | { kind: 'tenant'; outsider: string; prepare(env: TestEnv): Promise<InjectOptions> }
  /** Province-wide routes (directory, operator screens) guarded by a permission: a user without it gets 403/404 and nothing changes. */
  | { kind: 'permission'; outsider: string; prepare(env: TestEnv): Promise<InjectOptions> };

export type OutsiderCases = Record<string, OutsiderCase>;
