import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail, WorkPlanView } from '../../src/shared/api/report-api.js';
import type { Db } from '../../src/server/db/database.js';
import { sendDailyDigest, type Notifier } from '../../src/server/modules/inbox/inbox.service.js';
import { createTestAccount, loginAs, type Session } from '../support/auth.js';
import { createSeededApp } from '../support/test-app.js';
import { testDialect } from '../support/test-db.js';

let app: FastifyInstance;
let db: Db;
let close: () => Promise<void>;
let now = new Date('2022-10-09T02:00:00Z');
const s: Record<string, Session> = {};

async function account(login: string, roles: string[], unit: string | null): Promise<void> {
  const id = await createTestAccount(db.kysely, login, roles, now);
  await db.kysely.updateTable('user_account').set({ unit_name: unit }).where('id', '=', id).execute();
  s[login] = await loginAs(app, login);
}

beforeAll(async () => {
  ({ app, db, close } = await createSeededApp(null, { clock: () => now }));
  await account('gxj', ['reporter'], '市工业和信息化局');
  await account('gxj-head', ['unitHead'], '市工业和信息化局');
  await account('fgj', ['reporter'], '市发展改革局');
  await account('office', ['planOffice'], '市发展改革局');
  await account('kpzf', ['reporter'], '开平市政府');
  await account('hszf', ['reporter'], '鹤山市政府');
  await account('sys', ['systemAdmin'], null);
});
afterAll(async () => {
  await close();
});

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object | Buffer, headers: Record<string, string> = {}) =>
  app.inject({ method, url: `/api/v1${url}`, headers: { ...s[who]!.headers, ...headers }, ...(payload ? { payload } : {}) });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe(`evidence files (${testDialect})`, () => {
  it('accepts pdf/png/xlsx by content, refuses a disguised or oversized file, and serves it back', async () => {
    const r = (await call('gxj', 'POST', '/plans/1/reports', { taskNo: 7, period: '2022-09' })).json() as ReportDetail;
    const upload = (name: string, body: Buffer) => call('gxj', 'POST', `/reports/${r.id}/evidence`, body, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) });
    expect((await upload('上云宣讲会签到表.pdf', PDF)).statusCode).toBe(200);
    expect((await upload('现场照片.png', PNG)).statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('清单').addRow(['企业', '上云']);
    const xlsx = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await upload('企业清单.xlsx', xlsx)).statusCode).toBe(200);

    const exe = await upload('报告.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toContain('不是允许的类型');
    const renamed = await upload('照片.jpg', PDF);
    expect(renamed.json().error.message).toContain('扩展名与内容不符');
    const big = await upload('大文件.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);

    const detail = (await call('gxj', 'GET', `/reports/${r.id}`)).json() as ReportDetail;
    expect(detail.evidence.map((e) => [e.fileName, e.mimeType])).toEqual([
      ['上云宣讲会签到表.pdf', 'application/pdf'],
      ['现场照片.png', 'image/png'],
      ['企业清单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    // A correction of the accepted report keeps its evidence.
    const head = await loginAs(app, 'gxj-head');
    const office = await loginAs(app, 'office');
    let v = detail.version;
    await call('gxj', 'POST', `/reports/${r.id}/submit`, { version: v++ });
    await app.inject({ method: 'POST', url: `/api/v1/reports/${r.id}/approve`, headers: head.headers, payload: { version: v++ } });
    await app.inject({ method: 'POST', url: `/api/v1/reports/${r.id}/accept`, headers: office.headers, payload: { version: v++ } });
    const corrected = (await call('gxj', 'POST', `/reports/${r.id}/correct`, { reason: '补充材料' })).json() as ReportDetail;
    expect(corrected.evidence.map((e) => e.fileName)).toEqual(detail.evidence.map((e) => e.fileName));
    const down = await call('gxj', 'GET', `/evidence/${detail.evidence[0]!.id}`);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect((await call('fgj', 'GET', `/evidence/${detail.evidence[0]!.id}`)).statusCode).toBe(403);
  });
});

describe(`我的待办 and the inbox (${testDialect})`, () => {
  it('lists due reports, contributions asked, approvals and decisions, and notifies the next person', async () => {
    const gxjTodo = (await call('gxj', 'GET', '/plans/1/todo')).json().items as { kind: string; taskNo: number; period: string; dueDate: string }[];
    // 市工业和信息化局 leads tasks 5, 6, 7 and 17 (all with 2022 work) and cooperates on 1, 2, 8, 9, 10, 27, 31, 34.
    expect(gxjTodo.filter((i) => i.kind === 'due').map((i) => i.taskNo)).toEqual(expect.arrayContaining([5, 6, 7, 17]));
    expect(gxjTodo.find((i) => i.kind === 'due')).toMatchObject({ period: '2022-09', dueDate: '2022-10-12' });
    expect(gxjTodo.filter((i) => i.kind === 'contribution').map((i) => i.taskNo)).toEqual(expect.arrayContaining([1, 8, 27]));

    const r = (await call('gxj', 'POST', '/plans/1/reports', { taskNo: 6, period: '2022-09' })).json() as ReportDetail;
    await call('gxj', 'POST', `/reports/${r.id}/submit`, { version: r.version });
    expect((await call('gxj', 'GET', '/plans/1/todo')).json().items.some((i: { kind: string; taskNo: number }) => i.kind === 'due' && i.taskNo === 6)).toBe(false);
    const headTodo = (await call('gxj-head', 'GET', '/plans/1/todo')).json().items;
    expect(headTodo).toEqual([expect.objectContaining({ kind: 'approve', taskNo: 6, reportId: r.id })]);
    const headInbox = (await call('gxj-head', 'GET', '/inbox')).json();
    expect(headInbox.unread).toBe(headInbox.items.filter((i: { read: boolean }) => !i.read).length);
    expect(headInbox.items[0].title).toContain('待审核：任务6');

    await call('gxj-head', 'POST', `/reports/${r.id}/approve`, { version: r.version + 1 });
    expect((await call('office', 'GET', '/plans/1/todo')).json().items).toEqual([expect.objectContaining({ kind: 'decide', taskNo: 6 })]);
    await call('office', 'POST', `/reports/${r.id}/return-by-plan-office`, { version: r.version + 2, reason: '数据口径不一致' });
    const returned = (await call('gxj', 'GET', '/plans/1/todo')).json().items.find((i: { kind: string }) => i.kind === 'returned');
    expect(returned).toMatchObject({ taskNo: 6, reportId: r.id });
    expect((await call('gxj', 'GET', '/inbox')).json().items[0].body).toContain('数据口径不一致');

    // After the deadline the missing reports are overdue.
    now = new Date('2022-10-13T02:00:00Z');
    s.gxj = await loginAs(app, 'gxj'); // four idle days ended the earlier session
    expect((await call('gxj', 'GET', '/plans/1/todo')).json().items.some((i: { kind: string; taskNo: number }) => i.kind === 'overdue' && i.taskNo === 7)).toBe(true);
    now = new Date('2022-10-09T02:00:00Z');
  });

  it('sends one daily digest per user instead of a message per event, through the (off by default) notifier', async () => {
    const delivered: string[] = [];
    const spy: Notifier = { name: 'test', deliver: async (to, subject) => void delivered.push(`${to.login}: ${subject}`) };
    const users = await sendDailyDigest(db.kysely, now, spy);
    expect(users).toBeGreaterThanOrEqual(2);
    expect(delivered.find((d) => d.startsWith('gxj:'))).toMatch(/每日待办提醒：\d+条未读消息/);
    expect(await sendDailyDigest(db.kysely, now, spy)).toBe(0); // nothing new to digest
    const read = await call('gxj', 'POST', '/inbox/read', { ids: 'all' });
    expect(read.statusCode).toBe(200);
    expect((await call('gxj', 'GET', '/inbox')).json().unread).toBe(0);
  });
});

describe(`county annual work plans (${testDialect})`, () => {
  it('lets counties plan their share of city targets and shows the coverage with a shortfall warning', async () => {
    const kp = (await call('kpzf', 'POST', '/plans/1/work-plans', { year: 2022 })).json() as WorkPlanView;
    expect(kp).toMatchObject({ unit: '开平市政府', year: 2022, status: 'draft', version: 1 });
    const ms = kp.milestones.find((m) => m.targets.some((t) => t.subject === '新增“三旧”改造面积'))!;
    expect(ms.taskNo).toBe(31);
    const threeOld = ms.targets.find((t) => t.subject === '新增“三旧”改造面积')!;
    const save = (who: string, plan: WorkPlanView, share: number) =>
      call(who, 'PUT', `/work-plans/${plan.id}`, { version: plan.version, milestones: [{ milestoneId: ms.milestoneId, action: '推进旧厂房改造', shares: [{ targetId: threeOld.targetId, share }] }] });
    const bad = await save('kpzf', kp, -10);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('不能为负数');
    const saved = (await save('kpzf', kp, 800)).json() as WorkPlanView;
    expect(saved.milestones.find((m) => m.milestoneId === ms.milestoneId)!.targets.find((t) => t.targetId === threeOld.targetId)!.share).toBe(800);
    await call('kpzf', 'POST', `/work-plans/${kp.id}/submit`, { version: saved.version });

    const hs = (await call('hszf', 'POST', '/plans/1/work-plans', { year: 2022 })).json() as WorkPlanView;
    const hsSaved = (await save('hszf', hs, 700)).json() as WorkPlanView;
    await call('hszf', 'POST', `/work-plans/${hs.id}/submit`, { version: hsSaved.version });

    const cov = (await call('office', 'GET', '/plans/1/work-plan-coverage?year=2022')).json();
    const item = cov.items.find((i: { targetId: number }) => i.targetId === threeOld.targetId);
    expect(item).toMatchObject({ cityValue: 3000, total: 1500, ratio: 0.5, shortfall: true });
    expect(item.counties.map((c: { unit: string }) => c.unit).sort()).toEqual(['开平市政府', '鹤山市政府']);

    const accepted = await call('office', 'POST', `/work-plans/${kp.id}/accept`, { version: saved.version + 1 });
    expect(accepted.json().status).toBe('accepted');
    expect((await call('gxj', 'POST', '/plans/1/work-plans', { year: 2022 })).statusCode).toBe(403); // not a county
    expect((await call('hszf', 'PUT', `/work-plans/${kp.id}`, { version: 3, milestones: [] })).statusCode).toBe(403);
  });
});

describe(`deadlines the plan office and administrators adjust (${testDialect})`, () => {
  it('opens a locked period for one unit, and takes calendar overrides into the deadlines', async () => {
    expect((await call('gxj', 'POST', '/plans/1/reports', { taskNo: 17, period: '2022-08' })).statusCode).toBe(409);
    const grant = await call('office', 'POST', '/plans/1/period-exceptions', { period: '2022-08', unit: '市工业和信息化局', untilDate: '2022-10-20', reason: '系统故障补报' });
    expect(grant.statusCode).toBe(200);
    expect((await call('gxj', 'POST', '/plans/1/reports', { taskNo: 17, period: '2022-08' })).statusCode).toBe(201);
    expect((await call('fgj', 'POST', '/plans/1/reports', { taskNo: 1, period: '2022-08' })).statusCode).toBe(409); // only for that unit

    const before = (await call('office', 'GET', '/plans/1/periods?year=2027')).json();
    expect(before.calendarKnown).toBe(false);
    const jan = (p: { items: { code: string; dueDate: string }[] }) => p.items.find((x) => x.code === '2027-01')!.dueDate;
    expect(jan(before)).toBe('2027-02-05');
    const set = await call('sys', 'PUT', '/calendar/overrides/2027-02-03', { kind: 'holiday', name: '测试假日' });
    expect(set.statusCode).toBe(200);
    expect(jan((await call('office', 'GET', '/plans/1/periods?year=2027')).json())).toBe('2027-02-08');
    expect((await call('office', 'PUT', '/calendar/overrides/2027-02-04', { kind: 'holiday', name: 'x' })).statusCode).toBe(403);
  });
});
