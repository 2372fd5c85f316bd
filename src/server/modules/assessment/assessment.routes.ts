/** Differentiated assessment (差异化考核): indicators, schemes, values, results, publication. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentValueSchema,
  importResultSchema,
  indicatorCodeSchema,
  indicatorCreateSchema,
  indicatorEditSchema,
  indicatorListSchema,
  indicatorSchema,
  methodSchema,
  publishBodySchema,
  resultsSchema,
  schemeSaveSchema,
  schemeSchema,
  valueEntrySchema,
  valueListSchema,
  weightingSchema,
  yearListSchema,
} from '../../../shared/api/assessment-api.js';
import { errorSchema, planParamsSchema } from '../../../shared/api/plan-api.js';
import { can } from '../../../shared/domain/roles.js';
import type { Db } from '../../db/database.js';
import { isDemoDatabase } from '../../demo.js';
import { AppError } from '../../errors.js';
import { TEMPLATE_MAX_BYTES } from '../reports/report-template.js';
import * as svc from './assessment.service.js';
import { buildResultsXlsx } from './results-export.js';
import { sniffValueFile } from './value-file.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const yearParams = planParamsSchema.extend({ year: z.coerce.number().int().min(2000).max(2100) });
const resultsQuery = z.object({ weighting: weightingSchema.optional(), method: methodSchema.optional() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Content types a values file may arrive with (browsers disagree on .csv); text/plain too, as bytes. */
const UPLOAD_TYPES = [XLSX, 'text/csv', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream', 'text/plain'];

export const assessmentRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const k = db.kysely;
  const ctx = (req: FastifyRequest): svc.AssessCtx => ({ now: clock(), actor: req.user!.actor, ip: req.ip, requestId: req.id });
  const viewer = (req: FastifyRequest): svc.Viewer => ({ roles: req.user!.actor.roles, canManage: can(req.user!.actor.roles, 'assessment:manage') });
  const read = { access: { permission: 'assessment:read' as const } };
  const manage = { access: { permission: 'assessment:manage' as const } };
  const tags = ['assessment'];

  app.get('/assessment/indicators', { config: read, schema: { tags, summary: '考核指标目录', response: { 200: indicatorListSchema, ...errors } } }, async () => ({ items: await svc.listIndicators(k) }));
  app.post('/assessment/indicators', { config: manage, schema: { tags, summary: '新增考核指标（规划办；新增的指标均为统计填报）', body: indicatorCreateSchema, response: { 200: indicatorSchema, ...errors } } }, async (req) =>
    svc.createIndicator(k, ctx(req), req.body),
  );
  app.put(
    '/assessment/indicators/:code',
    { config: manage, schema: { tags, summary: '修改考核指标（规划办；系统计算指标的来源与规则不可改）', params: z.object({ code: indicatorCodeSchema }), body: indicatorEditSchema, response: { 200: indicatorSchema, ...errors } } },
    async (req) => svc.updateIndicator(k, ctx(req), req.params.code, req.body),
  );

  app.get('/plans/:planId/assessment/years', { config: read, schema: { tags, summary: '考核年度及其状态', params: planParamsSchema, response: { 200: yearListSchema, ...errors } } }, async (req) =>
    svc.listYears(k, req.params.planId, clock()),
  );

  app.get('/plans/:planId/assessment/:year/scheme', { config: read, schema: { tags, summary: '年度考核方案（未保存时为默认方案，版本0）', params: yearParams, response: { 200: schemeSchema, ...errors } } }, async (req) =>
    svc.getScheme(k, req.params.planId, req.params.year),
  );
  app.put(
    '/plans/:planId/assessment/:year/scheme',
    { config: manage, schema: { tags, summary: '保存年度考核方案（每次保存为新版本；已发布年度不可改）', params: yearParams, body: schemeSaveSchema, response: { 200: schemeSchema, ...errors } } },
    async (req) => svc.saveScheme(k, ctx(req), req.params.planId, req.params.year, req.body),
  );

  app.get('/plans/:planId/assessment/:year/values', { config: read, schema: { tags, summary: '年度考核数据（填报、导入与系统计算）', params: yearParams, response: { 200: valueListSchema, ...errors } } }, async (req) =>
    svc.listValues(k, req.params.planId, req.params.year, clock(), { ...viewer(req), unitName: req.user!.account.unitName }),
  );
  app.put(
    '/plans/:planId/assessment/:year/values',
    { config: manage, schema: { tags, summary: '填报一项考核数据（数值为 null 时清除）', params: yearParams, body: valueEntrySchema, response: { 200: assessmentValueSchema, ...errors } } },
    async (req) => svc.putValue(k, ctx(req), req.params.planId, req.params.year, req.body),
  );

  // In this module's scope only: the raw bytes, so GBK/GB18030 text is decoded by the importer's rules.
  app.removeContentTypeParser('text/plain');
  for (const type of UPLOAD_TYPES) app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: TEMPLATE_MAX_BYTES + 1 }, (_req, body, done) => done(null, body));
  app.post(
    '/plans/:planId/assessment/values/import',
    {
      config: manage,
      bodyLimit: TEMPLATE_MAX_BYTES + 1,
      schema: {
        tags,
        summary: '导入考核数据文件（请求体为 .xlsx 或 .csv 文件内容；列：年度、县级行政区、指标代码、数值、可选目标值；全部通过才导入）',
        params: planParamsSchema,
        querystring: z.object({ fileName: z.string().max(200).optional() }),
        response: { 200: importResultSchema, ...errors },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('VALIDATION_FAILED', '请以 .xlsx 或 .csv 文件内容作为请求体上传（Content-Type 为 text/csv 或 Excel 类型）', { field: 'file' });
      const header = req.headers['x-file-name'];
      const fromHeader = typeof header === 'string' ? safeDecode(header) : '';
      const fileName = req.query.fileName ?? fromHeader;
      const kind = sniffValueFile(req.body, req.headers['content-type']);
      return svc.importValues(k, ctx(req), req.params.planId, req.body, kind, fileName);
    },
  );

  app.get(
    '/plans/:planId/assessment/:year/results',
    { config: read, schema: { tags, summary: '年度考核结果（已发布为冻结结果；未发布仅规划办与市领导可见）', params: yearParams, querystring: resultsQuery, response: { 200: resultsSchema, ...errors } } },
    async (req) => svc.getResults(k, req.params.planId, req.params.year, clock(), viewer(req), req.query),
  );
  app.get(
    '/plans/:planId/assessment/:year/results.xlsx',
    { config: read, schema: { tags, summary: '导出年度考核结果（Excel：结果、明细、方法）', params: yearParams, querystring: resultsQuery } },
    async (req, reply) => {
      const r = await svc.getResults(k, req.params.planId, req.params.year, clock(), viewer(req), req.query);
      const plan = await k.selectFrom('plan').select('title').where('id', '=', req.params.planId).executeTakeFirstOrThrow();
      const buf = await buildResultsXlsx(r, { demo: await isDemoDatabase(k), planTitle: plan.title });
      const name = `差异化考核结果-${r.year}.xlsx`;
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="assessment-${r.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`).send(buf);
    },
  );
  app.post(
    '/plans/:planId/assessment/:year/publish',
    { config: manage, schema: { tags, summary: '发布年度考核结果（冻结结果并锁定该年度方案与数据）', params: yearParams, body: publishBodySchema, response: { 200: resultsSchema, ...errors } } },
    async (req) => svc.publishYear(k, ctx(req), req.params.planId, req.params.year, req.body.version),
  );
};

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
