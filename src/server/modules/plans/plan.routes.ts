/** /api/v1/plans…: thin routes — parse, call the service, present. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  diagnosticListSchema,
  errorSchema,
  planDetailSchema,
  planListSchema,
  planParamsSchema,
  taskDetailSchema,
  taskListSchema,
  taskParamsSchema,
  taskQuerySchema,
  unitListSchema,
  zonesResponseSchema,
} from '../../../shared/api/plan-api.js';
import type { Db } from '../../db/database.js';
import * as service from './plan.service.js';
import { buildDivisionOfLabourXlsx } from './division-of-labour.export.js';
import { createPlanTaskCache } from './plan-task-cache.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
/** The plan, its tasks, zones, units and 分工表 come from a published government document: public. */
const pub = { access: 'public' as const };

export const planRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const k = db.kysely;
  const cache = createPlanTaskCache(k);
  /**
   * Cached bodies are already-validated JSON bytes: sent as they are, past the serializer — gzipped
   * (compressed once, when cached) to clients that accept it, as every browser does.
   */
  const sendJson = (req: FastifyRequest, reply: FastifyReply, body: Buffer): FastifyReply => {
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    const gz = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? cache.gzipOf(body) : null;
    return gz ? reply.header('content-encoding', 'gzip').send(gz as never) : reply.send(body as never);
  };
  app.get('/plans', { config: pub, schema: { tags: ['plans'], summary: '规划列表', response: { 200: planListSchema } } }, async () => ({ items: await service.listPlans(k) }));

  app.get(
    '/plans/:planId',
    { config: pub, schema: { tags: ['plans'], summary: '规划概览（总体目标、大类、计数）', params: planParamsSchema, response: { 200: planDetailSchema, ...errors } } },
    async (req) => service.getPlan(k, req.params.planId),
  );

  app.get(
    '/plans/:planId/tasks',
    { config: pub, schema: { tags: ['tasks'], summary: '重点任务列表（可筛选）', params: planParamsSchema, querystring: taskQuerySchema, response: { 200: taskListSchema, ...errors } } },
    async (req, reply) => sendJson(req, reply, await cache.listJson(req.params.planId, req.query)),
  );

  app.get(
    '/plans/:planId/tasks/:no',
    { config: pub, schema: { tags: ['tasks'], summary: '任务详情（工作计划、量化目标、责任单位、原文行号）', params: taskParamsSchema, response: { 200: taskDetailSchema, ...errors } } },
    async (req, reply) => sendJson(req, reply, await cache.taskJson(req.params.planId, req.params.no)),
  );

  app.get(
    '/plans/:planId/zones',
    { config: pub, schema: { tags: ['zones'], summary: '三区 → 市(区) → 镇(街)，含区域政策延伸', params: planParamsSchema, response: { 200: zonesResponseSchema, ...errors } } },
    async (req) => service.getZones(k, req.params.planId),
  );

  app.get(
    '/plans/:planId/units',
    { config: pub, schema: { tags: ['units'], summary: '责任单位及其牵头/配合任务', params: planParamsSchema, response: { 200: unitListSchema, ...errors } } },
    async (req) => ({ items: await service.listUnits(k, req.params.planId) }),
  );

  app.get(
    '/plans/:planId/diagnostics',
    { config: { access: { permission: 'plan:diagnostics' } }, schema: { tags: ['plans'], summary: '导入诊断', params: planParamsSchema, response: { 200: diagnosticListSchema, ...errors } } },
    async (req) => ({ items: await service.listDiagnostics(k, req.params.planId) }),
  );

  app.get(
    '/plans/:planId/export/division-of-labour.xlsx',
    { config: pub, schema: { tags: ['exports'], summary: '下载重点任务分工表（Excel）', params: planParamsSchema } },
    async (req, reply) => {
      const plan = await service.getPlan(k, req.params.planId);
      const tasks = await cache.tasks(req.params.planId);
      const buf = await buildDivisionOfLabourXlsx(plan, tasks);
      const name = `重点任务分工表-${plan.code}-v${plan.version}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="division-of-labour.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(buf);
    },
  );
};
