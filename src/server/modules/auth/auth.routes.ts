/** /api/v1/auth…: login, logout, who am I, change password, TOTP. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBodySchema, loginBodySchema, meSchema, totpEnableBodySchema, totpSetupSchema } from '../../../shared/api/auth-api.js';
import { errorSchema } from '../../../shared/api/plan-api.js';
import type { Db } from '../../db/database.js';
import * as accounts from './account.service.js';
import { generateTotpSecret, otpauthUri } from './totp.js';

const okSchema = z.object({ ok: z.literal(true) });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 423: errorSchema, 429: errorSchema };

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const k = db.kysely;
  const ctx = (req: FastifyRequest) => ({ now: clock(), actor: req.user!.actor, ip: req.ip, requestId: req.id });
  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string): void => {
    reply.setCookie(accounts.SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
  };

  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录', body: loginBodySchema, response: { 200: meSchema, ...errors } },
    },
    async (req, reply) => {
      const r = await accounts.login(k, { now: clock(), ip: req.ip, requestId: req.id }, { ...req.body, userAgent: req.headers['user-agent'] ?? null });
      setCookie(req, reply, r.token);
      return { account: r.account, csrfToken: r.csrfToken, mustChangePassword: r.account.mustChangePassword || r.passwordExpired, mustSetUpTotp: r.mustSetUpTotp };
    },
  );

  app.get('/auth/me', { config: { access: 'public' }, schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: meSchema } } }, async (req) => {
    const u = req.user;
    return u
      ? { account: u.account, csrfToken: u.csrfToken, mustChangePassword: u.mustChangePassword, mustSetUpTotp: u.mustSetUpTotp }
      : { account: null, csrfToken: null, mustChangePassword: false, mustSetUpTotp: false };
  });

  app.post(
    '/auth/logout',
    { config: { access: 'authenticated', allowPending: true }, schema: { tags: ['auth'], summary: '退出登录（服务器端结束会话）', response: { 200: okSchema, ...errors } } },
    async (req, reply) => {
      await accounts.logout(k, ctx(req), req.user!.sessionId);
      reply.clearCookie(accounts.SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    { config: { access: 'authenticated', allowPending: true }, schema: { tags: ['auth'], summary: '修改密码', body: changePasswordBodySchema, response: { 200: okSchema, ...errors } } },
    async (req) => {
      await accounts.changePassword(k, ctx(req), req.user!.actor.id!, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/totp/setup',
    { config: { access: 'authenticated', allowPending: true }, schema: { tags: ['auth'], summary: '生成动态验证码密钥', response: { 200: totpSetupSchema, ...errors } } },
    async (req) => {
      const secret = generateTotpSecret();
      return { secret, otpauthUri: otpauthUri(secret, req.user!.account.login) };
    },
  );

  app.post(
    '/auth/totp/enable',
    { config: { access: 'authenticated', allowPending: true }, schema: { tags: ['auth'], summary: '启用动态验证码', body: totpEnableBodySchema, response: { 200: okSchema, ...errors } } },
    async (req) => {
      await accounts.enableTotp(k, ctx(req), req.user!.actor.id!, req.body.secret, req.body.code);
      return { ok: true as const };
    },
  );
};
