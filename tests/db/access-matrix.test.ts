/**
 * The authorisation matrix: every registered route × every role (+ anonymous). The expected rule of
 * each route is written here; a route added without a rule here fails the first test, and a route
 * whose declared rule or behaviour differs fails the others.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/database.js';
import { describeAccess } from '../../src/server/access.js';
import { ROLES } from '../../src/shared/domain/roles.js';
import { createTestAccount, loginAs, type Session } from '../support/auth.js';
import { createSeededApp } from '../support/test-app.js';
import { testDialect } from '../support/test-db.js';

const EXPECTED: Record<string, string> = {
  'GET /api/health': 'public',
  'GET /api/v1/plans': 'public',
  'GET /api/v1/plans/:planId': 'public',
  'GET /api/v1/plans/:planId/tasks': 'public',
  'GET /api/v1/plans/:planId/tasks/:no': 'public',
  'GET /api/v1/plans/:planId/zones': 'public',
  'GET /api/v1/plans/:planId/units': 'public',
  'GET /api/v1/plans/:planId/export/division-of-labour.xlsx': 'public',
  'GET /api/v1/plans/:planId/diagnostics': 'permission:plan:diagnostics',
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/me': 'public',
  'POST /api/v1/auth/logout': 'authenticated',
  'POST /api/v1/auth/password': 'authenticated',
  'POST /api/v1/auth/totp/setup': 'authenticated',
  'POST /api/v1/auth/totp/enable': 'authenticated',
  'GET /api/v1/admin/users': 'permission:account:read',
  'POST /api/v1/admin/users': 'permission:account:manage',
  'POST /api/v1/admin/users/:id/disable': 'permission:account:manage',
  'POST /api/v1/admin/users/:id/enable': 'permission:account:manage',
  'POST /api/v1/admin/users/:id/unlock': 'permission:account:manage',
  'POST /api/v1/admin/users/:id/reset-password': 'permission:account:manage',
  'PUT /api/v1/admin/users/:id/roles': 'permission:role:assign',
  'GET /api/v1/admin/policy': 'permission:policy:edit',
  'PUT /api/v1/admin/policy': 'permission:policy:edit',
  'GET /api/v1/admin/audit': 'permission:audit:read',
  'GET /api/v1/admin/audit/verify': 'permission:audit:read',
  'GET /api/v1/admin/audit/export.xlsx': 'permission:audit:read',
  'GET /api/v1/plans/:planId/reporting-rule': 'permission:report:read',
  'PUT /api/v1/plans/:planId/reporting-rule': 'permission:reporting:configure',
  'GET /api/v1/plans/:planId/periods': 'permission:report:read',
  'GET /api/v1/plans/:planId/reports': 'permission:report:read',
  'POST /api/v1/plans/:planId/reports': 'permission:report:write',
  'GET /api/v1/reports/:id': 'permission:report:read',
  'PUT /api/v1/reports/:id': 'permission:report:write',
  'POST /api/v1/reports/:id/submit': 'permission:report:write',
  'POST /api/v1/reports/:id/approve': 'permission:report:approve',
  'POST /api/v1/reports/:id/accept': 'permission:report:decide',
  'POST /api/v1/reports/:id/return': 'permission:report:approve',
  'POST /api/v1/reports/:id/return-by-plan-office': 'permission:report:decide',
  'POST /api/v1/reports/:id/correct': 'permission:report:write',
  'PUT /api/v1/plans/:planId/tasks/:no/contribution': 'permission:report:write',
  'GET /api/v1/plans/:planId/tasks/:no/contribution': 'permission:report:write',
  'POST /api/v1/reports/:id/evidence': 'permission:report:write',
  'GET /api/v1/evidence/:id': 'permission:report:read',
  'GET /api/v1/plans/:planId/todo': 'permission:report:read',
  'GET /api/v1/inbox': 'authenticated',
  'POST /api/v1/inbox/read': 'authenticated',
  'POST /api/v1/plans/:planId/work-plans': 'permission:report:write',
  'GET /api/v1/work-plans/:id': 'permission:report:read',
  'PUT /api/v1/work-plans/:id': 'permission:report:write',
  'POST /api/v1/work-plans/:id/submit': 'permission:report:write',
  'POST /api/v1/work-plans/:id/accept': 'permission:report:decide',
  'POST /api/v1/work-plans/:id/return': 'permission:report:decide',
  'GET /api/v1/plans/:planId/work-plan-coverage': 'permission:report:read',
  'POST /api/v1/plans/:planId/period-exceptions': 'permission:reporting:configure',
  'GET /api/v1/calendar/overrides': 'authenticated',
  'PUT /api/v1/calendar/overrides/:date': 'permission:config:edit',
  'GET /api/v1/plans/:planId/report-template.xlsx': 'permission:report:write',
  'POST /api/v1/plans/:planId/report-template': 'permission:report:write',
  'GET /api/v1/plans/:planId/status': 'permission:report:read',
  'GET /api/v1/plans/:planId/cockpit': 'permission:report:read',
  'GET /api/v1/plans/:planId/notices': 'permission:report:read',
  'POST /api/v1/plans/:planId/notices': 'permission:supervise',
  'POST /api/v1/notices/:id/receive': 'permission:notice:respond',
  'POST /api/v1/notices/:id/answer': 'permission:notice:respond',
  'POST /api/v1/notices/:id/close': 'permission:supervise',
  'GET /api/v1/plans/:planId/instructions': 'permission:report:read',
  'POST /api/v1/plans/:planId/tasks/:no/instructions': 'permission:instruction:write',
  'POST /api/v1/instructions/:id/respond': 'permission:notice:respond',
  'POST /api/v1/instructions/:id/close': 'permission:supervise',
  'GET /api/v1/plans/:planId/problems': 'permission:report:read',
  'PUT /api/v1/problems/:id': 'permission:supervise',
  'GET /api/v1/assessment/indicators': 'permission:assessment:read',
  'POST /api/v1/assessment/indicators': 'permission:assessment:manage',
  'PUT /api/v1/assessment/indicators/:code': 'permission:assessment:manage',
  'GET /api/v1/plans/:planId/assessment/years': 'permission:assessment:read',
  'GET /api/v1/plans/:planId/assessment/:year/scheme': 'permission:assessment:read',
  'PUT /api/v1/plans/:planId/assessment/:year/scheme': 'permission:assessment:manage',
  'GET /api/v1/plans/:planId/assessment/:year/values': 'permission:assessment:read',
  'PUT /api/v1/plans/:planId/assessment/:year/values': 'permission:assessment:manage',
  'POST /api/v1/plans/:planId/assessment/values/import': 'permission:assessment:manage',
  'GET /api/v1/plans/:planId/assessment/:year/results': 'permission:assessment:read',
  'GET /api/v1/plans/:planId/assessment/:year/results.xlsx': 'permission:assessment:read',
  'POST /api/v1/plans/:planId/assessment/:year/publish': 'permission:assessment:manage',
};

/** Which roles a permission rule lets through (the product's role table, restated). */
const ALLOWED: Record<string, readonly string[]> = {
  public: ['anonymous', ...ROLES],
  authenticated: [...ROLES],
  'permission:plan:diagnostics': ['planOffice', 'leader'],
  'permission:account:read': ['systemAdmin', 'securityAdmin'],
  'permission:account:manage': ['systemAdmin'],
  'permission:role:assign': ['securityAdmin'],
  'permission:policy:edit': ['securityAdmin'],
  'permission:audit:read': ['auditAdmin'],
  'permission:report:read': ['planOffice', 'reporter', 'unitHead', 'leader'],
  'permission:report:write': ['reporter'],
  'permission:report:approve': ['unitHead'],
  'permission:report:decide': ['planOffice'],
  'permission:reporting:configure': ['planOffice'],
  'permission:config:edit': ['systemAdmin'],
  'permission:supervise': ['planOffice'],
  'permission:supervision:read': ['planOffice', 'leader'],
  'permission:notice:respond': ['reporter', 'unitHead'],
  'permission:instruction:write': ['leader'],
  'permission:assessment:read': ['planOffice', 'reporter', 'unitHead', 'leader'],
  'permission:assessment:manage': ['planOffice'],
};

