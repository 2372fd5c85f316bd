import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../src/shared/api/report-api.js';
import type { Db } from '../../src/server/db/database.js';
import { createTestAccount, loginAs, type Session } from '../support/auth.js';
import { createSeededApp } from '../support/test-app.js';
import { testDialect } from '../support/test-db.js';

let app: FastifyInstance;
let db: Db;
let close: () => Promise<void>;
const now = new Date('2022-10-09T02:00:00Z'); // within the 2022-09 reporting window
const s: Record<string, Session> = {};

async function account(login: string, roles: string[], unit: string | null): Promise<void> {
  const id = await createTestAccount(db.kysely, login, roles, now);
  await db.kysely.updateTable('user_account').set({ unit_name: unit }).where('id', '=', id).execute();
  s[login] = await loginAs(app, login);
}

beforeAll(async () => {
  ({ app, db, close } = await createSeededApp(null, { clock: () => now }));
  await account('gxj-reporter', ['reporter'], '市工业和信息化局');
  await account('gxj-head', ['unitHead'], '市工业和信息化局');
  await account('kjj-reporter', ['reporter'], '市科技局');
  await account('zrzy-reporter', ['reporter'], '市自然资源局');
  await account('office', ['planOffice'], '市发展改革局');
});
afterAll(async () => {
  await close();
});

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: Record<string, string> = {}) =>
  app.inject({ method, url: `/api/v1${url}`, headers: { ...s[who]!.headers, ...headers }, ...(payload ? { payload } : {}) });

async function open(who: string, taskNo: number, period: string): Promise<ReportDetail> {
  const res = await call(who, 'POST', '/plans/1/reports', { taskNo, period });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as ReportDetail;
}

