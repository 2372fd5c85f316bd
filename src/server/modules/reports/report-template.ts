/**
 * Offline reporting in Excel/WPS: a unit downloads a prefilled .xlsx for a period (its tasks,
 * the year's milestones and targets, previous accepted values, its current drafts), fills it in
 * and uploads it. The upload is checked cell by cell and applied all or nothing; errors name the
 * sheet, row and column in Chinese. Zip bombs (size, entry count, compression ratio) and formula
 * cells are refused before anything is read as data.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { SaveReportInput } from '../../../shared/api/report-api.js';
import { MILESTONE_CLAIM_ZH } from '../../../shared/api/report-api.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { safeCell } from '../plans/division-of-labour.export.js';
import { getReport, latestAcceptedValues, openReport, resolvePeriod, saveReport, scopeOf, valueProblem, type ReportCtx } from './report.service.js';

type Db = Kysely<Database>;

export const TEMPLATE_SHEET = '填报';
const META_SHEET = '_meta';
export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;
const MAX_UNCOMPRESSED = 30 * 1024 * 1024;
const MAX_ENTRIES = 500;
const MAX_RATIO = 200;

const COLUMNS = ['编码', '任务', '重点事项', '填报项', '原文 / 说明', '目标', '单位', '上期采纳值', '本期填报值'] as const;
const VALUE_COL = 9;
const CLAIMS = Object.entries(MILESTONE_CLAIM_ZH) as [keyof typeof MILESTONE_CLAIM_ZH, string][];
const REPORT_FIELDS = [
  ['percent', '完成百分比（0–100）'],
  ['problems', '存在问题'],
  ['coordination', '需协调事项（提请市发展改革局协调）'],
  ['nextSteps', '下一步计划'],
] as const;

/** Tasks the unit leads (reports) in the plan. */
async function ledTasks(db: Db, planId: number, unit: string) {
  return db
    .selectFrom('assignment')
    .innerJoin('unit', 'unit.id', 'assignment.unit_id')
    .innerJoin('task', 'task.id', 'assignment.task_id')
    .select(['task.no', 'task.title'])
    .where('unit.plan_id', '=', planId)
    .where('unit.name', '=', unit)
    .where('assignment.role', '=', 'lead')
    .orderBy('task.no')
    .execute();
}

