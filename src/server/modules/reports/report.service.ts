/**
 * Periodic progress reports (进展报告). Workflow:
 *   draft ──submit(填报员)──▶ submitted ──approve(单位审核人)──▶ approved ──accept(规划办)──▶ accepted
 *     ▲                          │ return(单位审核人)                 │ return(规划办)
 *     └──────── returned ◀───────┴──────────────────────────────────┘
 * An accepted report is immutable; a correction is a new revision (draft) that supersedes it.
 * Each (task, lead unit, period) has one report per revision. Edits carry the version they were
 * made on (stale → 409). A unit acts only on the tasks it holds; a period locks after its
 * deadline (plus grace) unless the plan office granted the unit an exception.
 * Every transition is a command that writes its audit row in the same transaction.
 */
import { sql, type Kysely, type Updateable } from 'kysely';
import type { ReportDetail, SaveReportInput } from '../../../shared/api/report-api.js';
import { MILESTONE_CLAIM_ZH, REPORT_STATUS_ZH } from '../../../shared/api/report-api.js';
import { WorkCalendar, type CalendarOverride } from '../../../shared/domain/calendar.js';
import { DEFAULT_PERIOD_RULE, isLate, isLocked, periodOf, type Period, type PeriodRule } from '../../../shared/domain/periods.js';
import { can } from '../../../shared/domain/roles.js';
import { writeAudit, type Actor } from '../../audit/audit.js';
import type { Database, ReportTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { notify, usersWithRole } from '../inbox/inbox.service.js';
import { gatherProblems } from '../supervision/supervision.service.js';

type Db = Kysely<Database>;

/** The acting user as the reporting rules need them. */
export interface ReportCtx {
  now: Date;
  actor: Actor;
  unitName: string | null;
  ip?: string | null;
  requestId?: string | null;
}

const tx = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

/**
 * The working calendar and each plan's reporting rule change rarely and are read on every
 * report request, so they are kept for a few seconds per process; a change made through this
 * process clears them at once (another app server sees it within CONFIG_TTL_MS).
 */
const CONFIG_TTL_MS = 5_000;
let calendarCache: { at: number; calendar: WorkCalendar } | null = null;
const ruleCache = new Map<number, { at: number; rule: PeriodRule }>();

/** Forget cached calendar and rules (after an override or rule change). */
export function clearReportingConfigCache(): void {
  calendarCache = null;
  ruleCache.clear();
}

export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  if (calendarCache && Date.now() - calendarCache.at < CONFIG_TTL_MS) return calendarCache.calendar;
  const rows = await db.selectFrom('calendar_override').select(['date', 'kind', 'name']).execute();
  const calendar = new WorkCalendar(rows as CalendarOverride[]);
  calendarCache = { at: Date.now(), calendar };
  return calendar;
}

export async function loadRule(db: Db, planId: number): Promise<PeriodRule> {
  const hit = ruleCache.get(planId);
  if (hit && Date.now() - hit.at < CONFIG_TTL_MS) return hit.rule;
  const r = await db.selectFrom('reporting_rule').selectAll().where('plan_id', '=', planId).executeTakeFirst();
  const rule: PeriodRule = r ? { frequency: r.frequency, dueWorkdays: r.due_workdays, graceWorkdays: r.grace_workdays } : DEFAULT_PERIOD_RULE;
  ruleCache.set(planId, { at: Date.now(), rule });
  return rule;
}

export async function saveRule(db: Db, ctx: ReportCtx, planId: number, rule: PeriodRule): Promise<PeriodRule> {
  return tx(db, async (trx) => {
    const before = await loadRule(trx, planId);
    const row = { frequency: rule.frequency, due_workdays: rule.dueWorkdays, grace_workdays: rule.graceWorkdays, updated_at: ctx.now.toISOString() };
    const exists = await trx.selectFrom('reporting_rule').select('plan_id').where('plan_id', '=', planId).executeTakeFirst();
    if (exists) await trx.updateTable('reporting_rule').set(row).where('plan_id', '=', planId).execute();
    else await trx.insertInto('reporting_rule').values({ plan_id: planId, ...row }).execute();
    await audit(trx, ctx, 'reporting.rule', 'plan', planId, before, rule);
    clearReportingConfigCache();
    return rule;
  });
}