let app: FastifyInstance;
let db: Db;
let close: () => Promise<void>;
let targetId: number;
const sessions = new Map<string, Session>();

const apiRoutes = (): { method: string; url: string; access: string }[] =>
  app.accessTable
    .filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD')
    .map((r) => ({ method: r.method, url: r.url, access: describeAccess(r.access) }));

beforeAll(async () => {
  ({ app, db, close } = await createSeededApp());
  for (const role of ROLES) await createTestAccount(db.kysely, `m-${role.toLowerCase()}`, [role]);
  // Unit staff belong to 市发展改革局 (lead of task 1, cooperating on task 6), so unit scoping lets the allowed calls through.
  await db.kysely.updateTable('user_account').set({ unit_name: '市发展改革局' }).where('login', 'like', 'm-%').execute();
  targetId = await createTestAccount(db.kysely, 'm-target', ['reporter']);
});
afterAll(async () => {
  await close();
});

async function sessionFor(role: string): Promise<Session> {
  let s = sessions.get(role);
  if (!s) {
    s = await loginAs(app, `m-${role.toLowerCase()}`);
    sessions.set(role, s);
  }
  return s;
}

const BODIES: Record<string, unknown> = {
  'POST /api/v1/auth/login': { login: 'nobody', password: 'x' },
  'POST /api/v1/auth/password': { currentPassword: 'wrong', newPassword: 'x' },
  'POST /api/v1/auth/totp/enable': { secret: 'AAAAAAAAAAAAAAAA', code: '000000' },
  'POST /api/v1/admin/users': { login: 'x', displayName: '' },
  'POST /api/v1/admin/users/:id/disable': { reason: '矩阵测试' },
  'PUT /api/v1/admin/users/:id/roles': { roles: ['reporter'] },
  'PUT /api/v1/admin/policy': { passwordMinLength: 1 },
  'PUT /api/v1/plans/:planId/reporting-rule': { frequency: 'monthly', dueWorkdays: 5, graceWorkdays: 0 },
  'POST /api/v1/plans/:planId/reports': { taskNo: 1, period: '2022-09' },
  'PUT /api/v1/reports/:id': { version: 1 },
  'POST /api/v1/reports/:id/submit': { version: 1 },
  'POST /api/v1/reports/:id/approve': { version: 1 },
  'POST /api/v1/reports/:id/accept': { version: 1 },
  'POST /api/v1/reports/:id/return': { version: 1, reason: '矩阵测试' },
  'POST /api/v1/reports/:id/return-by-plan-office': { version: 1, reason: '矩阵测试' },
  'POST /api/v1/reports/:id/correct': { reason: '矩阵测试' },
  'PUT /api/v1/plans/:planId/tasks/:no/contribution': { period: '2022-09', text: '矩阵测试' },
  'POST /api/v1/inbox/read': { ids: 'all' },
  'POST /api/v1/plans/:planId/work-plans': { year: 2022 },
  'PUT /api/v1/work-plans/:id': { version: 1, milestones: [] },
  'POST /api/v1/work-plans/:id/submit': { version: 1 },
  'POST /api/v1/work-plans/:id/accept': { version: 1 },
  'POST /api/v1/work-plans/:id/return': { version: 1, reason: '矩阵测试' },
  'POST /api/v1/plans/:planId/period-exceptions': { period: '2022-09', unit: '市发展改革局', untilDate: '2022-12-31', reason: '矩阵测试' },
  'PUT /api/v1/calendar/overrides/:date': { kind: 'holiday', name: '矩阵测试' },
  'POST /api/v1/plans/:planId/notices': { taskNo: 1, unit: '市发展改革局', content: '矩阵测试' },
  'POST /api/v1/notices/:id/receive': { version: 1 },
  'POST /api/v1/notices/:id/answer': { version: 1, answer: '矩阵测试' },
  'POST /api/v1/notices/:id/close': { version: 1 },
  'POST /api/v1/plans/:planId/tasks/:no/instructions': { text: '矩阵测试' },
  'POST /api/v1/instructions/:id/respond': { version: 1, response: '矩阵测试' },
  'POST /api/v1/instructions/:id/close': { version: 1 },
  'PUT /api/v1/problems/:id': { version: 1, status: 'coordinating' },
};

