/** /api/v1/admin/audit…: the audit trail for the 审计管理员 — filtered list, .xlsx export, chain verification. */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema, auditVerifySchema, type AuditEventView, type AuditQuery } from '../../shared/api/auth-api.js';
import { errorSchema } from '../../shared/api/plan-api.js';
import type { Database } from '../db/schema.js';
import type { Db } from '../db/database.js';
import { safeCell } from '../modules/plans/division-of-labour.export.js';
import { verifyAuditChain } from './audit.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

function filtered(db: Kysely<Database>, q: AuditQuery) {
  let query = db.selectFrom('audit_event');
  if (q.from) query = query.where('at', '>=', new Date(q.from).toISOString());
  if (q.to) query = query.where('at', '<=', new Date(q.to).toISOString());
  if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_]/g, '')}%`);
  if (q.actor) query = query.where('actor_login', '=', q.actor);
  if (q.outcome) query = query.where('outcome', '=', q.outcome);
  return query;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export async function queryAudit(db: Kysely<Database>, q: AuditQuery, limit = q.pageSize): Promise<{ items: AuditEventView[]; total: number }> {
  const { n } = await filtered(db, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await filtered(db, q).selectAll().orderBy('seq', 'desc').limit(limit).offset((q.page - 1) * q.pageSize).execute();
  return {
    total: Number(n),
    items: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      at: r.at,
      actorLogin: r.actor_login,
      actorRoles: r.actor_roles,
      ip: r.ip,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      before: parse(r.before_json),
      after: parse(r.after_json),
      outcome: r.outcome,
      requestId: r.request_id,
      message: r.message,
      hash: r.hash,
    })),
  };
}

const OUTCOME_ZH = { success: '成功', failure: '失败', denied: '拒绝' } as const;

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const k = db.kysely;
  const access = { access: { permission: 'audit:read' as const } };
  app.get('/admin/audit', { config: access, schema: { tags: ['audit'], summary: '审计日志（筛选、分页）', querystring: auditQuerySchema, response: { 200: auditPageSchema, ...errors } } }, async (req) => ({
    ...(await queryAudit(k, req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));

  app.get('/admin/audit/verify', { config: access, schema: { tags: ['audit'], summary: '校验审计日志哈希链', response: { 200: auditVerifySchema, ...errors } } }, async () => verifyAuditChain(k));

  app.get('/admin/audit/export.xlsx', { config: access, schema: { tags: ['audit'], summary: '导出审计日志（Excel，最多10万条）', querystring: auditQuerySchema } }, async (req, reply) => {
    const { items } = await queryAudit(k, { ...req.query, page: 1 }, 100_000);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: '序号', key: 'seq', width: 8 },
      { header: '时间', key: 'at', width: 24 },
      { header: '操作人', key: 'actor', width: 14 },
      { header: '角色', key: 'roles', width: 16 },
      { header: '来源IP', key: 'ip', width: 16 },
      { header: '操作', key: 'action', width: 22 },
      { header: '对象', key: 'object', width: 24 },
      { header: '结果', key: 'outcome', width: 8 },
      { header: '说明', key: 'message', width: 40 },
      { header: '变更前', key: 'before', width: 30 },
      { header: '变更后', key: 'after', width: 30 },
      { header: '请求ID', key: 'requestId', width: 38 },
      { header: '哈希', key: 'hash', width: 66 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const e of items) {
      ws.addRow({
        seq: e.seq,
        at: e.at,
        actor: safeCell(e.actorLogin ?? ''),
        roles: e.actorRoles ?? '',
        ip: e.ip ?? '',
        action: e.action,
        object: safeCell([e.objectType, e.objectId].filter(Boolean).join(' ')),
        outcome: OUTCOME_ZH[e.outcome],
        message: safeCell(e.message ?? ''),
        before: safeCell(e.before === null ? '' : JSON.stringify(e.before)),
        after: safeCell(e.after === null ? '' : JSON.stringify(e.after)),
        requestId: e.requestId ?? '',
        hash: e.hash,
      });
    }
    const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`)
      .send(buf);
  });
};