/** The period, or 400 naming it. */
export async function resolvePeriod(db: Db, planId: number, code: string): Promise<Period> {
  const [rule, calendar] = await Promise.all([loadRule(db, planId), loadCalendar(db)]);
  try {
    return periodOf(code, rule, calendar);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', e instanceof Error ? e.message : String(e), { field: 'period' });
  }
}

async function audit(db: Db, ctx: ReportCtx, action: string, objectType: string, objectId: number, before: unknown, after: unknown, message?: string): Promise<void> {
  await writeAudit(db, { at: ctx.now, actor: ctx.actor, ip: ctx.ip ?? null, requestId: ctx.requestId ?? null, action, objectType, objectId, before, after, outcome: 'success', message: message ?? null });
}

async function taskOf(db: Db, planId: number, taskNo: number) {
  const t = await db.selectFrom('task').select(['id', 'no', 'title']).where('plan_id', '=', planId).where('no', '=', taskNo).executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND', `任务 ${taskNo}不存在`);
  return t;
}

/** The unit's role on a task of the plan, or null. */
async function roleOnTask(db: Db, taskId: number, unitName: string): Promise<'lead' | 'cooperate' | null> {
  const r = await db
    .selectFrom('assignment')
    .innerJoin('unit', 'unit.id', 'assignment.unit_id')
    .select('assignment.role')
    .where('assignment.task_id', '=', taskId)
    .where('unit.name', '=', unitName)
    .executeTakeFirst();
  return r?.role ?? null;
}

function requireUnit(ctx: ReportCtx): string {
  if (!ctx.unitName) throw new AppError('OUT_OF_SCOPE', '您的账户没有所属单位，不能填报');
  return ctx.unitName;
}

/** Is the period open for this unit at ctx.now (not locked, or an exception granted)? */
async function assertOpen(db: Db, planId: number, period: Period, unitName: string, now: Date): Promise<void> {
  if (!isLocked(period, now)) return;
  const ex = await db
    .selectFrom('period_exception')
    .select(['until_date'])
    .where('plan_id', '=', planId)
    .where('period', '=', period.code)
    .where('unit_name', '=', unitName)
    .executeTakeFirst();
  if (ex && !isLocked({ ...period, lockDate: ex.until_date }, now)) return;
  throw new AppError('CONFLICT', `${period.label}的报送已于${period.lockDate}截止并锁定（截止日${period.dueDate}），如需补报请联系市发展改革局开通`, {
    dueDate: period.dueDate,
    lockDate: period.lockDate,
  });
}

type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** Review fields of a report nobody has submitted or reviewed yet (a new draft or a correction). */
const NOT_YET_REVIEWED = { submitted_at: null, approved_at: null, approved_by: null, decided_at: null, decided_by: null } as const;
const findReport = (db: Db, id: number) => db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();

async function requireReport(db: Db, id: number): Promise<ReportRow> {
  const r = await findReport(db, id);
  if (!r) throw new AppError('NOT_FOUND', `报告（编号 ${id}）不存在`);
  return r;
}

/** Who may read a report: its own unit always; the plan office and leaders once it is submitted. */
function assertCanRead(ctx: ReportCtx, r: ReportRow): void {
  if (ctx.unitName === r.unit_name) return;
  if ((can(ctx.actor.roles, 'report:decide') || ctx.actor.roles.includes('leader')) && r.status !== 'draft') return;
  throw new AppError('OUT_OF_SCOPE', '无权查看其他单位的报告');
}

function assertOwnUnit(ctx: ReportCtx, r: ReportRow): void {
  if (ctx.unitName !== r.unit_name) throw new AppError('OUT_OF_SCOPE', `只能处理本单位（${ctx.unitName ?? '无'}）的报告`);
}

function assertVersion(r: ReportRow, version: number): void {
  if (r.version !== version) {
    throw new AppError('CONFLICT', `报告已被他人修改（当前版本 ${r.version}，您的版本 ${version}），请刷新后再改`, { currentVersion: r.version, updatedAt: r.updated_at, status: r.status });
  }
}

