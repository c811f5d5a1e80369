import { Type } from '@sinclair/typebox';
import { createSession } from '../../../../app/auth/create-session.ts';
import { getActor } from '../../../../app/auth/get-actor.ts';
import { AppError, ErrorCode } from '../../../../app/errors.ts';
import { defineRoute } from '../../route.ts';
import { SESSION_COOKIE } from '../../session-cookie.ts';
import { MeBody, presentMe } from './present-me.ts';

export const login = defineRoute({
  method: 'POST',
  url: '/api/auth/login',
  summary: 'Log in with username and password; sets the session cookie',
  tags: ['auth'],
  auth: { kind: 'public', why: 'this is how a session starts' },
  rateLimitPerMinute: (config) => config.loginRatePerMinute,
  schema: {
    body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
    response: { 200: MeBody },
  },
  handler: async ({ deps, req, reply, body }) => {
    const { config, clock, hasher } = deps;
    const policy = { maxFailures: config.loginMaxFailures, lockoutMinutes: config.loginLockoutMinutes, sessionTtlMinutes: config.sessionTtlMinutes };
    const result = await deps.uow.run((tx) =>
      createSession(tx, { hasher, clock, policy }, { username: body.username, password: body.password, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
    );
    if (!result.ok && result.reason === 'locked') {
      const minutes = Math.max(1, Math.ceil((result.until.getTime() - clock.now().getTime()) / 60_000));
      throw new AppError(ErrorCode.AUTH_ACCOUNT_LOCKED, `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${minutes} phút.`, { until: result.until.toISOString() });
    }
    if (!result.ok) throw new AppError(ErrorCode.AUTH_INVALID_CREDENTIALS, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.nodeEnv === 'production',
      path: '/',
      maxAge: config.sessionTtlMinutes * 60,
    });
    const resolved = await deps.uow.run((tx) => getActor(tx, { clock, sessionTtlMinutes: config.sessionTtlMinutes }, result.token));
    if (!resolved) throw new Error('new session not found');
    return presentMe(deps, resolved.actor, result.csrfToken);
  },
});