describe(`progress reports (${testDialect})`, () => {
  it('computes deadlines in working days, holidays and 调休 included', async () => {
    const res = await call('office', 'GET', '/plans/1/periods?year=2026');
    const sept = res.json().items.find((p: { code: string }) => p.code === '2026-09');
    expect(sept).toMatchObject({ dueDate: '2026-10-13', lockDate: '2026-10-13', label: '2026年9月' });
    const y2022 = (await call('office', 'GET', '/plans/1/periods?year=2022')).json().items.find((p: { code: string }) => p.code === '2022-09');
    expect(y2022.dueDate).toBe('2022-10-12'); // 10-1…10-7 off, 10-8 and 10-9 worked in lieu
  });

  it('runs draft → submitted → approved → returned → resubmitted → accepted, then refuses edits', async () => {
    const r = await open('gxj-reporter', 6, '2022-09');
    expect(r).toMatchObject({ status: 'draft', version: 1, unit: '市工业和信息化局', revision: 1 });
    expect(r.milestones.map((m) => m.years)).toEqual([[2022]]);
    const projects = r.targets.find((t) => t.subject === '投资超亿元的产业项目')!;
    const saved = await call('gxj-reporter', 'PUT', `/reports/${r.id}`, {
      version: 1,
      percentComplete: 75,
      problems: '部分项目用地指标不足',
      coordination: '请市自然资源局协调用地指标',
      milestones: [{ milestoneId: r.milestones[0]!.milestoneId, status: 'inProgress', narrative: '已举办推介会1场' }],
      values: [{ targetId: projects.targetId, value: 38 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const v2 = saved.json() as ReportDetail;
    expect(v2.version).toBe(2);
    expect(v2.targets.find((t) => t.targetId === projects.targetId)!.reported).toBe(38);

    const submitted = await call('gxj-reporter', 'POST', `/reports/${r.id}/submit`, { version: 2 });
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().late).toBe(false);
    expect((await call('gxj-reporter', 'PUT', `/reports/${r.id}`, { version: 3, problems: 'x' })).statusCode).toBe(409);
    // Only the unit head approves, and only the plan office accepts.
    expect((await call('office', 'POST', `/reports/${r.id}/accept`, { version: 3 })).statusCode).toBe(409);
    expect((await call('gxj-reporter', 'POST', `/reports/${r.id}/approve`, { version: 3 })).statusCode).toBe(403);
    const approved = await call('gxj-head', 'POST', `/reports/${r.id}/approve`, { version: 3 });
    expect(approved.json().status).toBe('approved');
    const returned = await call('office', 'POST', `/reports/${r.id}/return-by-plan-office`, { version: 4, reason: '请补充项目清单' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请补充项目清单' });

    const seen = (await call('gxj-reporter', 'GET', `/reports/${r.id}`)).json() as ReportDetail;
    expect(seen.returnReason).toBe('请补充项目清单');
    await call('gxj-reporter', 'PUT', `/reports/${r.id}`, { version: 5, nextSteps: '附项目清单' });
    await call('gxj-reporter', 'POST', `/reports/${r.id}/submit`, { version: 6 });
    await call('gxj-head', 'POST', `/reports/${r.id}/approve`, { version: 7 });
    const accepted = await call('office', 'POST', `/reports/${r.id}/accept`, { version: 8 });
    expect(accepted.json()).toMatchObject({ status: 'accepted', returnReason: null, version: 9 });

    const edit = await call('gxj-reporter', 'PUT', `/reports/${r.id}`, { version: 9, problems: '改' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('已采纳');
    const correction = await call('gxj-reporter', 'POST', `/reports/${r.id}/correct`, { reason: '项目数统计口径调整' });
    expect(correction.json()).toMatchObject({ revision: 2, status: 'draft', supersedesId: r.id, correctionReason: '项目数统计口径调整' });
    expect(correction.json().targets.find((t: { targetId: number }) => t.targetId === projects.targetId).reported).toBe(38);
    expect(correction.json().revisions.map((x: { status: string }) => x.status)).toEqual(['accepted', 'draft']);

    const trail = await db.kysely.selectFrom('audit_event').select('action').where('object_type', '=', 'report').orderBy('seq').execute();
    expect(trail.map((t) => t.action)).toEqual([
      'report.create', 'report.save', 'report.submit', 'report.approve', 'report.return', 'report.save', 'report.submit', 'report.approve', 'report.accept', 'report.correct',
    ]);
  });

  it('keeps other units out: no reading of a draft, no report on a task the unit does not hold', async () => {
    const r = await open('gxj-reporter', 7, '2022-09');
    const peek = await call('kjj-reporter', 'GET', `/reports/${r.id}`);
    expect(peek.statusCode).toBe(403);
    expect((await call('office', 'GET', `/reports/${r.id}`)).statusCode).toBe(403); // a draft is the unit's own
    const foreign = await call('kjj-reporter', 'POST', '/plans/1/reports', { taskNo: 6, period: '2022-09' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.message).toContain('不是任务6的责任单位');
    const list = (await call('kjj-reporter', 'GET', '/plans/1/reports?period=2022-09')).json();
    expect(list.items).toEqual([]);
  });

  it('rejects a stale version, a fraction of a count, a percentage over 100, a negative area and a text value, naming the field', async () => {
    const r = await open('gxj-reporter', 7, '2022-09');
    const growth = r.targets.find((t) => t.unit === '%')!;
    const benchmarks = r.targets.find((t) => t.subject === '工业互联应用标杆')!;
    const stale = await call('gxj-reporter', 'PUT', `/reports/${r.id}`, { version: r.version + 5, problems: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(r.version);
    const pct = await call('gxj-reporter', 'PUT', `/reports/${r.id}`, { version: r.version, values: [{ targetId: growth.targetId, value: 120 }] });
    expect(pct.statusCode).toBe(400);
    expect(pct.json().error.details.issues[0].field).toBe(`values[${growth.targetId}]`);
    expect(pct.json().error.message).toContain('百分比须在0到100之间');
    const frac = await call('gxj-reporter', 'PUT', `/reports/${r.id}`, { version: r.version, values: [{ targetId: benchmarks.targetId, value: 2.5 }] });
    expect(frac.json().error.message).toContain('须为整数（个）');
    const text = await call('gxj-reporter', 'PUT', `/reports/${r.id}`, { version: r.version, values: [{ targetId: benchmarks.targetId, value: '三个' }] });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toContain('values.0.value');

    // A growth rate may fall below zero; a share may not.
    const fall = await call('gxj-reporter', 'PUT', `/reports/${r.id}`, { version: r.version, values: [{ targetId: growth.targetId, value: -2.5 }] });
    expect(fall.statusCode, fall.body).toBe(200);
    expect((fall.json() as ReportDetail).targets.find((t) => t.targetId === growth.targetId)!.reported).toBe(-2.5);

    const land = await open('zrzy-reporter', 31, '2022-09');
    const area = land.targets.find((t) => t.unit === '亩')!;
    const neg = await call('zrzy-reporter', 'PUT', `/reports/${land.id}`, { version: land.version, values: [{ targetId: area.targetId, value: -5 }] });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.message).toContain('不能为负数');
    expect(((await call('zrzy-reporter', 'GET', `/reports/${land.id}`)).json() as ReportDetail).version).toBe(land.version); // nothing changed
  });

  it('refuses a report for a locked period, naming the deadline', async () => {
    const res = await call('gxj-reporter', 'POST', '/plans/1/reports', { taskNo: 17, period: '2022-08' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('截止');
    expect(res.json().error.details.dueDate).toBe('2022-09-07');
  });

  it('answers a retried submission with the same result (Idempotency-Key)', async () => {
    const r = await open('gxj-reporter', 17, '2022-09');
    const key = { 'idempotency-key': 'retry-test-0001' };
    const first = await call('gxj-reporter', 'POST', `/reports/${r.id}/submit`, { version: r.version }, key);
    const again = await call('gxj-reporter', 'POST', `/reports/${r.id}/submit`, { version: r.version }, key);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const submits = await db.kysely.selectFrom('audit_event').select('id').where('action', '=', 'report.submit').where('object_id', '=', String(r.id)).execute();
    expect(submits).toHaveLength(1);
  });

  it('lets a cooperating unit contribute to the lead’s report', async () => {
    await account('fgj-reporter', ['reporter'], '市发展改革局');
    const draft = await call('fgj-reporter', 'PUT', '/plans/1/tasks/6/contribution', { period: '2022-09', text: '协调重大项目用地' });
    expect(draft.json()).toMatchObject({ status: 'draft', version: 1 });
    expect((await open('gxj-reporter', 6, '2022-09')).contributions).toEqual([]); // a draft stays with its unit
    const res = await call('fgj-reporter', 'PUT', '/plans/1/tasks/6/contribution', { period: '2022-09', text: '协调重大项目用地指标3宗', submit: true });
    expect(res.statusCode, res.body).toBe(200);
    const lead = await open('gxj-reporter', 6, '2022-09');
    expect(lead.contributions).toEqual([expect.objectContaining({ unit: '市发展改革局', text: '协调重大项目用地指标3宗', status: 'submitted' })]);
    const own = await call('fgj-reporter', 'GET', '/plans/1/tasks/6/contribution?period=2022-09');
    expect(own.json().item).toMatchObject({ unit: '市发展改革局', status: 'submitted', text: '协调重大项目用地指标3宗' });
    expect((await call('fgj-reporter', 'GET', '/plans/1/tasks/6/contribution?period=2022-08')).json().item).toBeNull();
    const notCoop = await call('gxj-reporter', 'PUT', '/plans/1/tasks/6/contribution', { period: '2022-09', text: 'x' });
    expect(notCoop.statusCode).toBe(403);
  });

  it('ends with exactly one report per (task, unit, period) under parallel submitters with retries', async () => {
    const reporters = ['par1', 'par2', 'par3', 'par4'];
    for (const login of reporters) await account(login, ['reporter'], '市工业和信息化局');
    const acknowledged: number[] = [];
    await Promise.all(
      reporters.flatMap((login) =>
        [0, 1, 2].map(async (attempt) => {
          for (let retry = 0; retry < 10; retry++) {
            const opened = await call(login, 'POST', '/plans/1/reports', { taskNo: 6, period: '2022-10' });
            if (opened.statusCode >= 300) continue;
            const r = opened.json() as ReportDetail;
            if (r.status !== 'draft') return;
            const sub = await call(login, 'POST', `/reports/${r.id}/submit`, { version: r.version }, { 'idempotency-key': `${login}-${attempt}-${r.version}` });
            if (sub.statusCode === 200) {
              acknowledged.push(r.id);
              return;
            }
            expect(sub.statusCode).toBe(409);
          }
        }),
      ),
    );
    const rows = await db.kysely.selectFrom('report').select(['id', 'status']).where('task_no', '=', 6).where('period', '=', '2022-10').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('submitted');
    expect(acknowledged.length).toBeGreaterThanOrEqual(1);
    expect(new Set(acknowledged)).toEqual(new Set([rows[0]!.id]));
  });
});