describe(`authorisation matrix (${testDialect})`, () => {
  it('declares a rule for every route, and the rule is the expected one', () => {
    const declared = Object.fromEntries(apiRoutes().map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(declared).toEqual(EXPECTED);
  });

  it('allows and denies every route for every role as declared', async () => {
    const rows: string[] = [];
    for (const route of apiRoutes()) {
      const key = `${route.method} ${route.url}`;
      const url =
        route.url.replace(':planId', '1').replace(':year', '2022').replace(':no', route.url.endsWith('/contribution') ? '6' : '1').replace(':id', String(targetId)).replace(':date', '2027-03-01') +
        (route.url.endsWith('/contribution') && route.method === 'GET' ? '?period=2022-09' : '') +
        (route.url.endsWith('/periods') || route.url.endsWith('/work-plan-coverage') || route.url.endsWith('/status') || route.url.endsWith('/cockpit') ? '?year=2022' : route.url.endsWith('.xlsx') && route.url.includes('report-template') ? '?period=2022-09' : '');
      for (const who of ['anonymous', ...ROLES]) {
        const headers = who === 'anonymous' ? {} : (await sessionFor(who)).headers;
        const res = await app.inject({ method: route.method as 'GET', url, headers, ...(route.method === 'GET' ? {} : { payload: (BODIES[key] ?? {}) as object }) });
        const allowed = ALLOWED[route.access]!.includes(who);
        // A denial by the access rule, as opposed to a business answer such as LOGIN_FAILED.
        const code = res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json') ? (res.json().error?.code as string) : null;
        const denied = (res.statusCode === 401 && code === 'UNAUTHENTICATED') || (res.statusCode === 403 && code === 'FORBIDDEN');
        if (allowed === denied) rows.push(`${key} as ${who}: expected ${allowed ? 'allow' : 'deny'}, got ${res.statusCode} ${res.body.slice(0, 80)}`);
        if (key === 'POST /api/v1/auth/logout' && who !== 'anonymous') sessions.delete(who); // that session is gone
        if (key === 'POST /api/v1/admin/users/:id/reset-password' || key === 'POST /api/v1/admin/users/:id/disable') {
          await db.kysely.updateTable('user_account').set({ disabled: 0, must_change_password: 0 }).where('id', '=', targetId).execute();
        }
      }
    }
    expect(rows).toEqual([]);
  });

  it('audits every denial', async () => {
    const before = await db.kysely.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('outcome', '=', 'denied').executeTakeFirstOrThrow();
    const res = await app.inject({ url: '/api/v1/admin/audit' });
    expect(res.statusCode).toBe(401);
    const after = await db.kysely.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('outcome', '=', 'denied').executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });
});
