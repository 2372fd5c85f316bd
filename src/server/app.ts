/**
 * Builds the Fastify app: security headers, zod validation and OpenAPI, one error envelope,
 * the API modules under /api/v1, and the built web app (SPA fallback) when present.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { healthSchema } from '../shared/api/plan-api.js';
import type { Db } from './db/database.js';
import { AppError, STATUS_OF, type ErrorCode } from './errors.js';
import { planRoutes } from './modules/plans/plan.routes.js';
import { registerAccessControl, type AccessTable } from './access.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route and its declared access rule. */
    accessTable: AccessTable;
  }
}
import { authRoutes } from './modules/auth/auth.routes.js';
import { adminRoutes } from './modules/auth/admin.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { reportRoutes } from './modules/reports/report.routes.js';
import { isDemoDatabase } from './demo.js';
import { reportingExtraRoutes } from './modules/reports/reporting-extra.routes.js';
import { supervisionRoutes } from './modules/supervision/supervision.routes.js';
import { assessmentRoutes } from './modules/assessment/assessment.routes.js';
import { seedAssessmentIndicators } from './modules/assessment/assessment.service.js';

z.config(z.locales.zhCN());

export interface AppOptions {
  db: Db;
  /** Folder of the built web app (index.html); null to serve the API only. */
  webRoot?: string | null;
  logger?: boolean;
  /** The clock every rule reads (tests move it). */
  clock?: () => Date;
  /** Honour X-Forwarded-For/-Proto (only behind a trusted reverse proxy). */
  trustProxy?: boolean;
}

const PARAM_PLACE: Record<string, string> = { querystring: '查询参数', params: '路径参数', body: '请求体字段', headers: '请求头' };

function envelope(code: ErrorCode | string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  const clock = opts.clock ?? ((): Date => new Date());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, ...envelope('RATE_LIMITED', `请求过于频繁，请${Math.ceil(ctx.ttl / 1000)}秒后再试`) }),
  });
  const accessTable = registerAccessControl(app, opts.db, clock);
  app.decorate('accessTable', accessTable);
  await app.register(swagger, {
    openapi: { info: { title: 'Sanqu 三区 API', version: '1.0.0', description: '规划导入、重点任务、三区分布、责任单位与导入诊断' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      if (STATUS_OF[err.code] >= 500) req.log.error(err);
      return reply.status(STATUS_OF[err.code]).send(envelope(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const place = PARAM_PLACE[err.validationContext ?? ''] ?? '参数';
      const issues = err.validation.map((v) => ({ field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(整体)', message: v.message ?? '' }));
      const first = issues[0]!;
      return reply.status(400).send(envelope('VALIDATION_FAILED', `${place}“${first.field}”无效：${first.message}`, { in: err.validationContext, issues }));
    }
    const status = err.statusCode ?? 500;
    if (status < 500) {
      return reply.status(status).send(envelope(err.code ?? 'BAD_REQUEST', err.message));
    }
    req.log.error(err);
    return reply.status(500).send(envelope('INTERNAL', '服务器内部错误，请稍后再试或联系系统管理员'));
  });

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['system'], summary: '健康检查', response: { 200: healthSchema } } }, async () => {
    const row = await opts.db.kysely.selectFrom('plan').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { status: 'ok' as const, database: opts.db.dialect, plans: Number(row.n), demo: await isDemoDatabase(opts.db.kysely) };
  });
  await app.register(planRoutes, { prefix: '/api/v1', db: opts.db });
  await app.register(authRoutes, { prefix: '/api/v1', db: opts.db, clock });
  await app.register(adminRoutes, { prefix: '/api/v1', db: opts.db, clock });
  await app.register(auditRoutes, { prefix: '/api/v1', db: opts.db });
  await app.register(reportRoutes, { prefix: '/api/v1', db: opts.db, clock });
  await app.register(reportingExtraRoutes, { prefix: '/api/v1', db: opts.db, clock });
  await app.register(supervisionRoutes, { prefix: '/api/v1', db: opts.db, clock });
  // The assessment indicator catalogue starts from data/assessment/indicators.json (once, when empty).
  await seedAssessmentIndicators(opts.db.kysely);
  await app.register(assessmentRoutes, { prefix: '/api/v1', db: opts.db, clock });

  const webRoot = opts.webRoot ?? null;
  const indexFile = webRoot ? path.join(webRoot, 'index.html') : null;
  const indexHtml = indexFile && existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  if (webRoot && indexHtml) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: false, wildcard: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send(envelope('NOT_FOUND', `接口不存在：${req.method} ${req.url.split('?')[0]}`));
    }
    if (!indexHtml) {
      return reply.status(404).type('text/plain; charset=utf-8').send('网页尚未构建：请运行 npm run build:web（npm start 会自动构建）');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
  return app;
}
