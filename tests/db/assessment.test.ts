import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentResults, Scheme } from '../../src/shared/api/assessment-api.js';
import { runAssessment } from '../../src/cli/assessment-commands.js';
import type { Db } from '../../src/server/db/database.js';
import { buildDemo } from '../../src/server/demo.js';
import { createTestAccount, loginAs, type Session } from '../support/auth.js';
import { createSeededApp } from '../support/test-app.js';
import { createTestDb, testDialect } from '../support/test-db.js';

let app: FastifyInstance;
let db: Db;
let close: () => Promise<void>;
const now = new Date('2023-01-10T02:00:00Z');
const s: Record<string, Session> = {};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Entered (not derived) indicators of the bundled catalogue: 3 common + 7 + 5 + 6 zone ones. */
const ENTERED = 21;
const COUNTIES = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'];

beforeAll(async () => {
  ({ app, db, close } = await createSeededApp(null, { clock: () => now }));
  for (const [login, roles, unit] of [
    ['office', ['planOffice'], '市发展改革局'],
    ['leader', ['leader'], null],
    ['tsrep', ['reporter'], '台山市政府'],
    ['tshead', ['unitHead'], '台山市政府'],
  ] as const) {
    const id = await createTestAccount(db.kysely, login, [...roles], now);
    await db.kysely.updateTable('user_account').set({ unit_name: unit }).where('id', '=', id).execute();
    s[login] = await loginAs(app, login);
  }
});
afterAll(async () => {
  await close();
});

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const upload = (who: string, body: Buffer, contentType: string, fileName: string) =>
  app.inject({ method: 'POST', url: `/api/v1/plans/1/assessment/values/import?fileName=${encodeURIComponent(fileName)}`, headers: { ...s[who]!.headers, 'content-type': contentType }, payload: body });
const count = async (table: 'assessment_value' | 'audit_event' | 'assessment_scheme'): Promise<number> =>
  Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const auditActions = async (): Promise<string[]> => (await db.kysely.selectFrom('audit_event').select('action').where('action', 'like', 'assessment.%').execute()).map((r) => r.action);

