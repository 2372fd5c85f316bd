/** /api/v1/admin…: accounts (系统管理员), roles and policy (安全管理员). */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountListSchema,
  accountParamsSchema,
  accountSchema,
  createAccountBodySchema,
  disableBodySchema,
  oneTimePasswordSchema,
  setRolesBodySchema,
} from '../../../shared/api/auth-api.js';
import { errorSchema } from '../../../shared/api/plan-api.js';
import { writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/database.js';
import * as accounts from './account.service.js';
import { clearPolicyCache, loadPolicy, savePolicy, securityPolicySchema } from './security-policy.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export const adminRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const k = db.kysely;
  const ctx = (req: FastifyRequest) => ({ now: clock(), actor: req.user!.actor, ip: req.ip, requestId: req.id });
  const manage = { access: { permission: 'account:manage' as const } };

  app.get('/admin/users', { config: { access: { permission: 'account:read' } }, schema: { tags: ['admin'], summary: '账户列表（电话号码脱敏）', response: { 200: accountListSchema, ...errors } } }, async () => ({
    items: await accounts.listAccounts(k),
  }));

  app.post('/admin/users', { config: manage, schema: { tags: ['admin'], summary: '新建账户（返回一次性密码）', body: createAccountBodySchema, response: { 200: oneTimePasswordSchema, ...errors } } }, async (req) =>
    accounts.createAccount(k, ctx(req), req.body),
  );

  app.post(
    '/admin/users/:id/disable',
    { config: manage, schema: { tags: ['admin'], summary: '停用账户', params: accountParamsSchema, body: disableBodySchema.optional(), response: { 200: accountSchema, ...errors } } },
    async (req) => accounts.disableAccount(k, ctx(req), req.params.id, req.body?.reason),
  );
  app.post('/admin/users/:id/enable', { config: manage, schema: { tags: ['admin'], summary: '启用账户', params: accountParamsSchema, response: { 200: accountSchema, ...errors } } }, async (req) =>
    accounts.enableAccount(k, ctx(req), req.params.id),
  );
  app.post('/admin/users/:id/unlock', { config: manage, schema: { tags: ['admin'], summary: '解锁账户', params: accountParamsSchema, response: { 200: accountSchema, ...errors } } }, async (req) =>
    accounts.unlockAccount(k, ctx(req), req.params.id),
  );
  app.post(
    '/admin/users/:id/reset-password',
    { config: manage, schema: { tags: ['admin'], summary: '重置密码（返回一次性密码）', params: accountParamsSchema, response: { 200: oneTimePasswordSchema, ...errors } } },
    async (req) => accounts.resetPassword(k, ctx(req), req.params.id),
  );

  app.put(
    '/admin/users/:id/roles',
    { config: { access: { permission: 'role:assign' } }, schema: { tags: ['admin'], summary: '分配角色', params: accountParamsSchema, body: setRolesBodySchema, response: { 200: accountSchema, ...errors } } },
    async (req) => accounts.setRoles(k, ctx(req), req.params.id, req.body.roles),
  );

  app.get('/admin/policy', { config: { access: { permission: 'policy:edit' } }, schema: { tags: ['admin'], summary: '安全策略', response: { 200: securityPolicySchema, ...errors } } }, async () =>
    loadPolicy(k),
  );
  app.put(
    '/admin/policy',
    { config: { access: { permission: 'policy:edit' } }, schema: { tags: ['admin'], summary: '修改安全策略', body: securityPolicySchema, response: { 200: securityPolicySchema, ...errors } } },
    async (req) => {
      const before = await loadPolicy(k);
      await k.transaction().execute(async (trx) => {
        await savePolicy(trx, req.body, clock());
        await writeAudit(trx, { ...ctx(req), at: clock(), action: 'policy.update', objectType: 'policy', objectId: 'security_policy', before, after: req.body, outcome: 'success' });
      });
      clearPolicyCache();
      return req.body;
    },
  );
};