/** The prefilled template of a unit for a period. */
export async function buildReportTemplate(db: Db, ctx: ReportCtx, planId: number, periodCode: string): Promise<Buffer> {
  const unit = ctx.unitName;
  if (!unit) throw new AppError('OUT_OF_SCOPE', '您的账户没有所属单位，不能下载填报模板');
  const period = await resolvePeriod(db, planId, periodCode);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sanqu 三区';
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [
    { width: 14, hidden: true },
    { width: 6 },
    { width: 22 },
    { width: 16 },
    { width: 60 },
    { width: 12 },
    { width: 8 },
    { width: 12 },
    { width: 16 },
  ];
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = safeCell(`${unit} ${period.label} 进展情况填报表（截止 ${period.dueDate}；只填“本期填报值”一列，灰色列请勿修改）`);
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getRow(2).values = [...COLUMNS];
  ws.getRow(2).font = { bold: true };

  for (const task of await ledTasks(db, planId, unit)) {
    const scope = await scopeOf(db, planId, task.no, period.year);
    if (scope.milestones.length === 0) continue; // nothing planned for this year
    const existing = await currentReportId(db, planId, task.no, unit, period.code);
    const r = existing ? await getReport(db, ctx, existing) : null;
    const previous = await latestAcceptedValues(db, planId, unit, scope.targets.map((t) => t.id), period.code);
    for (const m of scope.milestones) {
      const claim = r?.milestones.find((x) => x.milestoneId === m.id);
      const status = ws.addRow([`M:${task.no}:${m.id}`, task.no, safeCell(task.title), '进展状态', safeCell(m.text), '', '', '', claim?.status ? MILESTONE_CLAIM_ZH[claim.status] : '']);
      status.getCell(VALUE_COL).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${CLAIMS.map(([, zh]) => zh).join(',')}"`], showErrorMessage: true, errorTitle: '进展状态', error: '请从下拉列表中选择' };
      ws.addRow([`N:${task.no}:${m.id}`, task.no, safeCell(task.title), '进展说明', `（原文第${m.line}行）`, '', '', '', safeCell(claim?.narrative ?? '')]);
      for (const t of scope.targets.filter((x) => x.milestone_id === m.id)) {
        const target = t.comparator === 'range' ? `${t.value}–${t.value_max}` : `${t.comparator === '<=' ? '≤' : '≥'}${t.value}`;
        const reported = r?.targets.find((x) => x.targetId === t.id)?.reported ?? '';
        const row = ws.addRow([`T:${task.no}:${t.id}`, task.no, safeCell(task.title), safeCell(t.subject), '', target, t.unit, previous.get(t.id)?.value ?? '', reported]);
        row.getCell(VALUE_COL).dataValidation =
          t.unit === '%'
            ? { type: 'decimal', operator: 'between', formulae: [0, 100], allowBlank: true, showErrorMessage: true, error: '请填写0到100之间的数' }
            : { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, error: '请填写不小于0的数' };
      }
    }
    const values: Record<string, string | number> = { percent: r?.percentComplete ?? '', problems: r?.problems ?? '', coordination: r?.coordination ?? '', nextSteps: r?.nextSteps ?? '' };
    for (const [key, label] of REPORT_FIELDS) {
      const v = values[key]!;
      ws.addRow([`R:${task.no}:${key}`, task.no, safeCell(task.title), label, '', '', key === 'percent' ? '%' : '', '', typeof v === 'string' ? safeCell(v) : v]);
    }
  }
  ws.eachRow((row, n) => {
    if (n < 3) return;
    row.alignment = { vertical: 'top', wrapText: true };
    for (let c = 1; c < VALUE_COL; c++) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    row.getCell(VALUE_COL).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7E0' } };
  });
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow(['planId', planId]);
  meta.addRow(['unit', unit]);
  meta.addRow(['period', period.code]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The unit's current report (latest revision) for the task and period, if any. */
async function currentReportId(db: Db, planId: number, taskNo: number, unit: string, period: string): Promise<number | null> {
  const r = await db
    .selectFrom('report')
    .select('id')
    .where('plan_id', '=', planId)
    .where('task_no', '=', taskNo)
    .where('unit_name', '=', unit)
    .where('period', '=', period)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.id ?? null;
}

/** Refuse archives that would expand into something huge before exceljs unpacks them. */
export function checkZip(bytes: Buffer): void {
  if (bytes.length > TEMPLATE_MAX_BYTES) throw new AppError('VALIDATION_FAILED', `文件超过${TEMPLATE_MAX_BYTES / 1024 / 1024}MB`, { field: 'file' });
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw new AppError('VALIDATION_FAILED', '上传的不是 .xlsx 文件（请用 Excel 或 WPS 另存为 .xlsx）', { field: 'file' });
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new AppError('VALIDATION_FAILED', '文件已损坏（找不到 zip 目录）', { field: 'file' });
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES) throw new AppError('VALIDATION_FAILED', `文件包含${entries}个部件，超过上限`, { field: 'file' });
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw new AppError('VALIDATION_FAILED', '文件已损坏（zip 目录不完整）', { field: 'file' });
    const compressed = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    total += size;
    if (size > 0 && size / Math.max(compressed, 1) > MAX_RATIO) throw new AppError('VALIDATION_FAILED', '文件压缩比异常，疑为压缩炸弹，已拒绝', { field: 'file' });
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  if (total > MAX_UNCOMPRESSED) throw new AppError('VALIDATION_FAILED', '文件解压后过大，已拒绝', { field: 'file' });
}

/** An uploaded .xlsx, after the zip checks, as an exceljs workbook (400 when it cannot be read). */
export async function loadUploadedWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  checkZip(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', '无法读取该 .xlsx 文件，请确认文件未损坏', { field: 'file' });
  }
  return wb;
}