/** Every entered indicator for every county, as an .xlsx the statistics bureau would send. */
async function fullWorkbook(year: number): Promise<Buffer> {
  const indicators = (await call('office', 'GET', '/assessment/indicators')).json().items as { code: string; source: string; unit: string; active: boolean }[];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核数据');
  ws.addRow(['年度', '县级行政区', '指标代码', '数值', '目标值']);
  COUNTIES.forEach((county, ci) =>
    indicators
      .filter((i) => i.source === 'entered' && i.active)
      .forEach((i, ii) => {
        const v = ['个', '件', '项', '人'].includes(i.unit) ? 3 + ci * 2 + ii : Math.round((5 + ci * 3.7 + ii * 1.3) * 10) / 10;
        ws.addRow([year, county, i.code, v, i.unit === '%' ? 10 : null]);
      }),
  );
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe(`assessment: zones, indicators and derived values (${testDialect})`, () => {
  it('profiles each county by its towns in 附件1 (台山市 7/17 core, 10/17 bay) and finds the primary zones', async () => {
    const r = (await call('office', 'GET', '/plans/1/assessment/2022/results')).json() as AssessmentResults;
    expect(r.counties.map((c) => c.county)).toEqual(COUNTIES);
    const taishan = r.counties.find((c) => c.county === '台山市')!;
    expect(taishan.profile).toEqual([
      { zone: 'core', towns: 7, of: 17, share: 7 / 17 },
      { zone: 'bay', towns: 10, of: 17, share: 10 / 17 },
    ]);
    // 恩平市's towns borrow 都市核心区 policies (区域政策延伸), but they are not 都市核心区 towns.
    expect(r.counties.find((c) => c.county === '恩平市')!.profile).toEqual([
      { zone: 'bay', towns: 1, of: 11, share: 1 / 11 },
      { zone: 'eco', towns: 10, of: 11, share: 10 / 11 },
    ]);
    expect(Object.fromEntries(r.counties.map((c) => [c.county, c.primaryZone]))).toEqual({ 蓬江区: 'core', 江海区: 'core', 新会区: 'core', 台山市: 'bay', 开平市: 'eco', 鹤山市: 'core', 恩平市: 'eco' });
    expect(r.counties.find((c) => c.county === '鹤山市')!.zoneSize).toBe(4);
    expect(r).toMatchObject({ schemeVersion: 0, published: false, weighting: 'blended', method: 'efficacy' });
  });

  it('serves the catalogue; the plan office adds and edits indicators, derived ones keep their rule; audited', async () => {
    const items = (await call('tsrep', 'GET', '/assessment/indicators')).json().items as { code: string; group: string; source: string; derivation: string | null; planLine: number | null; direction: string }[];
    expect(items.filter((i) => i.group === 'core')).toHaveLength(7);
    expect(items.filter((i) => i.group === 'bay')).toHaveLength(5);
    expect(items.filter((i) => i.group === 'eco')).toHaveLength(6);
    expect(items.filter((i) => i.source === 'derived').map((i) => i.derivation)).toEqual(['leadTargetsAttained', 'countyOnTimeRate', 'openRedLights']);
    expect(items.find((i) => i.code === 'ECO_RESOURCE_CONSUMPTION')).toMatchObject({ direction: 'negative', planLine: 91 });
    expect(items.find((i) => i.code === 'COMMON_OPEN_RED_LIGHTS')).toMatchObject({ direction: 'negative' });

    const created = await call('office', 'POST', '/assessment/indicators', { code: 'BAY_PORT_THROUGHPUT', name: '港口货物吞吐量', unit: '万吨', direction: 'positive', group: 'bay', definition: '港口本年完成的货物吞吐量。' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ source: 'entered', derivation: null, active: true, planLine: null });
    expect((await call('office', 'POST', '/assessment/indicators', { code: 'BAY_PORT_THROUGHPUT', name: '重复', unit: '万吨', direction: 'positive', group: 'bay', definition: '重复的代码' })).statusCode).toBe(409);
    const off = await call('office', 'PUT', '/assessment/indicators/BAY_PORT_THROUGHPUT', { name: '港口货物吞吐量', unit: '万吨', direction: 'positive', definition: '港口本年完成的货物吞吐量。', active: false });
    expect(off.json().active).toBe(false);
    const edited = await call('office', 'PUT', '/assessment/indicators/COMMON_ONTIME_REPORTING', { name: '进展报告按时报送率', unit: '%', direction: 'positive', definition: '按时报送的进展报告占应报送数的百分比。', active: true });
    expect(edited.json()).toMatchObject({ source: 'derived', derivation: 'countyOnTimeRate', definition: '按时报送的进展报告占应报送数的百分比。' });
    expect((await call('tsrep', 'POST', '/assessment/indicators', { code: 'X_Y', name: '某指标', unit: '', direction: 'positive', group: 'bay', definition: '某指标' })).statusCode).toBe(403);
    expect(await auditActions()).toEqual(expect.arrayContaining(['assessment.indicator.create', 'assessment.indicator.update']));
  });

  it('computes derived values live for every county government, with the inputs in Chinese', async () => {
    const v = (await call('office', 'GET', '/plans/1/assessment/2022/values')).json();
    expect(v.counties).toEqual(COUNTIES);
    // Before publication a county's staff see their own county's values only.
    const own = (await call('tsrep', 'GET', '/plans/1/assessment/2022/values')).json();
    expect(own.counties).toEqual(COUNTIES);
    expect(new Set(own.items.map((i: { county: string }) => i.county))).toEqual(new Set(['台山市']));
    expect(own.items).toHaveLength(v.items.filter((i: { county: string }) => i.county === '台山市').length);
    const derived = v.items.filter((i: { origin: { kind: string } | null }) => i.origin?.kind === 'derived');
    expect(derived).toHaveLength(7 * 3);
    const ts = (code: string) => derived.find((i: { county: string; code: string }) => i.county === '台山市' && i.code === code);
    expect(ts('COMMON_LEAD_TARGETS_ATTAINED').origin.text).toMatch(/^台山市政府牵头任务2022年量化目标 \d+ 项，已达成 \d+ 项（截至2022年已采纳报告）$/);
    expect(ts('COMMON_ONTIME_REPORTING')).toMatchObject({ value: 0 });
    expect(ts('COMMON_ONTIME_REPORTING').origin.text).toMatch(/应报送进展报告 \d+ 份，按时 0 份/);
    expect(ts('COMMON_OPEN_RED_LIGHTS').origin.text).toContain('红灯');
    expect(typeof ts('COMMON_OPEN_RED_LIGHTS').value).toBe('number');
  });
});

describe(`assessment: schemes, values and import (${testDialect})`, () => {
  it('proposes a default scheme, saves versions and refuses a stale or invalid save', async () => {
    const d = (await call('office', 'GET', '/plans/1/assessment/2022/scheme')).json() as Scheme;
    expect(d).toMatchObject({ version: 0, status: 'draft', savedAt: null, history: [] });
    expect(d.weights.filter((w) => w.code === 'COMMON_GDP_GROWTH').map((w) => [w.zone, w.weight])).toEqual([
      ['core', 10],
      ['bay', 10],
      ['eco', 10],
    ]);
    const core = d.weights.filter((w) => w.zone === 'core');
    expect(core.reduce((a, w) => a + w.weight, 0)).toBeCloseTo(100, 9);
    expect(core.find((w) => w.code === 'CORE_LAND_OUTPUT')!.weight).toBeCloseTo(40 / 7, 12);
    expect(d.weights.some((w) => w.code === 'BAY_PORT_THROUGHPUT')).toBe(false); // inactive

    const v1 = await call('office', 'PUT', '/plans/1/assessment/2022/scheme', { baseVersion: 0, weighting: 'blended', method: 'efficacy', weights: d.weights });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, savedBy: 'office', history: [{ version: 1 }] });
    const stale = await call('office', 'PUT', '/plans/1/assessment/2022/scheme', { baseVersion: 0, weighting: 'primary', method: 'efficacy', weights: d.weights });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const unknown = await call('office', 'PUT', '/plans/1/assessment/2022/scheme', { baseVersion: 1, weighting: 'blended', method: 'efficacy', weights: [{ zone: 'core', code: 'NO_SUCH_CODE', weight: 5 }, ...d.weights] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('weights.0.code');
    const badZone = await call('office', 'PUT', '/plans/1/assessment/2022/scheme', { baseVersion: 1, weighting: 'blended', method: 'efficacy', weights: [{ zone: 'north', code: 'COMMON_GDP_GROWTH', weight: 5 }] });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.message).toContain('weights.0.zone');
    const v2 = await call('office', 'PUT', '/plans/1/assessment/2022/scheme', { baseVersion: 1, weighting: 'blended', method: 'efficacy', weights: d.weights.map((w) => (w.code === 'CORE_INNOVATION' ? { ...w, weight: 12 } : w)) });
    expect(v2.json()).toMatchObject({ version: 2, history: [{ version: 1 }, { version: 2 }] });
    expect(v2.json().weights.find((w: { code: string }) => w.code === 'CORE_INNOVATION').weight).toBe(12);
    expect((await call('tsrep', 'PUT', '/plans/1/assessment/2022/scheme', { baseVersion: 2, weighting: 'blended', method: 'efficacy', weights: d.weights })).statusCode).toBe(403);
    // Two editors saving from the same version at once: one wins, the other is told to refresh.
    const both = await Promise.all(
      [0, 1].map(() => call('office', 'PUT', '/plans/1/assessment/2022/scheme', { baseVersion: 2, weighting: 'blended', method: 'efficacy', weights: v2.json().weights })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await auditActions()).filter((a) => a === 'assessment.scheme.save')).toHaveLength(3);
  });

  it('takes one value from the form, and refuses an unknown county, a derived or unknown code and an impossible value', async () => {
    const ok = await call('office', 'PUT', '/plans/1/assessment/2022/values', { county: '台山市', code: 'CORE_LAND_OUTPUT', value: 18.6, target: 20 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ county: '台山市', code: 'CORE_LAND_OUTPUT', value: 18.6, target: 20, origin: { kind: 'form', text: '表单录入（office）' } });
    const bad = async (body: object, field: string): Promise<void> => {
      const r = await call('office', 'PUT', '/plans/1/assessment/2022/values', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.message).toContain(field);
    };
    await bad({ county: '广州市', code: 'CORE_LAND_OUTPUT', value: 1 }, 'county');
    await bad({ county: '台山市', code: 'COMMON_OPEN_RED_LIGHTS', value: 1 }, '系统自动计算');
    await bad({ county: '台山市', code: 'NO_SUCH_CODE', value: 1 }, '不存在');
    await bad({ county: '台山市', code: 'BAY_URBANIZATION', value: 120 }, '0–100');
    await bad({ county: '台山市', code: 'ECO_ENVIRONMENTAL_DAMAGE', value: 2.5 }, '非负整数');
    const cleared = await call('office', 'PUT', '/plans/1/assessment/2022/values', { county: '台山市', code: 'CORE_LAND_OUTPUT', value: null, target: null });
    expect(cleared.json()).toMatchObject({ value: null, origin: null });
    expect(await count('assessment_value')).toBe(0);
    expect(await auditActions()).toEqual(expect.arrayContaining(['assessment.value.enter', 'assessment.value.clear']));
  });

  it('rejects a file with an unknown code, an unknown county, a non-number and a duplicate row — every error with its row — and stores nothing', async () => {
    const file = [
      '年度,县级行政区,指标代码,数值',
      '2022,台山市,CORE_LAND_OUTPUT,15.2',
      '2022,台山市,NO_SUCH_CODE,3',
      '2022,广州市,CORE_LAND_OUTPUT,3',
      '2022,开平市,ECO_ENVIRONMENT_QUALITY,优',
      '2022,恩平市,ECO_ECOLOGICAL_CONSTRUCTION,55.1',
      '2022,恩平市,ECO_ECOLOGICAL_CONSTRUCTION,55.2',
      '2022,恩平市,COMMON_ONTIME_REPORTING,90',
    ].join('\r\n');
    const [values, audits] = [await count('assessment_value'), await count('audit_event')];
    const r = await upload('office', Buffer.from(file, 'utf8'), 'text/csv', 'bad.csv');
    expect(r.statusCode, r.body).toBe(400);
    const body = r.json().error;
    expect(body.code).toBe('VALUES_REJECTED');
    expect(body.details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '指标代码（C列）'],
      [4, '县级行政区（B列）'],
      [5, '数值（D列）'],
      [7, '指标代码（C列）'],
      [8, '指标代码（C列）'],
    ]);
    expect(body.details.errors[0].message).toContain('NO_SUCH_CODE');
    expect(body.details.errors[1].message).toContain('广州市');
    expect(body.details.errors[2].message).toContain('“优”');
    expect(body.details.errors[3].message).toContain('第6行');
    expect(body.message).toContain('第3行');
    expect(await count('assessment_value')).toBe(values);
    expect(await count('audit_event')).toBe(audits);
  });

  it('imports a GB18030 CSV saved by Excel and a full .xlsx, all in one transaction, audited once each', async () => {
    const csv = await upload('office', readFileSync(path.resolve(import.meta.dirname, '../fixtures/assessment-values-gb18030.csv')), 'text/csv', 'assessment-values-gb18030.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.json()).toEqual({ ok: true, rows: 3, years: [2022] });
    const v = (await call('office', 'GET', '/plans/1/assessment/2022/values')).json();
    expect(v.items.find((i: { county: string; code: string }) => i.county === '台山市' && i.code === 'CORE_LAND_OUTPUT')).toMatchObject({
      value: 1234.5,
      target: 1000,
      origin: { kind: 'import', text: '文件 assessment-values-gb18030.csv 第2行' },
    });

    const xlsx = await upload('office', await fullWorkbook(2022), XLSX, '2022年考核数据.xlsx');
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.json().rows).toBe(7 * ENTERED);
    expect(await count('assessment_value')).toBe(7 * ENTERED);
    expect((await auditActions()).filter((a) => a === 'assessment.values.import')).toHaveLength(2);
    const years = (await call('tsrep', 'GET', '/plans/1/assessment/years')).json().items;
    expect(years).toContainEqual({ year: 2022, status: 'draft', version: 3, values: 7 * ENTERED });
    expect(years).toContainEqual({ year: 2023, status: 'none', version: 0, values: 0 });
  });

  it('scores every county with weights, origins and ranks, and exports the three sheets', async () => {
    const r = (await call('leader', 'GET', '/plans/1/assessment/2022/results')).json() as AssessmentResults;
    expect(r.schemeVersion).toBe(3);
    for (const c of r.counties) {
      expect(c.total).not.toBeNull();
      expect(c.rankOverall).toBeGreaterThanOrEqual(1);
      // Only a derived indicator can be missing (e.g. a county government without targets this year).
      expect(c.missing.every((code) => code.startsWith('COMMON_') && !['COMMON_GDP_GROWTH', 'COMMON_FISCAL_REVENUE_GROWTH', 'COMMON_INCOME_GROWTH'].includes(code))).toBe(true);
      expect(c.indicators.every((i) => i.origin !== null && i.name.length > 0)).toBe(true);
      expect(c.indicators.reduce((a, i) => a + (i.contribution ?? 0), 0)).toBeCloseTo(c.total!, 9);
    }
    const taishan = r.counties.find((c) => c.county === '台山市')!;
    // Blended: 7/17 of the 都市核心区 weight; 都市核心区 indicators are not in the 大广海湾区 scheme.
    expect(taishan.indicators.find((i) => i.code === 'CORE_INNOVATION')!.weight).toBeCloseTo((7 / 17) * 12, 12);
    expect(taishan.indicators.find((i) => i.code === 'COMMON_GDP_GROWTH')!.weight).toBeCloseTo(10, 12);
    expect(taishan.indicators.find((i) => i.code === 'COMMON_OPEN_RED_LIGHTS')!.origin!.kind).toBe('derived');
    const primary = (await call('office', 'GET', '/plans/1/assessment/2022/results?weighting=primary')).json() as AssessmentResults;
    expect(primary.weighting).toBe('primary');
    expect(primary.counties.find((c) => c.county === '台山市')!.indicators.some((i) => i.code.startsWith('CORE_'))).toBe(false);
    const attain = (await call('office', 'GET', '/plans/1/assessment/2022/results?method=attainment')).json() as AssessmentResults;
    expect(attain.counties.find((c) => c.county === '蓬江区')!.indicators.find((i) => i.code === 'COMMON_GDP_GROWTH')!.normalised).toBeCloseTo(Math.min((5 / 10) * 100, 120), 9);

    const x = await call('office', 'GET', '/plans/1/assessment/2022/results.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['结果', '明细', '方法']);
    const res = wb.getWorksheet('结果')!;
    expect(res.getRow(1).values).toEqual([undefined, '县级行政区', '主体功能区', '分区构成', '总分', '全市排名', '区内排名', '缺失指标']);
    expect(res.rowCount).toBe(8);
    expect(res.getRow(5).getCell(1).value).toBe('台山市');
    expect(res.getRow(5).getCell(6).value).toBe(`${taishan.rankInZone}/1`);
    expect(res.getRow(5).getCell(4).value).toBe(Math.round(taishan.total! * 100) / 100);
    expect(wb.getWorksheet('明细')!.rowCount).toBe(1 + r.counties.reduce((n, c) => n + c.indicators.length, 0));
    const method = wb.getWorksheet('方法')!.getColumn(1).values.join('\n');
    expect(method).toContain('功效系数法');
    expect(method).toContain('第3版');
    expect(method).not.toContain('模拟数据');
  });
});

