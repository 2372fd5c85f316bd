/** 我的待办, inbox, county work plans and coverage, period exceptions, calendar overrides. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, planParamsSchema } from '../../../shared/api/plan-api.js';
import {
  calendarOverrideListSchema,
  calendarOverrideSchema,
  coverageSchema,
  inboxSchema,
  markReadBodySchema,
  periodExceptionBodySchema,
  returnBodySchema,
  saveWorkPlanBodySchema,
  todoListSchema,
  transitionBodySchema,
  workPlanSchema,
} from '../../../shared/api/report-api.js';
import { OFFICIAL_YEARS } from '../../../shared/domain/calendar.js';
import { writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { listInbox, markRead } from '../inbox/inbox.service.js';
import { clearReportingConfigCache, resolvePeriod, type ReportCtx } from './report.service.js';
import { computeTodo } from './todo.service.js';
import { buildReportTemplate, importReportTemplate, TEMPLATE_MAX_BYTES } from './report-template.js';
import { coverage, getWorkPlan, moveWorkPlan, openWorkPlan, saveWorkPlan } from './workplan.service.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const idParams = z.object({ id: z.coerce.number().int().positive() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const okSchema = z.object({ ok: z.literal(true) });

export const reportingExtraRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const k = db.kysely;
  const ctx = (req: FastifyRequest): ReportCtx => ({ now: clock(), actor: req.user!.actor, unitName: req.user!.account.unitName, ip: req.ip, requestId: req.id });
  const read = { access: { permission: 'report:read' as const } };

  app.get('/plans/:planId/todo', { config: read, schema: { tags: ['reports'], summary: '我的待办', params: planParamsSchema, response: { 200: todoListSchema, ...errors } } }, async (req) => ({
    items: await computeTodo(k, ctx(req), req.params.planId),
  }));

  app.get(
    '/plans/:planId/report-template.xlsx',
    { config: { access: { permission: 'report:write' } }, schema: { tags: ['reports'], summary: '下载本单位某周期的离线填报模板（Excel）', params: planParamsSchema, querystring: z.object({ period: z.string().min(4).max(10) }) } },
    async (req, reply) => {
      const c = ctx(req);
      const buf = await buildReportTemplate(k, c, req.params.planId, req.query.period);
      const name = `进展填报-${c.unitName}-${req.query.period}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="report-template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(buf);
    },
  );
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: TEMPLATE_MAX_BYTES + 1 }, (_req, body, done) => done(null, body));
  app.post(
    '/plans/:planId/report-template',
    {
      config: { access: { permission: 'report:write' } },
      bodyLimit: TEMPLATE_MAX_BYTES + 1,
      schema: {
        tags: ['reports'],
        summary: '上传填好的离线填报模板（请求体为 .xlsx 文件内容；全部通过才导入）',
        params: planParamsSchema,
        response: { 200: z.object({ reports: z.array(z.object({ taskNo: z.number().int(), id: z.number().int(), version: z.number().int() })) }), ...errors },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('VALIDATION_FAILED', '请以 application/octet-stream 上传 .xlsx 文件内容', { field: 'file' });
      return importReportTemplate(k, ctx(req), req.params.planId, req.body);
    },
  );

  app.get('/inbox', { config: { access: 'authenticated' }, schema: { tags: ['inbox'], summary: '站内消息', response: { 200: inboxSchema, ...errors } } }, async (req) => {
    const items = await listInbox(k, req.user!.actor.id!);
    return { items, unread: items.filter((i) => !i.read).length };
  });
  app.post('/inbox/read', { config: { access: 'authenticated' }, schema: { tags: ['inbox'], summary: '标为已读', body: markReadBodySchema, response: { 200: okSchema, ...errors } } }, async (req) => {
    await markRead(k, req.user!.actor.id!, req.body.ids, clock());
    return { ok: true as const };
  });

  app.post(
    '/plans/:planId/work-plans',
    { config: { access: { permission: 'report:write' } }, schema: { tags: ['workPlans'], summary: '打开（或新建）本市(区)某年的年度工作计划', params: planParamsSchema, body: yearQuery, response: { 200: workPlanSchema, ...errors } } },
    async (req) => getWorkPlan(k, await openWorkPlan(k, ctx(req), req.params.planId, req.body.year)),
  );
  app.get('/work-plans/:id', { config: read, schema: { tags: ['workPlans'], summary: '年度工作计划', params: idParams, response: { 200: workPlanSchema, ...errors } } }, async (req) => {
    const wp = await getWorkPlan(k, req.params.id);
    const c = ctx(req);
    if (wp.unit !== c.unitName && !c.actor.roles.some((r) => r === 'planOffice' || r === 'leader')) throw new AppError('OUT_OF_SCOPE', '无权查看其他单位的年度工作计划');
    return wp;
  });
  app.put('/work-plans/:id', { config: { access: { permission: 'report:write' } }, schema: { tags: ['workPlans'], summary: '保存年度工作计划', params: idParams, body: saveWorkPlanBodySchema, response: { 200: workPlanSchema, ...errors } } }, async (req) => {
    await saveWorkPlan(k, ctx(req), req.params.id, req.body);
    return getWorkPlan(k, req.params.id);
  });
  app.post('/work-plans/:id/submit', { config: { access: { permission: 'report:write' } }, schema: { tags: ['workPlans'], summary: '提交年度工作计划', params: idParams, body: transitionBodySchema, response: { 200: workPlanSchema, ...errors } } }, async (req) => {
    await moveWorkPlan(k, ctx(req), req.params.id, req.body.version, 'submit');
    return getWorkPlan(k, req.params.id);
  });
  app.post('/work-plans/:id/accept', { config: { access: { permission: 'report:decide' } }, schema: { tags: ['workPlans'], summary: '采纳年度工作计划（规划办）', params: idParams, body: transitionBodySchema, response: { 200: workPlanSchema, ...errors } } }, async (req) => {
    await moveWorkPlan(k, ctx(req), req.params.id, req.body.version, 'accept');
    return getWorkPlan(k, req.params.id);
  });
  app.post('/work-plans/:id/return', { config: { access: { permission: 'report:decide' } }, schema: { tags: ['workPlans'], summary: '退回年度工作计划（规划办）', params: idParams, body: returnBodySchema, response: { 200: workPlanSchema, ...errors } } }, async (req) => {
    await moveWorkPlan(k, ctx(req), req.params.id, req.body.version, 'return', req.body.reason);
    return getWorkPlan(k, req.params.id);
  });
  app.get('/plans/:planId/work-plan-coverage', { config: read, schema: { tags: ['workPlans'], summary: '各市(区)任务分解对市级目标的覆盖情况', params: planParamsSchema, querystring: yearQuery, response: { 200: coverageSchema, ...errors } } }, async (req) =>
    coverage(k, req.params.planId, req.query.year),
  );

  app.post(
    '/plans/:planId/period-exceptions',
    { config: { access: { permission: 'reporting:configure' } }, schema: { tags: ['reports'], summary: '为某单位开通某周期的补报（规划办）', params: planParamsSchema, body: periodExceptionBodySchema, response: { 200: okSchema, ...errors } } },
    async (req) => {
      const period = await resolvePeriod(k, req.params.planId, req.body.period);
      const unit = await k.selectFrom('unit').select('name').where('plan_id', '=', req.params.planId).where('name', '=', req.body.unit).executeTakeFirst();
      if (!unit) throw new AppError('VALIDATION_FAILED', `单位“${req.body.unit}”不是本规划的责任单位`, { field: 'unit' });
      const c = ctx(req);
      await k.transaction().execute(async (trx) => {
        await trx.deleteFrom('period_exception').where('plan_id', '=', req.params.planId).where('period', '=', period.code).where('unit_name', '=', req.body.unit).execute();
        await trx.insertInto('period_exception').values({ plan_id: req.params.planId, period: period.code, unit_name: req.body.unit, until_date: req.body.untilDate, reason: req.body.reason }).execute();
        await writeAudit(trx, { at: c.now, actor: c.actor, ip: c.ip ?? null, requestId: c.requestId ?? null, action: 'reporting.exception', objectType: 'plan', objectId: req.params.planId, after: req.body, outcome: 'success' });
      });
      return { ok: true as const };
    },
  );

  app.get('/calendar/overrides', { config: { access: 'authenticated' }, schema: { tags: ['calendar'], summary: '节假日与调休补充表', response: { 200: calendarOverrideListSchema, ...errors } } }, async () => ({
    items: await k.selectFrom('calendar_override').select(['date', 'kind', 'name']).orderBy('date').execute(),
    officialYears: OFFICIAL_YEARS,
  }));
  app.put(
    '/calendar/overrides/:date',
    { config: { access: { permission: 'config:edit' } }, schema: { tags: ['calendar'], summary: '设置某日为工作日或节假日（系统管理员）', params: z.object({ date: z.iso.date() }), body: calendarOverrideSchema.omit({ date: true }), response: { 200: okSchema, ...errors } } },
    async (req) => {
      const c = ctx(req);
      await k.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('calendar_override').selectAll().where('date', '=', req.params.date).executeTakeFirst();
        await trx.deleteFrom('calendar_override').where('date', '=', req.params.date).execute();
        await trx.insertInto('calendar_override').values({ date: req.params.date, kind: req.body.kind, name: req.body.name, updated_at: c.now.toISOString() }).execute();
        await writeAudit(trx, { at: c.now, actor: c.actor, ip: c.ip ?? null, requestId: c.requestId ?? null, action: 'calendar.override', objectType: 'calendar', objectId: req.params.date, before, after: req.body, outcome: 'success' });
      });
      clearReportingConfigCache();
      return { ok: true as const };
    },
  );
};
