import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../src/shared/api/report-api.js';
import type { Db } from '../../src/server/db/database.js';
import { checkZip } from '../../src/server/modules/reports/report-template.js';
import { createTestAccount, loginAs, type Session } from '../support/auth.js';
import { createSeededApp } from '../support/test-app.js';
import { testDialect } from '../support/test-db.js';

let app: FastifyInstance;
let db: Db;
let close: () => Promise<void>;
const now = new Date('2022-10-09T02:00:00Z');
let gxj: Session;

beforeAll(async () => {
  ({ app, db, close } = await createSeededApp(null, { clock: () => now }));
  const id = await createTestAccount(db.kysely, 'gxjxls', ['reporter'], now);
  await db.kysely.updateTable('user_account').set({ unit_name: '市工业和信息化局' }).where('id', '=', id).execute();
  gxj = await loginAs(app, 'gxjxls');
});
afterAll(async () => {
  await close();
});

async function download(): Promise<ExcelJS.Workbook> {
  const res = await app.inject({ url: '/api/v1/plans/1/report-template.xlsx?period=2022-09', headers: gxj.headers });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}
const upload = async (wb: ExcelJS.Workbook) =>
  app.inject({ method: 'POST', url: '/api/v1/plans/1/report-template', headers: { ...gxj.headers, 'content-type': 'application/octet-stream' }, payload: Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer) });
function rowOf(ws: ExcelJS.Worksheet, pred: (row: ExcelJS.Row) => boolean): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && pred(row)) found = row;
  });
  if (!found) throw new Error('row not found');
  return found;
}

describe(`offline Excel reporting (${testDialect})`, () => {
  it('round-trips: download the unit’s template, fill it, upload it, and read the values back', async () => {
    const wb = await download();
    const ws = wb.getWorksheet('填报')!;
    expect(ws.getRow(2).values).toEqual([undefined, '编码', '任务', '重点事项', '填报项', '原文 / 说明', '目标', '单位', '上期采纳值', '本期填报值']);
    const taskNos = new Set<number>();
    ws.eachRow((row, n) => {
      if (n > 2) taskNos.add(row.getCell(2).value as number);
    });
    expect([...taskNos].sort((a, b) => a - b)).toEqual([5, 6, 7, 17]); // the tasks 市工业和信息化局 leads, with 2022 work
    rowOf(ws, (r) => r.getCell(4).value === '投资超亿元的产业项目').getCell(9).value = 41;
    rowOf(ws, (r) => String(r.getCell(1).value).startsWith('M:6:')).getCell(9).value = '推进中';
    rowOf(ws, (r) => String(r.getCell(1).value).startsWith('N:6:')).getCell(9).value = '已签约项目41个';
    rowOf(ws, (r) => r.getCell(1).value === 'R:6:percent').getCell(9).value = 80;
    rowOf(ws, (r) => r.getCell(1).value === 'R:6:problems').getCell(9).value = '用地指标紧张';
    const res = await upload(wb);
    expect(res.statusCode, res.body).toBe(200);
    const stored = res.json().reports.find((r: { taskNo: number }) => r.taskNo === 6);
    const report = (await app.inject({ url: `/api/v1/reports/${stored.id}`, headers: gxj.headers })).json() as ReportDetail;
    expect(report.targets.find((t) => t.subject === '投资超亿元的产业项目')!.reported).toBe(41);
    expect(report).toMatchObject({ percentComplete: 80, problems: '用地指标紧张', status: 'draft' });
    expect(report.milestones[0]).toMatchObject({ status: 'inProgress', narrative: '已签约项目41个' });

    // The next download carries the draft's values.
    const again = (await download()).getWorksheet('填报')!;
    expect(rowOf(again, (r) => r.getCell(4).value === '投资超亿元的产业项目').getCell(9).value).toBe(41);
  });

  it('refuses a malformed file whole, listing every bad cell by sheet, row and column', async () => {
    const before = await db.kysely.selectFrom('report_value').select(['report_id', 'target_id', 'value']).orderBy('id').execute();
    const wb = await download();
    const ws = wb.getWorksheet('填报')!;
    const growth = rowOf(ws, (r) => r.getCell(7).value === '%' && String(r.getCell(1).value).startsWith('T:7:'));
    growth.getCell(9).value = 120;
    const benchmarks = rowOf(ws, (r) => r.getCell(4).value === '工业互联应用标杆');
    benchmarks.getCell(9).value = 'three';
    const formula = rowOf(ws, (r) => r.getCell(4).value === '投资超亿元的产业项目');
    formula.getCell(9).value = { formula: '40+1', result: 41 };
    const status = rowOf(ws, (r) => String(r.getCell(1).value).startsWith('M:17:'));
    status.getCell(9).value = '差不多';
    const res = await upload(wb);
    expect(res.statusCode).toBe(400);
    const errors = res.json().error.details.errors as { sheet: string; row: number; column: string; message: string }[];
    expect(errors.map((e) => e.row).sort((a, b) => a - b)).toEqual([growth.number, benchmarks.number, formula.number, status.number].sort((a, b) => a - b));
    expect(errors.every((e) => e.sheet === '填报' && e.column.includes('I列'))).toBe(true);
    expect(errors.find((e) => e.row === growth.number)!.message).toContain('百分比须在0到100之间');
    expect(errors.find((e) => e.row === formula.number)!.message).toContain('公式');
    expect(await db.kysely.selectFrom('report_value').select(['report_id', 'target_id', 'value']).orderBy('id').execute()).toEqual(before);
  });

  it('refuses zip bombs and files that are not xlsx before reading them', async () => {
    expect(() => checkZip(Buffer.from('not a zip at all'))).toThrow('不是 .xlsx');
    // A stored entry claiming 1 GB uncompressed from 100 bytes: ratio and size checks fire on the directory alone.
    const name = Buffer.from('xl/workbook.xml');
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(100, 20);
    central.writeUInt32LE(1_000_000_000, 24);
    central.writeUInt16LE(name.length, 28);
    name.copy(central, 46);
    const local = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.alloc(26)]);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(local.length, 16);
    expect(() => checkZip(Buffer.concat([local, central, eocd]))).toThrow('压缩炸弹');
    const res = await app.inject({ method: 'POST', url: '/api/v1/plans/1/report-template', headers: { ...gxj.headers, 'content-type': 'application/octet-stream' }, payload: Buffer.concat([local, central, eocd]) });
    expect(res.statusCode).toBe(400);
  });
});