/** Open (or find) the current report of the unit on a task for a period. Creates a draft when none exists. */
export async function openReport(db: Db, ctx: ReportCtx, planId: number, taskNo: number, periodCode: string): Promise<{ id: number; created: boolean }> {
  const unit = requireUnit(ctx);
  const task = await taskOf(db, planId, taskNo);
  const role = await roleOnTask(db, task.id, unit);
  if (role !== 'lead') {
    throw new AppError('OUT_OF_SCOPE', role === 'cooperate' ? `${unit}是任务${taskNo}的配合单位，请提交配合单位反馈，而非进展报告` : `${unit}不是任务${taskNo}的责任单位，不能填报`);
  }
  const period = await resolvePeriod(db, planId, periodCode);
  const existing = async (): Promise<{ id: number } | undefined> =>
    db
      .selectFrom('report')
      .select('id')
      .where('plan_id', '=', planId)
      .where('task_no', '=', taskNo)
      .where('unit_name', '=', unit)
      .where('period', '=', period.code)
      .orderBy('revision', 'desc')
      .limit(1)
      .executeTakeFirst();
  const found = await existing();
  if (found) return { id: found.id, created: false };
  await assertOpen(db, planId, period, unit, ctx.now);
  try {
    return await tx(db, async (trx) => {
      const now = ctx.now.toISOString();
      const row = await trx
        .insertInto('report')
        .values({
          plan_id: planId,
          task_no: taskNo,
          unit_name: unit,
          period: period.code,
          revision: 1,
          supersedes_id: null,
          correction_reason: null,
          status: 'draft',
          version: 1,
          percent_complete: null,
          problems: '',
          coordination: '',
          next_steps: '',
          return_reason: null,
          author_id: ctx.actor.id!,
          created_at: now,
          updated_at: now,
          ...NOT_YET_REVIEWED,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx, 'report.create', 'report', Number(row.id), undefined, { taskNo, unit, period: period.code, revision: 1 });
      return { id: Number(row.id), created: true };
    });
  } catch (e) {
    // Two first requests raced: the unique key kept one; answer with it.
    const again = await existing();
    if (again) return { id: again.id, created: false };
    throw e;
  }
}

/** Base units whose values are counts (whole numbers). */
const COUNT_UNITS = new Set(['个', '家', '场', '条', '项', '座', '所', '批', '宗', '次', '人']);

/** A rate of change (增速, 增长率 …) may fall below zero; counts, areas, money and shares may not. */
const RATE_OF_CHANGE = /增速|增长|增幅|变化率/;

/** Check one value against its target's unit; returns a Chinese reason or null. */
export function valueProblem(value: number, unit: string, baseUnit: string, subject = ''): string | null {
  if (!Number.isFinite(value)) return '须为数字';
  if (value < 0 && !(unit === '%' && RATE_OF_CHANGE.test(subject))) return '不能为负数';
  if (unit === '%' && value > 100) return '百分比须在0到100之间';
  if (COUNT_UNITS.has(baseUnit) && unit === baseUnit && !Number.isInteger(value)) return `须为整数（${unit}）`;
  return null;
}

/** Targets and milestones a report on (task, year) covers: the milestones whose years include the year. */
export async function scopeOf(db: Db, planId: number, taskNo: number, year: number) {
  const task = await taskOf(db, planId, taskNo);
  const milestones = (await db.selectFrom('milestone').selectAll().where('task_id', '=', task.id).orderBy('seq').execute()).filter(
    (m) => m.year_from !== null && m.year_from <= year && (m.year_to ?? m.year_from) >= year,
  );
  const targets = milestones.length
    ? await db.selectFrom('target').selectAll().where('milestone_id', 'in', milestones.map((m) => m.id)).orderBy('milestone_id').orderBy('seq').execute()
    : [];
  return { task, milestones, targets };
}

/** Save a draft (or a returned report being fixed). */
export async function saveReport(db: Db, ctx: ReportCtx, id: number, input: SaveReportInput): Promise<void> {
  await tx(db, async (trx) => {
    const r = await requireReport(trx, id);
    assertOwnUnit(ctx, r);
    if (r.status === 'accepted') throw new AppError('CONFLICT', '报告已采纳，不能再修改；如需更正请提交更正版本', { status: r.status });
    if (r.status !== 'draft' && r.status !== 'returned') throw new AppError('CONFLICT', `报告${REPORT_STATUS_ZH[r.status]}，审核期间不能修改`, { status: r.status });
    assertVersion(r, input.version);
    const period = await resolvePeriod(trx, r.plan_id, r.period);
    const scope = await scopeOf(trx, r.plan_id, r.task_no, period.year);
    const problems: { field: string; message: string }[] = [];
    for (const m of input.milestones ?? []) {
      if (!scope.milestones.some((x) => x.id === m.milestoneId)) problems.push({ field: `milestones[${m.milestoneId}]`, message: `工作计划 ${m.milestoneId} 不属于任务${r.task_no}的${period.year}年计划` });
    }
    for (const v of input.values ?? []) {
      const t = scope.targets.find((x) => x.id === v.targetId);
      if (!t) {
        problems.push({ field: `values[${v.targetId}]`, message: `量化目标 ${v.targetId} 不属于任务${r.task_no}的${period.year}年计划` });
        continue;
      }
      if (v.value === null) continue;
      const p = valueProblem(v.value, t.unit, t.base_unit, t.subject);
      if (p) problems.push({ field: `values[${v.targetId}]`, message: `“${t.subject}”（${t.unit}）${p}` });
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), { issues: problems });

    const before = { version: r.version };
    await trx
      .updateTable('report')
      .set({
        version: r.version + 1,
        updated_at: ctx.now.toISOString(),
        ...(input.percentComplete !== undefined ? { percent_complete: input.percentComplete } : {}),
        ...(input.problems !== undefined ? { problems: input.problems } : {}),
        ...(input.coordination !== undefined ? { coordination: input.coordination } : {}),
        ...(input.nextSteps !== undefined ? { next_steps: input.nextSteps } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', r.version)
      .execute();
    for (const m of input.milestones ?? []) {
      await trx.deleteFrom('report_milestone').where('report_id', '=', id).where('milestone_id', '=', m.milestoneId).execute();
      await trx.insertInto('report_milestone').values({ report_id: id, milestone_id: m.milestoneId, status: m.status, narrative: m.narrative }).execute();
    }
    for (const v of input.values ?? []) {
      await trx.deleteFrom('report_value').where('report_id', '=', id).where('target_id', '=', v.targetId).execute();
      if (v.value !== null) await trx.insertInto('report_value').values({ report_id: id, target_id: v.targetId, value: v.value, note: null }).execute();
    }
    const { version: _v, ...changes } = input;
    await audit(trx, ctx, 'report.save', 'report', id, before, { ...changes, version: r.version + 1 });
  });
}

async function transition(
  db: Db,
  ctx: ReportCtx,
  id: number,
  version: number,
  action: string,
  check: (r: ReportRow) => void,
  set: (r: ReportRow, now: string) => Updateable<ReportTable>,
  after?: (trx: Db) => Promise<void>,
): Promise<void> {
  await tx(db, async (trx) => {
    const r = await requireReport(trx, id);
    check(r);
    assertVersion(r, version);
    const now = ctx.now.toISOString();
    const changes = set(r, now);
    const res = await trx
      .updateTable('report')
      .set({ ...changes, version: r.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', r.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '报告已被他人修改，请刷新后再试');
    await audit(trx, ctx, action, 'report', id, { status: r.status, version: r.version }, { status: changes.status, version: r.version + 1, ...(changes.return_reason ? { reason: changes.return_reason } : {}) });
    await notifyNext(trx, r, changes.status!, ctx.now, changes.return_reason ?? null);
    if (after) await after(trx);
  });
}

/** Leave a message for whoever acts next on the report. */
async function notifyNext(db: Db, r: ReportRow, status: ReportTable['status'], now: Date, reason: string | null): Promise<void> {
  const what = `任务${r.task_no}（${r.unit_name}，${r.period}）的进展报告`;
  const link = `/reports/${r.id}`;
  if (status === 'submitted') await notify(db, await usersWithRole(db, 'unitHead', r.unit_name), { kind: 'report.approve', title: `待审核：${what}`, body: '填报员已提交，请审核。', link }, now);
  if (status === 'approved') await notify(db, await usersWithRole(db, 'planOffice'), { kind: 'report.decide', title: `待采纳：${what}`, body: '单位审核人已审核通过，请采纳或退回。', link }, now);
  if (status === 'returned') await notify(db, [r.author_id], { kind: 'report.returned', title: `已退回：${what}`, body: `退回原因：${reason ?? ''}`, link }, now);
  if (status === 'accepted') await notify(db, [r.author_id], { kind: 'report.accepted', title: `已采纳：${what}`, body: '报告已被市发展改革局采纳。', link }, now);
}

const wrongState = (r: ReportRow, doing: string): AppError =>
  new AppError('CONFLICT', `报告当前状态为“${REPORT_STATUS_ZH[r.status]}”，不能${doing}`, { status: r.status });

/**
 * Submit a draft (the period must be open) or resubmit a returned report: a report returned for
 * a fix after the deadline can always go back, and keeps the lateness of its first submission.
 */
export async function submitReport(db: Db, ctx: ReportCtx, id: number, version: number): Promise<void> {
  const r0 = await requireReport(db, id);
  assertOwnUnit(ctx, r0);
  const period = await resolvePeriod(db, r0.plan_id, r0.period);
  if (r0.status === 'draft') await assertOpen(db, r0.plan_id, period, r0.unit_name, ctx.now);
  await transition(db, ctx, id, version, 'report.submit', (r) => {
    if (r.status !== 'draft' && r.status !== 'returned') throw wrongState(r, '提交');
  }, (r) => ({ status: 'submitted', submitted_at: ctx.now.toISOString(), late: r.status === 'draft' ? (isLate(period, ctx.now) ? 1 : 0) : r.late }));
}

export async function approveReport(db: Db, ctx: ReportCtx, id: number, version: number): Promise<void> {
  await transition(db, ctx, id, version, 'report.approve', (r) => {
    assertOwnUnit(ctx, r);
    if (r.status !== 'submitted') throw wrongState(r, '审核通过');
  }, (_r, now) => ({ status: 'approved', approved_at: now, approved_by: ctx.actor.id }));
}

export async function acceptReport(db: Db, ctx: ReportCtx, id: number, version: number): Promise<void> {
  await transition(db, ctx, id, version, 'report.accept', (r) => {
    if (r.status !== 'approved') throw wrongState(r, '采纳');
  }, (_r, now) => ({ status: 'accepted', decided_at: now, decided_by: ctx.actor.id, return_reason: null }), (trx) => gatherProblems(trx, id, ctx.now));
}

/** Return with a reason: the unit head returns a submitted report, the plan office an approved one. */
export async function returnReport(db: Db, ctx: ReportCtx, id: number, version: number, reason: string): Promise<void> {
  const planOffice = can(ctx.actor.roles, 'report:decide');
  await transition(db, ctx, id, version, 'report.return', (r) => {
    if (planOffice ? r.status !== 'approved' : r.status !== 'submitted') throw wrongState(r, '退回');
    if (!planOffice) assertOwnUnit(ctx, r);
  }, (_r, now) => ({ status: 'returned', return_reason: reason, decided_at: now, decided_by: ctx.actor.id }));
}

/** A correction of an accepted report: a new revision (draft) carrying its content; both are kept. */
export async function correctReport(db: Db, ctx: ReportCtx, id: number, reason: string): Promise<number> {
  return tx(db, async (trx) => {
    const r = await requireReport(trx, id);
    assertOwnUnit(ctx, r);
    if (r.status !== 'accepted') throw wrongState(r, '更正（只有已采纳的报告需要更正）');
    const latest = await trx
      .selectFrom('report')
      .select((eb) => eb.fn.max('revision').as('rev'))
      .where('plan_id', '=', r.plan_id)
      .where('task_no', '=', r.task_no)
      .where('unit_name', '=', r.unit_name)
      .where('period', '=', r.period)
      .executeTakeFirstOrThrow();
    if (Number(latest.rev) !== r.revision) throw new AppError('CONFLICT', '该报告已有更新的更正版本');
    const now = ctx.now.toISOString();
    const { id: _id, ...copy } = r;
    const row = await trx
      .insertInto('report')
      .values({
        ...copy,
        revision: r.revision + 1,
        supersedes_id: r.id,
        correction_reason: reason,
        status: 'draft',
        version: 1,
        return_reason: null,
        author_id: ctx.actor.id!,
        late: 0,
        created_at: now,
        updated_at: now,
        ...NOT_YET_REVIEWED,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const newId = Number(row.id);
    await sql`insert into report_milestone (report_id, milestone_id, status, narrative) select ${newId}, milestone_id, status, narrative from report_milestone where report_id = ${id}`.execute(trx);
    await sql`insert into report_value (report_id, target_id, value, note) select ${newId}, target_id, value, note from report_value where report_id = ${id}`.execute(trx);
    await sql`insert into evidence_file (report_id, file_name, mime_type, size, sha256, content, uploaded_by, uploaded_at) select ${newId}, file_name, mime_type, size, sha256, content, uploaded_by, uploaded_at from evidence_file where report_id = ${id}`.execute(trx);
    await audit(trx, ctx, 'report.correct', 'report', newId, { supersedes: id, revision: r.revision }, { revision: r.revision + 1, reason });
    return newId;
  });
}

/** The workflow state of a report (status, version, lateness). */
export async function getReportState(db: Db, id: number) {
  const r = await requireReport(db, id);
  return { id: r.id, status: r.status, version: r.version, late: r.late === 1, returnReason: r.return_reason };
}

/** The full report as its readers see it. */
export async function getReport(db: Db, ctx: ReportCtx, id: number): Promise<ReportDetail> {
  const r = await requireReport(db, id);
  assertCanRead(ctx, r);
  const period = await resolvePeriod(db, r.plan_id, r.period);
  const scope = await scopeOf(db, r.plan_id, r.task_no, period.year);
  const [claims, values, contributions, evidence, revisions, author] = await Promise.all([
    db.selectFrom('report_milestone').selectAll().where('report_id', '=', id).execute(),
    db.selectFrom('report_value').selectAll().where('report_id', '=', id).execute(),
    db.selectFrom('contribution').selectAll().where('plan_id', '=', r.plan_id).where('task_no', '=', r.task_no).where('period', '=', r.period).orderBy('id').execute(),
    db.selectFrom('evidence_file').select(['id', 'file_name', 'mime_type', 'size', 'sha256', 'uploaded_at']).where('report_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('report')
      .select(['id', 'revision', 'status'])
      .where('plan_id', '=', r.plan_id)
      .where('task_no', '=', r.task_no)
      .where('unit_name', '=', r.unit_name)
      .where('period', '=', r.period)
      .orderBy('revision')
      .execute(),
    db.selectFrom('user_account').select(['display_name', 'login']).where('id', '=', r.author_id).executeTakeFirst(),
  ]);
  const previous = await latestAcceptedValues(db, r.plan_id, r.unit_name, scope.targets.map((t) => t.id), r.period);
  return {
    id: r.id,
    planId: r.plan_id,
    taskNo: r.task_no,
    taskTitle: scope.task.title,
    unit: r.unit_name,
    period,
    revision: r.revision,
    supersedesId: r.supersedes_id,
    correctionReason: r.correction_reason,
    status: r.status,
    version: r.version,
    late: r.late === 1,
    percentComplete: r.percent_complete,
    problems: r.problems,
    coordination: r.coordination,
    nextSteps: r.next_steps,
    returnReason: r.return_reason,
    author: author ? `${author.display_name}（${author.login}）` : String(r.author_id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    decidedAt: r.decided_at,
    milestones: scope.milestones.map((m) => {
      const c = claims.find((x) => x.milestone_id === m.id);
      const years: number[] = [];
      for (let y = m.year_from!; y <= (m.year_to ?? m.year_from!); y++) years.push(y);
      return { milestoneId: m.id, text: m.text, years, line: m.line, status: c?.status ?? null, narrative: c?.narrative ?? '' };
    }),
    targets: scope.targets.map((t) => ({
      targetId: t.id,
      subject: t.subject,
      comparator: t.comparator as '>=',
      value: t.value,
      valueMax: t.value_max,
      unit: t.unit,
      baseUnit: t.base_unit,
      milestoneId: t.milestone_id,
      reported: values.find((v) => v.target_id === t.id)?.value ?? null,
      previousAccepted: previous.get(t.id) ?? null,
    })),
    contributions: contributions.filter((c) => c.status === 'submitted' || c.unit_name === ctx.unitName).map((c) => ({ unit: c.unit_name, text: c.text, status: c.status, updatedAt: c.updated_at })),
    evidence: evidence.map((e) => ({ id: e.id, fileName: e.file_name, mimeType: e.mime_type, size: e.size, sha256: e.sha256, uploadedAt: e.uploaded_at })),
    revisions: revisions.map((x) => ({ id: x.id, revision: x.revision, status: x.status })),
  };
}

/** One entry serves all: the latest accepted value of each target from the unit's earlier periods. */
export async function latestAcceptedValues(db: Db, planId: number, unit: string, targetIds: number[], beforePeriod: string): Promise<Map<number, { value: number; period: string }>> {
  const out = new Map<number, { value: number; period: string }>();
  if (targetIds.length === 0) return out;
  const rows = await db
    .selectFrom('report_value')
    .innerJoin('report', 'report.id', 'report_value.report_id')
    .select(['report_value.target_id', 'report_value.value', 'report.period', 'report.revision'])
    .where('report.plan_id', '=', planId)
    .where('report.unit_name', '=', unit)
    .where('report.status', '=', 'accepted')
    .where('report.period', '<', beforePeriod)
    .where('report_value.target_id', 'in', targetIds)
    .orderBy('report.period')
    .orderBy('report.revision')
    .execute();
  for (const row of rows) out.set(row.target_id, { value: row.value, period: row.period });
  return out;
}

export interface ReportFilter {
  period?: string | undefined;
  taskNo?: number | undefined;
  unit?: string | undefined;
  status?: ReportTable['status'] | undefined;
}

/** Reports visible to the user: their unit's, and (plan office, leaders) every non-draft. */
export async function listReports(db: Db, ctx: ReportCtx, planId: number, f: ReportFilter) {
  let q = db.selectFrom('report').selectAll().where('plan_id', '=', planId);
  if (f.period) q = q.where('period', '=', f.period);
  if (f.taskNo) q = q.where('task_no', '=', f.taskNo);
  if (f.unit) q = q.where('unit_name', '=', f.unit);
  if (f.status) q = q.where('status', '=', f.status);
  const seeAll = can(ctx.actor.roles, 'report:decide') || ctx.actor.roles.includes('leader');
  if (!seeAll) q = q.where('unit_name', '=', ctx.unitName ?? '\u0000');
  const rows = await q.orderBy('period', 'desc').orderBy('task_no').orderBy('revision').execute();
  const titles = new Map((await db.selectFrom('task').select(['no', 'title']).where('plan_id', '=', planId).execute()).map((t) => [t.no, t.title]));
  return rows
    .filter((r) => seeAll ? r.status !== 'draft' || r.unit_name === ctx.unitName : true)
    .map((r) => ({
      id: r.id,
      taskNo: r.task_no,
      taskTitle: titles.get(r.task_no) ?? '',
      unit: r.unit_name,
      period: r.period,
      revision: r.revision,
      status: r.status,
      late: r.late === 1,
      percentComplete: r.percent_complete,
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
    }));
}

/** The unit's own contribution to a task for a period, or null. */
export async function findContribution(db: Db, ctx: ReportCtx, planId: number, taskNo: number, period: string) {
  const c = await db
    .selectFrom('contribution')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('task_no', '=', taskNo)
    .where('period', '=', period)
    .where('unit_name', '=', ctx.unitName ?? '\u0000')
    .executeTakeFirst();
  return c ? { id: c.id, taskNo, period: c.period, unit: c.unit_name, text: c.text, status: c.status, version: c.version, updatedAt: c.updated_at } : null;
}

/** 配合单位反馈: a cooperating unit's input to the lead's report of a task for a period. */
export async function saveContribution(db: Db, ctx: ReportCtx, planId: number, taskNo: number, periodCode: string, text: string, submit: boolean) {
  const unit = requireUnit(ctx);
  const task = await taskOf(db, planId, taskNo);
  if ((await roleOnTask(db, task.id, unit)) !== 'cooperate') throw new AppError('OUT_OF_SCOPE', `${unit}不是任务${taskNo}的配合单位`);
  const period = await resolvePeriod(db, planId, periodCode);
  await assertOpen(db, planId, period, unit, ctx.now);
  return tx(db, async (trx) => {
    const now = ctx.now.toISOString();
    const existing = await trx
      .selectFrom('contribution')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('task_no', '=', taskNo)
      .where('period', '=', period.code)
      .where('unit_name', '=', unit)
      .executeTakeFirst();
    const status = submit ? ('submitted' as const) : (existing?.status ?? ('draft' as const));
    let id: number;
    if (existing) {
      await trx.updateTable('contribution').set({ text, status, version: existing.version + 1, author_id: ctx.actor.id!, updated_at: now }).where('id', '=', existing.id).execute();
      id = existing.id;
    } else {
      const row = await trx
        .insertInto('contribution')
        .values({ plan_id: planId, task_no: taskNo, period: period.code, unit_name: unit, text, status, version: 1, author_id: ctx.actor.id!, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = Number(row.id);
    }
    await audit(trx, ctx, submit ? 'contribution.submit' : 'contribution.save', 'contribution', id, existing ? { text: existing.text, status: existing.status } : undefined, { text, status });
    const saved = await trx.selectFrom('contribution').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { id, taskNo, period: saved.period, unit, text: saved.text, status: saved.status, version: saved.version, updatedAt: saved.updated_at };
  });
}

export { MILESTONE_CLAIM_ZH };