describe(`assessment: visibility, publication and the lock (${testDialect})`, () => {
  it('hides an unpublished year from county staff', async () => {
    for (const who of ['tsrep', 'tshead']) {
      const r = await call(who, 'GET', '/plans/1/assessment/2022/results');
      expect(r.statusCode).toBe(403);
      expect(r.json().error.message).toBe('该年度考核结果尚未发布');
      expect((await call(who, 'GET', '/plans/1/assessment/2022/results.xlsx')).statusCode).toBe(403);
    }
    expect((await call('leader', 'GET', '/plans/1/assessment/2022/results')).statusCode).toBe(200);
  });

  it('publishes only the latest saved version, then freezes the results and locks the year (409), audited', async () => {
    const none = await call('office', 'POST', '/plans/1/assessment/2021/publish', { version: 1 });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toContain('请先保存');
    expect((await call('office', 'POST', '/plans/1/assessment/2022/publish', { version: 1 })).statusCode).toBe(409);
    expect((await call('leader', 'POST', '/plans/1/assessment/2022/publish', { version: 3 })).statusCode).toBe(403);
    const before = (await call('office', 'GET', '/plans/1/assessment/2022/results')).json() as AssessmentResults;
    const pub = await call('office', 'POST', '/plans/1/assessment/2022/publish', { version: 3 });
    expect(pub.statusCode, pub.body).toBe(200);
    const frozen = pub.json() as AssessmentResults;
    expect(frozen.published).toBe(true);
    expect(frozen.counties.map((c) => c.total)).toEqual(before.counties.map((c) => c.total));

    const locked = '2022年度考核结果已发布，不能修改';
    const scheme = (await call('office', 'GET', '/plans/1/assessment/2022/scheme')).json() as Scheme;
    expect(scheme).toMatchObject({ status: 'published', publishedBy: 'office', version: 3 });
    const attempts = [
      await call('office', 'PUT', '/plans/1/assessment/2022/scheme', { baseVersion: 3, weighting: 'blended', method: 'efficacy', weights: scheme.weights }),
      await call('office', 'PUT', '/plans/1/assessment/2022/values', { county: '台山市', code: 'CORE_LAND_OUTPUT', value: 99 }),
      await upload('office', Buffer.from('year,division,indicator_code,value\n2022,台山市,CORE_LAND_OUTPUT,99\n'), 'text/csv', 'late.csv'),
      await upload('office', await fullWorkbook(2022), XLSX, 'late.xlsx'),
      await call('office', 'POST', '/plans/1/assessment/2022/publish', { version: 3 }),
    ];
    for (const a of attempts) expect(a.statusCode, a.body).toBe(409);
    for (const a of attempts.slice(0, 4)) expect(a.json().error.message).toContain(locked);
    expect(await count('assessment_scheme')).toBe(3);

    // The values page of a published year: everyone sees every county; derived values as frozen at publication.
    const shown = (await call('tsrep', 'GET', '/plans/1/assessment/2022/values')).json() as { published: boolean; items: { county: string; code: string; value: number | null; origin: { kind: string; text: string } }[] };
    expect(shown.published).toBe(true);
    expect(new Set(shown.items.map((i) => i.county)).size).toBe(7);
    const frozenDerived = shown.items.filter((i) => i.origin.kind === 'derived');
    expect(frozenDerived).toHaveLength(7 * 3);
    for (const d of frozenDerived) {
      expect(d.origin.text).toMatch(/（发布时冻结）$/);
      const scored = frozen.counties.find((c) => c.county === d.county)!.indicators.find((i) => i.code === d.code);
      if (scored) expect(scored.raw).toBe(d.value);
    }

    // Even a change behind the application's back does not move published results.
    await db.kysely.updateTable('assessment_value').set({ value: 0 }).where('year', '=', 2022).execute();
    const after = (await call('tsrep', 'GET', '/plans/1/assessment/2022/results')).json() as AssessmentResults;
    expect(after).toEqual(frozen);
    expect((await call('tshead', 'GET', '/plans/1/assessment/2022/results.xlsx')).statusCode).toBe(200);
    expect((await call('tsrep', 'GET', '/plans/1/assessment/years')).json().items).toContainEqual({ year: 2022, status: 'published', version: 3, values: 7 * ENTERED });

    const rows = await db.kysely.selectFrom('audit_event').select(['action', 'object_id', 'actor_login']).where('action', '=', 'assessment.publish').execute();
    expect(rows).toEqual([{ action: 'assessment.publish', object_id: '1/2022', actor_login: 'office' }]);
  });

  it('scores from the command line with the same code (--json), and refuses a bad file with row errors (exit 2)', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (x: string) => void out.push(x), err: (x: string) => void err.push(x) };
    expect(await runAssessment(db, ['score', '--year', '2022', '--json'], io, now)).toBe(0);
    const r = JSON.parse(out.join('\n')) as AssessmentResults;
    expect(r).toMatchObject({ year: 2022, published: true, schemeVersion: 3 });
    expect(r.counties.find((c) => c.county === '台山市')!.profile.map((p) => `${p.zone} ${p.towns}/${p.of}`)).toEqual(['core 7/17', 'bay 10/17']);
    for (const c of r.counties) {
      expect(c).toEqual(expect.objectContaining({ total: expect.any(Number), rankOverall: expect.any(Number), rankInZone: expect.any(Number), primaryZone: expect.any(String) }));
      expect(c.indicators[0]).toEqual(expect.objectContaining({ code: expect.any(String), raw: expect.any(Number), normalised: expect.any(Number), weight: expect.any(Number) }));
    }

    out.length = 0;
    expect(await runAssessment(db, ['score', '--year', '2023', '--primary', '--method', 'attainment', '--json'], io, now)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ year: 2023, published: false, weighting: 'primary', method: 'attainment', schemeVersion: 0 });

    const file = path.join(tmpdir(), `sanqu-bad-values-${process.pid}.csv`);
    writeFileSync(file, 'year,division,indicator_code,value\n2023,台山市,NO_SUCH,1\n2023,台山,CORE_TALENT,x\n');
    const values = await count('assessment_value');
    expect(await runAssessment(db, ['import-values', file, '--plan', '1'], io, now)).toBe(2);
    rmSync(file);
    expect(err).toContain('第2行 指标代码（C列）：指标代码 NO_SUCH 不存在（请查看考核指标目录）');
    expect(err.some((l) => l.startsWith('第3行 县级行政区（B列）'))).toBe(true);
    expect(err.some((l) => l.startsWith('第3行 数值（D列）'))).toBe(true);
    expect(await count('assessment_value')).toBe(values);

    out.length = 0;
    expect(await runAssessment(db, ['indicators', '--json'], io, now)).toBe(0);
    expect(JSON.parse(out[0]!).items.length).toBeGreaterThanOrEqual(24);
  });
});

