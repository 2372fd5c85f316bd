import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, TaskDetail, TaskSummary, UnitView, ZonesResponse } from '../../src/shared/api/plan-api.js';
import { createSeededApp } from '../support/test-app.js';
import { testDialect } from '../support/test-db.js';
import { createTestAccount, loginAs } from '../support/auth.js';

let app: FastifyInstance;
let close: () => Promise<void>;
let planId: number;
let webRoot: string;
let db: Awaited<ReturnType<typeof createSeededApp>>['db'];

beforeAll(async () => {
  webRoot = mkdtempSync(path.join(tmpdir(), 'sanqu-web-'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>三区</title><div id="root"></div>');
  ({ app, close, db } = await createSeededApp(webRoot));
  planId = (await app.inject('/api/v1/plans')).json().items[0].id;
});
afterAll(async () => {
  await close();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = async <T>(url: string): Promise<T> => {
  const res = await app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  return res.json() as T;
};
const tasks = async (query: string): Promise<number[]> =>
  (await get<{ items: TaskSummary[]; total: number }>(`/api/v1/plans/${planId}/tasks?${query}`)).items.map((t) => t.no);

describe(`plan browser API (${testDialect})`, () => {
  it('reports health with the database kind', async () => {
    expect(await get('/api/health')).toEqual({ status: 'ok', database: testDialect === 'pg' ? 'postgres' : 'sqlite', plans: 1, demo: false });
  });

  it('shows the plan with goals, categories and counts', async () => {
    const plan = await get<PlanDetail>(`/api/v1/plans/${planId}`);
    expect(plan).toMatchObject({ code: '江府〔2020〕8号', issuer: '江门市人民政府', issuedOn: '2020-02-28', version: 1, titleLine: 13 });
    expect(plan.goals.map((g) => g.year)).toEqual([2022, 2025, 2035]);
    expect(plan.counts).toMatchObject({ categories: 5, tasks: 36, milestones: 106, units: 40, zones: 3, counties: 7, towns: 73 });
    expect(plan.categories.map((c) => c.tasks.length)).toEqual([7, 6, 7, 6, 10]);
  });

  it('filters tasks by category, unit and role, county, year and text', async () => {
    expect(await tasks('')).toHaveLength(36);
    expect(await tasks('category=2')).toEqual([8, 9, 10, 11, 12, 13]);
    expect(await tasks(`unit=${encodeURIComponent('市发展改革局')}&role=lead`)).toEqual([1, 8, 21, 22, 27, 30]);
    expect(await tasks(`county=${encodeURIComponent('台山市')}&role=lead`)).toEqual([2, 5, 10, 24]);
    expect(await tasks(`q=${encodeURIComponent('智慧城市')}`)).toEqual([2, 3]);
    const y2021 = await tasks('year=2021');
    expect(y2021).toContain(4); // 2020-2022年 covers 2021
    expect(await tasks('year=2023')).toEqual([]);
    expect(await tasks(`year=2021&q=${encodeURIComponent('增减挂钩')}`)).toEqual([32]);
    const eco = await tasks('zone=eco');
    expect(eco).toEqual(expect.arrayContaining([14, 15, 16, 17, 18, 19, 20]));
    expect(eco).not.toContain(9); // 新会区政府 leads 9: 新会 has no eco towns, category 二 is the bay's
  });

  it('opens a task with milestones, targets whose spans point into the text, units and source lines', async () => {
    const t = await get<TaskDetail>(`/api/v1/plans/${planId}/tasks/6`);
    expect(t).toMatchObject({ no: 6, title: '着力培育新兴产业集群', line: 280, unitsLine: 292, separateLeads: false });
    expect(t.assignments[0]).toEqual({ unit: '市工业和信息化局', kind: 'municipalDepartment', role: 'lead' });
    expect(t.milestones.map((m) => [m.years, m.line])).toEqual([
      [[2020], 286],
      [[2021], 288],
      [[2022], 290],
    ]);
    const target = t.milestones[0]!.targets.find((g) => g.subject === '投资超亿元的产业项目')!;
    expect(target).toMatchObject({ comparator: '>=', value: 50, unit: '个', years: [2020] });
    expect(t.milestones[0]!.text.slice(...target.span)).toBe(target.text);
    const t2 = await get<TaskDetail>(`/api/v1/plans/${planId}/tasks/2`);
    expect(t2.separateLeads).toBe(true);
    expect(t2.leads).toHaveLength(6);
  });

  it('sends the task list and task pages gzipped to clients that accept it, the same JSON either way', async () => {
    for (const url of [`/api/v1/plans/${planId}/tasks`, `/api/v1/plans/${planId}/tasks/6`]) {
      const plain = await app.inject(url);
      const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toContain('accept-encoding');
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    }
    // A filtered list is built per request and sent as it is.
    const filtered = await app.inject({ url: `/api/v1/plans/${planId}/tasks?category=2`, headers: { 'accept-encoding': 'gzip' } });
    expect(filtered.headers['content-encoding']).toBeUndefined();
    expect(filtered.json().total).toBe(6);
  });

  it('answers unknown ids with 404 and bad parameters with 400 naming the parameter', async () => {
    const noPlan = await app.inject('/api/v1/plans/999/tasks/1');
    expect(noPlan.statusCode).toBe(404);
    expect(noPlan.json()).toEqual({ error: { code: 'NOT_FOUND', message: '规划（编号 999）不存在' } });
    const noTask = await app.inject(`/api/v1/plans/${planId}/tasks/37`);
    expect(noTask.statusCode).toBe(404);
    expect(noTask.json().error.message).toBe('任务 37不存在');
    for (const [query, field] of [
      ['year=abc', 'year'],
      ['role=boss', 'role'],
      ['zone=city', 'zone'],
      ['category=0', 'category'],
    ]) {
      const res = await app.inject(`/api/v1/plans/${planId}/tasks?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toContain(`查询参数“${field}”无效`);
    }
    const badId = await app.inject('/api/v1/plans/abc');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toContain('路径参数“planId”');
    const unknown = await app.inject('/api/v1/nothing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });

  it('lists zones with counties, towns, codes and extension towns', async () => {
    const z = await get<ZonesResponse>(`/api/v1/plans/${planId}/zones`);
    expect(z.zones.map((x) => [x.code, x.counties.reduce((n, c) => n + c.towns.length, 0)])).toEqual([
      ['core', 36],
      ['bay', 16],
      ['eco', 21],
    ]);
    expect(z.counties.find((c) => c.name === '台山市')).toEqual({ name: '台山市', code: '440781', towns: 17, zoneTowns: { core: 7, bay: 10, eco: 0 } });
    expect(z.zones[0]!.extensionTowns.map((e) => `${e.county}${e.town}/${e.zone}`)).toEqual(['恩平市恩城街道/eco', '恩平市东城镇/eco', '恩平市大槐镇/eco']);
    const enping = z.zones[2]!.counties.find((c) => c.name === '恩平市')!;
    expect(enping.towns.find((t) => t.name === '东城镇')).toMatchObject({ officialName: '东成镇', code: '440785109000', extendedTo: ['core'] });
  });

  it('lists the 40 units with the tasks each leads or supports', async () => {
    const { items } = await get<{ items: UnitView[] }>(`/api/v1/plans/${planId}/units`);
    expect(items).toHaveLength(40);
    expect(items.filter((u) => u.kind === 'countyGovernment')).toHaveLength(7);
    const ndrc = items.find((u) => u.name === '市发展改革局')!;
    expect(ndrc.leads).toEqual([1, 8, 21, 22, 27, 30]);
    expect(items.find((u) => u.name === '市政务服务数据管理局')!.aliases).toContain('市政服务服数据管理局');
  });

  it('lists the import diagnostics with their lines, to the plan office but not to the public', async () => {
    const anonymous = await app.inject(`/api/v1/plans/${planId}/diagnostics`);
    expect(anonymous.statusCode).toBe(401);
    await createTestAccount(db.kysely, 'office1', ['planOffice']);
    const session = await loginAs(app, 'office1');
    const res = await app.inject({ url: `/api/v1/plans/${planId}/diagnostics`, headers: session.headers });
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: { code: string; line: number; message: string }[] };
    expect(items.find((d) => d.code === 'division.townNameDiffers')).toMatchObject({ line: 192 });
    expect(items.find((d) => d.code === 'target.suspicious')).toMatchObject({ line: 236 });
  });

  it('exports the 分工表 as a real xlsx laid out like 附件2', async () => {
    const res = await app.inject(`/api/v1/plans/${planId}/export/division-of-labour.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('重点任务分工表')!;
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '重点事项', '工作任务', '三年工作计划', '责任单位', '量化目标', '原文行号']);
    const rows: { no: number; title: string; plan: string; targets: string }[] = [];
    ws.eachRow((row, n) => {
      if (n > 3 && typeof row.getCell(1).value === 'number') {
        rows.push({ no: row.getCell(1).value as number, title: String(row.getCell(2).value), plan: String(row.getCell(4).value), targets: String(row.getCell(6).value ?? '') });
      }
    });
    expect(rows.map((r) => r.no)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(rows[5]!.title).toBe('着力培育新兴产业集群');
    expect(rows[5]!.plan.split('\n')).toHaveLength(3);
    expect(rows[5]!.targets).toContain('投资超亿元的产业项目 ≥ 50个（2020年）');
  });

  it('serves the web app for page paths and keeps API 404s as JSON', async () => {
    const page = await app.inject('/tasks/6');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="root">');
    const docs = await app.inject('/api/docs/json');
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toContain('/api/v1/plans/{planId}/tasks/{no}');
  });
});
