/** Status, cockpit, discipline, 督办单, 领导批示 and the 问题台账. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, planParamsSchema } from '../../../shared/api/plan-api.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { ReportCtx } from '../reports/report.service.js';
import { cockpit } from './cockpit.service.js';
import { computePlanStatus } from './status.service.js';
import * as sup from './supervision.service.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const idParams = z.object({ id: z.coerce.number().int().positive() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const okSchema = z.object({ ok: z.literal(true), id: z.number().int().optional() });

export const supervisionRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const k = db.kysely;
  const ctx = (req: FastifyRequest): ReportCtx => ({ now: clock(), actor: req.user!.actor, unitName: req.user!.account.unitName, ip: req.ip, requestId: req.id });
  const planExists = async (planId: number): Promise<void> => {
    if (!(await k.selectFrom('plan').select('id').where('id', '=', planId).executeTakeFirst())) throw new AppError('NOT_FOUND', `规划（编号 ${planId}）不存在`);
  };
  const read = { access: { permission: 'report:read' as const } };
  /** The plan office and leaders see every unit's 督办单 and problems; a unit's staff their own unit's. */
  const unitScope = (req: FastifyRequest): string | null => {
    const c = ctx(req);
    return c.actor.roles.some((r) => r === 'planOffice' || r === 'leader') ? null : (c.unitName ?? '\u0000');
  };
  const supervise = { access: { permission: 'supervise' as const } };

  app.get('/plans/:planId/status', { config: read, schema: { tags: ['supervision'], summary: '任务、工作计划与量化目标的红黄绿灯（含原因）及分组汇总', params: planParamsSchema, querystring: yearQuery } }, async (req) => {
    await planExists(req.params.planId);
    return computePlanStatus(k, req.params.planId, req.query.year, clock());
  });
  app.get('/plans/:planId/cockpit', { config: read, schema: { tags: ['supervision'], summary: '驾驶舱：指标卡、分组、月度趋势（每个数字附明细）', params: planParamsSchema, querystring: yearQuery } }, async (req) => {
    await planExists(req.params.planId);
    return cockpit(k, req.params.planId, req.query.year, clock(), unitScope(req));
  });

  app.get('/plans/:planId/notices', { config: read, schema: { tags: ['supervision'], summary: '督办单（单位人员只看本单位的）', params: planParamsSchema } }, async (req) => {
    return { items: await sup.listNotices(k, req.params.planId, unitScope(req)) };
  });
  app.post(
    '/plans/:planId/notices',
    { config: supervise, schema: { tags: ['supervision'], summary: '下发督办单（规划办）', params: planParamsSchema, body: z.object({ taskNo: z.number().int().positive(), unit: z.string().min(1).max(50), content: z.string().trim().min(2, '请填写督办事项').max(2000), source: z.enum(['manual', 'light']).optional() }), response: { 200: okSchema, ...errors } } },
    async (req) => {
      await planExists(req.params.planId);
      return { ok: true as const, id: await sup.issueNotice(k, ctx(req), req.params.planId, req.body) };
    },
  );
  const noticeMove = (move: 'receive' | 'answer' | 'close', permission: 'notice:respond' | 'supervise', summary: string) =>
    app.post(
      `/notices/:id/${move}`,
      { config: { access: { permission } }, schema: { tags: ['supervision'], summary, params: idParams, body: z.object({ version: z.number().int().positive(), answer: z.string().max(4000).optional() }), response: { 200: okSchema, ...errors } } },
      async (req) => {
        await sup.moveNotice(k, ctx(req), req.params.id, req.body.version, move, req.body.answer);
        return { ok: true as const };
      },
    );
  noticeMove('receive', 'notice:respond', '签收督办单（被督办单位）');
  noticeMove('answer', 'notice:respond', '反馈督办单（被督办单位）');
  noticeMove('close', 'supervise', '办结督办单（规划办）');

  app.get('/plans/:planId/instructions', { config: read, schema: { tags: ['supervision'], summary: '领导批示', params: planParamsSchema, querystring: z.object({ taskNo: z.coerce.number().int().positive().optional() }) } }, async (req) => ({
    items: await sup.listInstructions(k, req.params.planId, req.query.taskNo),
  }));
  app.post(
    '/plans/:planId/tasks/:no/instructions',
    { config: { access: { permission: 'instruction:write' } }, schema: { tags: ['supervision'], summary: '写领导批示（市领导）', params: planParamsSchema.extend({ no: z.coerce.number().int().positive() }), body: z.object({ text: z.string().trim().min(2, '请填写批示内容').max(2000) }), response: { 200: okSchema, ...errors } } },
    async (req) => {
      await planExists(req.params.planId);
      return { ok: true as const, id: await sup.writeInstruction(k, ctx(req), req.params.planId, req.params.no, req.body.text) };
    },
  );
  app.post(
    '/instructions/:id/respond',
    { config: { access: { permission: 'notice:respond' } }, schema: { tags: ['supervision'], summary: '反馈批示落实情况（牵头单位）', params: idParams, body: z.object({ version: z.number().int().positive(), response: z.string().max(4000) }), response: { 200: okSchema, ...errors } } },
    async (req) => {
      await sup.moveInstruction(k, ctx(req), req.params.id, req.body.version, 'respond', req.body.response);
      return { ok: true as const };
    },
  );
  app.post('/instructions/:id/close', { config: supervise, schema: { tags: ['supervision'], summary: '办结批示（规划办）', params: idParams, body: z.object({ version: z.number().int().positive() }), response: { 200: okSchema, ...errors } } }, async (req) => {
    await sup.moveInstruction(k, ctx(req), req.params.id, req.body.version, 'close');
    return { ok: true as const };
  });

  app.get('/plans/:planId/problems', { config: read, schema: { tags: ['supervision'], summary: '问题台账（单位人员只看本单位的）', params: planParamsSchema, querystring: z.object({ status: z.enum(['pending', 'coordinating', 'resolved']).optional() }) } }, async (req) => ({
    items: await sup.listProblems(k, req.params.planId, req.query.status, unitScope(req)),
  }));
  app.put(
    '/problems/:id',
    { config: supervise, schema: { tags: ['supervision'], summary: '更新问题的协调状态（规划办）', params: idParams, body: z.object({ version: z.number().int().positive(), status: z.enum(['pending', 'coordinating', 'resolved']), owner: z.string().max(100).nullish(), resolution: z.string().max(4000).nullish() }), response: { 200: okSchema, ...errors } } },
    async (req) => {
      await sup.updateProblem(k, ctx(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
};