describe(`assessment in the demo database (${testDialect})`, () => {
  it('has simulated 2022 values for every county and entered indicator and an unpublished scheme version 1', async () => {
    const demo = await createTestDb();
    try {
      await buildDemo(demo.kysely, () => {}, 1);
      const values = await demo.kysely.selectFrom('assessment_value').selectAll().execute();
      expect(values).toHaveLength(7 * ENTERED);
      expect(values.every((v) => v.year === 2022 && v.origin_text.includes('模拟数据'))).toBe(true);
      expect(new Set(values.map((v) => v.county))).toEqual(new Set(COUNTIES));
      const schemes = await demo.kysely.selectFrom('assessment_scheme').select(['year', 'version']).execute();
      expect(schemes).toEqual([{ year: 2022, version: 1 }]);
      expect(await demo.kysely.selectFrom('assessment_publication').select('id').execute()).toHaveLength(0);
      // Deterministic: a second demo holds the same values.
      const again = await createTestDb();
      try {
        await buildDemo(again.kysely, () => {}, 1);
        const key = (rows: { county: string; indicator_code: string; value: number | null }[]) => rows.map((v) => `${v.county}|${v.indicator_code}|${v.value}`).sort();
        expect(key(await again.kysely.selectFrom('assessment_value').selectAll().execute())).toEqual(key(values));
      } finally {
        await again.close();
      }
    } finally {
      await demo.close();
    }
  }, 180_000);
});
