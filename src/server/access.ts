/**
 * Access control: every route declares `config.access` — 'public', 'authenticated' or
 * { permission } — and a route without a declaration cannot even be registered (deny by
 * default). One hook resolves the session cookie, enforces the declaration, the
 * change-password / TOTP-setup gate and CSRF for state-changing requests, and audits denials.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { can, type Permission } from '../shared/domain/roles.js';
import { writeAudit } from './audit/audit.js';
import type { Db } from './db/database.js';
import { AppError } from './errors.js';
import { resolveSession, SESSION_COOKIE, type SessionUser } from './modules/auth/account.service.js';

export type Access = 'public' | 'authenticated' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Allowed while the password must be changed or TOTP set up (me, password, logout, TOTP). */
    allowPending?: boolean;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes the app registers that are not ours to declare (OpenAPI UI and document). */
const isDocsRoute = (url: string): boolean => url === '/api/docs' || url.startsWith('/api/docs/');

export function describeAccess(a: Access): string {
  return typeof a === 'string' ? a : `permission:${a.permission}`;
}

/** Every registered route with its declared access, for the authorisation-matrix test. */
export type AccessTable = { method: string; url: string; access: Access }[];

export function registerAccessControl(app: FastifyInstance, db: Db, clock: () => Date): AccessTable {
  const table: AccessTable = [];
  app.decorateRequest('user', null);
  app.addHook('onRoute', (route) => {
    route.config ??= {};
    if (!route.config.access) {
      if (isDocsRoute(route.url) || !route.url.startsWith('/api')) route.config.access = 'public';
      else throw new Error(`路由 ${String(route.method)} ${route.url} 没有声明访问规则（config.access）`);
    }
    for (const method of [route.method].flat()) table.push({ method: String(method), url: route.url, access: route.config.access });
  });

  const deny = async (req: FastifyRequest, err: AppError): Promise<never> => {
    await db.kysely.transaction().execute((trx) =>
      writeAudit(trx, {
        at: clock(),
        actor: req.user?.actor ?? null,
        ip: req.ip,
        requestId: req.id,
        action: 'access.denied',
        objectType: 'route',
        objectId: `${req.method} ${req.routeOptions.url ?? req.url}`,
        outcome: 'denied',
        message: err.message,
      }),
    );
    throw err;
  };

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const config = req.routeOptions.config as { access?: Access; allowPending?: boolean } | undefined;
    const access: Access = config?.access ?? 'public';
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(db.kysely, token, clock());
      if (resolved instanceof AppError) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        if (access !== 'public') return deny(req, resolved);
      } else {
        req.user = resolved;
      }
    }
    if (access === 'public') return;
    const user = req.user;
    if (!user) return deny(req, new AppError('UNAUTHENTICATED', '请先登录'));
    if (!config?.allowPending) {
      if (user.mustChangePassword) return deny(req, new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改密码（首次登录、密码被重置或已过期）'));
      if (user.mustSetUpTotp) return deny(req, new AppError('TOTP_SETUP_REQUIRED', '安全策略要求启用动态验证码，请先完成设置'));
    }
    if (typeof access === 'object' && !can(user.actor.roles, access.permission)) {
      return deny(req, new AppError('FORBIDDEN', '您的角色无权进行此操作'));
    }
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== user.csrfToken) {
      return deny(req, new AppError('CSRF_FAILED', '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试'));
    }
  });
  return table;
}