export interface CellError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

const CLAIM_BY_ZH = new Map(CLAIMS.map(([k, zh]) => [zh, k]));

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

/** Read, check and apply an uploaded template, all or nothing. */
export async function importReportTemplate(db: Db, ctx: ReportCtx, planId: number, bytes: Buffer): Promise<{ reports: { taskNo: number; id: number; version: number }[] }> {
  const wb = await loadUploadedWorkbook(bytes);
  const ws = wb.getWorksheet(TEMPLATE_SHEET);
  const meta = wb.getWorksheet(META_SHEET);
  if (!ws || !meta) throw new AppError('VALIDATION_FAILED', `找不到工作表“${TEMPLATE_SHEET}”：请使用从系统下载的填报模板`, { field: 'file' });
  const metaValue = (k: string): string => {
    let out = '';
    meta.eachRow((row) => {
      if (cellText(row.getCell(1).value) === k) out = cellText(row.getCell(2).value);
    });
    return out;
  };
  if (Number(metaValue('planId')) !== planId || metaValue('unit') !== ctx.unitName) {
    throw new AppError('VALIDATION_FAILED', `该模板属于${metaValue('unit') || '其他单位'}，不能由${ctx.unitName ?? '无单位账户'}上传`, { field: 'file' });
  }
  const periodCode = metaValue('period');
  const errors: CellError[] = [];
  const inputs = new Map<number, SaveReportInput & { milestonesMap: Map<number, { status?: string; narrative?: string }> }>();
  const input = (taskNo: number) => {
    let v = inputs.get(taskNo);
    if (!v) {
      v = { version: 1, values: [], milestonesMap: new Map() };
      inputs.set(taskNo, v);
    }
    return v;
  };
  const led = new Set((await ledTasks(db, planId, ctx.unitName!)).map((t) => t.no));
  const targetInfo = new Map(
    (
      await db
        .selectFrom('target')
        .innerJoin('milestone', 'milestone.id', 'target.milestone_id')
        .innerJoin('task', 'task.id', 'milestone.task_id')
        .select(['target.id', 'target.unit', 'target.base_unit', 'target.subject', 'task.no'])
        .where('task.plan_id', '=', planId)
        .execute()
    ).map((t) => [t.id, t]),
  );
  ws.eachRow((row, n) => {
    if (n < 3) return;
    const key = cellText(row.getCell(1).value);
    if (!key) return;
    const cell = row.getCell(VALUE_COL);
    const err = (message: string): void => void errors.push({ sheet: TEMPLATE_SHEET, row: n, column: `${COLUMNS[VALUE_COL - 1]}（I列）`, message });
    if (cell.formula || (typeof cell.value === 'object' && cell.value !== null && ('formula' in cell.value || 'sharedFormula' in cell.value))) {
      err('单元格是公式，请直接填写数值或文字');
      return;
    }
    const [kind, taskStr, idStr] = key.split(':');
    const taskNo = Number(taskStr);
    if (!led.has(taskNo)) {
      errors.push({ sheet: TEMPLATE_SHEET, row: n, column: '编码（A列）', message: `任务${taskStr}不是本单位牵头的任务，请勿修改编码列` });
      return;
    }
    const text = cellText(cell.value).trim();
    const subject = cellText(row.getCell(4).value);
    if (kind === 'T') {
      if (text === '') return;
      const info = targetInfo.get(Number(idStr));
      if (!info || info.no !== taskNo) {
        errors.push({ sheet: TEMPLATE_SHEET, row: n, column: '编码（A列）', message: `编码“${key}”与任务不符，请勿修改编码列` });
        return;
      }
      const value = typeof cell.value === 'number' ? cell.value : Number(text.replace(/,/g, ''));
      if (!Number.isFinite(value)) return err(`“${info.subject}”须填写数字，当前为“${text}”`);
      const p = valueProblem(value, info.unit, info.base_unit, info.subject);
      if (p) return err(`“${info.subject}”（${info.unit}）${p}`);
      input(taskNo).values!.push({ targetId: Number(idStr), value });
    } else if (kind === 'M') {
      if (text === '') return;
      const claim = CLAIM_BY_ZH.get(text);
      if (!claim) return err(`进展状态须为${CLAIMS.map(([, zh]) => `“${zh}”`).join('、')}之一，当前为“${text}”`);
      const m = input(taskNo).milestonesMap.get(Number(idStr)) ?? {};
      input(taskNo).milestonesMap.set(Number(idStr), { ...m, status: claim });
    } else if (kind === 'N') {
      if (text.length > 4000) return err('进展说明不能超过4000字');
      const m = input(taskNo).milestonesMap.get(Number(idStr)) ?? {};
      input(taskNo).milestonesMap.set(Number(idStr), { ...m, narrative: text });
    } else if (kind === 'R') {
      const v = input(taskNo);
      if (idStr === 'percent') {
        if (text === '') return;
        const pct = Number(text.replace(/%$/, ''));
        if (!Number.isFinite(pct) || pct < 0 || pct > 100) return err(`完成百分比须为0到100之间的数，当前为“${text}”`);
        v.percentComplete = pct;
      } else if (idStr === 'problems' || idStr === 'coordination' || idStr === 'nextSteps') {
        if (text.length > 4000) return err(`${subject}不能超过4000字`);
        v[idStr] = text;
      }
    } else {
      errors.push({ sheet: TEMPLATE_SHEET, row: n, column: '编码（A列）', message: `无法识别的编码“${key}”，请勿修改编码列` });
    }
  });
  for (const [taskNo, v] of inputs) {
    for (const [milestoneId, m] of v.milestonesMap) {
      if (m.narrative && !m.status) {
        const row = findRow(ws, `M:${taskNo}:${milestoneId}`);
        errors.push({ sheet: TEMPLATE_SHEET, row, column: `${COLUMNS[VALUE_COL - 1]}（I列）`, message: '填写了进展说明，请同时选择进展状态' });
      }
    }
  }
  if (errors.length) {
    throw new AppError('VALIDATION_FAILED', `模板有${errors.length}处错误，未导入任何数据：${errors.slice(0, 3).map((e) => `第${e.row}行${e.column}：${e.message}`).join('；')}${errors.length > 3 ? '……' : ''}`, { errors });
  }
  return db.transaction().execute(async (trx) => {
    const out: { taskNo: number; id: number; version: number }[] = [];
    for (const [taskNo, v] of inputs) {
      const { id } = await openReport(trx, ctx, planId, taskNo, periodCode);
      const current = await getReport(trx, ctx, id);
      if (current.status !== 'draft' && current.status !== 'returned') {
        throw new AppError('CONFLICT', `任务${taskNo}的报告${current.status === 'accepted' ? '已采纳' : '已提交审核'}，不能再用模板修改；未导入任何数据`, { taskNo });
      }
      const milestones = [...v.milestonesMap].filter(([, m]) => m.status).map(([milestoneId, m]) => ({ milestoneId, status: m.status as 'done', narrative: m.narrative ?? '' }));
      await saveReport(trx, ctx, id, { version: current.version, values: v.values, milestones, percentComplete: v.percentComplete, problems: v.problems, coordination: v.coordination, nextSteps: v.nextSteps });
      out.push({ taskNo, id, version: current.version + 1 });
    }
    return { reports: out };
  });
}

function findRow(ws: ExcelJS.Worksheet, key: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (cellText(row.getCell(1).value) === key) found = n;
  });
  return found;
}
