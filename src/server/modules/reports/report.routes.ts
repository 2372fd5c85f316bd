/** /api/v1/plans/:planId/reports…, /api/v1/reports/:id…: progress reports and contributions. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, planParamsSchema } from '../../../shared/api/plan-api.js';
import {
  contributionBodySchema,
  contributionSchema,
  correctBodySchema,
  openReportBodySchema,
  periodListSchema,
  reportDetailSchema,
  reportingRuleSchema,
  reportListQuerySchema,
  reportListSchema,
  reportStateSchema,
  returnBodySchema,
  saveReportBodySchema,
  transitionBodySchema,
} from '../../../shared/api/report-api.js';
import { periodOf } from '../../../shared/domain/periods.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { withIdempotency } from './idempotency.js';
import { addEvidence, EVIDENCE_MAX_BYTES, readEvidence } from './evidence.js';
import * as reports from './report.service.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const reportParams = z.object({ id: z.coerce.number().int().positive() });
const taskParams = planParamsSchema.extend({ no: z.coerce.number().int().positive() });

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const k = db.kysely;
  const ctx = (req: FastifyRequest): reports.ReportCtx => ({ now: clock(), actor: req.user!.actor, unitName: req.user!.account.unitName, ip: req.ip, requestId: req.id });
  const read = { access: { permission: 'report:read' as const } };
  const write = { access: { permission: 'report:write' as const } };
  const detail = (req: FastifyRequest, id: number) => reports.getReport(k, ctx(req), id);
  const minimal = (req: FastifyRequest): boolean => /return=minimal/.test(String(req.headers.prefer ?? ''));
  const planExists = async (planId: number): Promise<void> => {
    if (!(await k.selectFrom('plan').select('id').where('id', '=', planId).executeTakeFirst())) throw new AppError('NOT_FOUND', `规划（编号 ${planId}）不存在`);
  };

  app.get('/plans/:planId/reporting-rule', { config: read, schema: { tags: ['reports'], summary: '报送规则', params: planParamsSchema, response: { 200: reportingRuleSchema, ...errors } } }, async (req) => {
    await planExists(req.params.planId);
    return reports.loadRule(k, req.params.planId);
  });
  app.put(
    '/plans/:planId/reporting-rule',
    { config: { access: { permission: 'reporting:configure' } }, schema: { tags: ['reports'], summary: '修改报送规则（规划办）', params: planParamsSchema, body: reportingRuleSchema, response: { 200: reportingRuleSchema, ...errors } } },
    async (req) => {
      await planExists(req.params.planId);
      return reports.saveRule(k, ctx(req), req.params.planId, req.body);
    },
  );

  app.get(
    '/plans/:planId/periods',
    { config: read, schema: { tags: ['reports'], summary: '某年的报送周期与截止日（按工作日，含节假日和调休）', params: planParamsSchema, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: periodListSchema, ...errors } } },
    async (req) => {
      await planExists(req.params.planId);
      const [rule, calendar] = await Promise.all([reports.loadRule(k, req.params.planId), reports.loadCalendar(k)]);
      const n = rule.frequency === 'monthly' ? 12 : 4;
      const items = Array.from({ length: n }, (_, i) => periodOf(rule.frequency === 'monthly' ? `${req.query.year}-${String(i + 1).padStart(2, '0')}` : `${req.query.year}-Q${i + 1}`, rule, calendar));
      return { items, calendarKnown: calendar.knowsYear(req.query.year) && calendar.knowsYear(req.query.year + 1) };
    },
  );

  app.get('/plans/:planId/reports', { config: read, schema: { tags: ['reports'], summary: '报告列表（本单位的，及规划办/市领导可见的已提交报告）', params: planParamsSchema, querystring: reportListQuerySchema, response: { 200: reportListSchema, ...errors } } }, async (req) => ({
    items: await reports.listReports(k, ctx(req), req.params.planId, req.query),
  }));

  app.post(
    '/plans/:planId/reports',
    { config: write, schema: { tags: ['reports'], summary: '打开（或新建）本单位某任务某周期的报告', params: planParamsSchema, body: openReportBodySchema, response: { 200: reportDetailSchema, 201: reportDetailSchema, ...errors } } },
    async (req, reply) => {
      await planExists(req.params.planId);
      const { id, created } = await reports.openReport(k, ctx(req), req.params.planId, req.body.taskNo, req.body.period);
      return reply.status(created ? 201 : 200).send(await detail(req, id));
    },
  );

  app.get('/reports/:id', { config: read, schema: { tags: ['reports'], summary: '报告详情', params: reportParams, response: { 200: reportDetailSchema, ...errors } } }, async (req) => detail(req, req.params.id));

  app.put('/reports/:id', { config: write, schema: { tags: ['reports'], summary: '保存草稿（带版本号；过期版本返回409）', params: reportParams, body: saveReportBodySchema, response: { 200: reportDetailSchema, ...errors } } }, async (req) => {
    await reports.saveReport(k, ctx(req), req.params.id, req.body);
    return detail(req, req.params.id);
  });

  const transition = (path: string, summary: string, permission: 'report:write' | 'report:approve' | 'report:decide', run: (req: FastifyRequest<{ Params: { id: number }; Body: { version: number } }>) => Promise<void>) =>
    app.post(
      `/reports/:id/${path}`,
      {
        config: { access: { permission } },
        schema: { tags: ['reports'], summary: `${summary}；请求头 Prefer: return=minimal 时只返回新状态`, params: reportParams, body: transitionBodySchema, response: { 200: z.union([reportDetailSchema, reportStateSchema]), ...errors } },
      },
      async (req, reply) =>
        withIdempotency(k, req, reply, clock, async () => {
          await run(req as never);
          return minimal(req) ? reports.getReportState(k, req.params.id) : detail(req, req.params.id);
        }),
    );
  transition('submit', '提交（填报员；支持 Idempotency-Key）', 'report:write', (req) => reports.submitReport(k, ctx(req), req.params.id, req.body.version));
  transition('approve', '审核通过（单位审核人）', 'report:approve', (req) => reports.approveReport(k, ctx(req), req.params.id, req.body.version));
  transition('accept', '采纳（规划办）', 'report:decide', (req) => reports.acceptReport(k, ctx(req), req.params.id, req.body.version));

  const returnRoute = (path: string, permission: 'report:approve' | 'report:decide', summary: string) =>
    app.post(
      path,
      { config: { access: { permission } }, schema: { tags: ['reports'], summary, params: reportParams, body: returnBodySchema, response: { 200: reportDetailSchema, ...errors } } },
      async (req) => {
        await reports.returnReport(k, ctx(req), req.params.id, req.body.version, req.body.reason);
        return detail(req, req.params.id);
      },
    );
  returnRoute('/reports/:id/return', 'report:approve', '单位审核人退回（写明原因）');
  returnRoute('/reports/:id/return-by-plan-office', 'report:decide', '规划办退回（写明原因）');

  app.post('/reports/:id/correct', { config: write, schema: { tags: ['reports'], summary: '更正已采纳的报告（生成新版本）', params: reportParams, body: correctBodySchema, response: { 200: reportDetailSchema, ...errors } } }, async (req) =>
    detail(req, await reports.correctReport(k, ctx(req), req.params.id, req.body.reason)),
  );

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES + 1 }, (_req, body, done) => done(null, body));
  app.post(
    '/reports/:id/evidence',
    {
      config: write,
      bodyLimit: EVIDENCE_MAX_BYTES + 1,
      schema: {
        tags: ['reports'],
        summary: '上传佐证材料（请求体为文件内容，x-file-name 为 URL 编码的文件名）',
        params: reportParams,
        headers: z.object({ 'x-file-name': z.string().min(1, '请提供文件名').max(400) }),
        response: { 200: reportDetailSchema, ...errors },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('VALIDATION_FAILED', '请以 application/octet-stream 上传文件内容', { field: 'file' });
      let name: string;
      try {
        name = decodeURIComponent(req.headers['x-file-name']);
      } catch {
        throw new AppError('VALIDATION_FAILED', '文件名编码不正确', { field: 'x-file-name' });
      }
      await addEvidence(k, ctx(req), req.params.id, name, req.body);
      return detail(req, req.params.id);
    },
  );
  app.get('/evidence/:id', { config: read, schema: { tags: ['reports'], summary: '下载佐证材料', params: reportParams } }, async (req, reply) => {
    const e = await readEvidence(k, req.params.id);
    await detail(req, e.report_id); // the reader must be allowed to read the report
    return reply
      .header('content-type', e.mime_type)
      .header('content-disposition', `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(e.file_name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(e.content));
  });

  app.get(
    '/plans/:planId/tasks/:no/contribution',
    { config: write, schema: { tags: ['reports'], summary: '本单位对某任务某周期的配合单位反馈（没有则为 null）', params: taskParams, querystring: z.object({ period: z.string().min(4).max(10) }), response: { 200: z.object({ item: contributionSchema.nullable() }), ...errors } } },
    async (req) => ({ item: await reports.findContribution(k, ctx(req), req.params.planId, req.params.no, req.query.period) }),
  );

  app.put(
    '/plans/:planId/tasks/:no/contribution',
    { config: write, schema: { tags: ['reports'], summary: '配合单位反馈（配合单位填报员）', params: taskParams, body: contributionBodySchema, response: { 200: contributionSchema, ...errors } } },
    async (req) => reports.saveContribution(k, ctx(req), req.params.planId, req.params.no, req.body.period, req.body.text, req.body.submit),
  );
};
