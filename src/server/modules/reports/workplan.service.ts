/**
 * County annual work plans (年度工作计划, 三(一)): each county government turns the city milestones
 * of the tasks it holds into its own actions and its share of each city target, submitted and
 * accepted (or returned) like reports. Coverage shows, per city target, how far the counties'
 * submitted shares add up, with a warning when they fall short.
 */
import type { Kysely } from 'kysely';
import type { WorkPlanView } from '../../../shared/api/report-api.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { notify, usersWithRole } from '../inbox/inbox.service.js';
import { valueProblem, type ReportCtx } from './report.service.js';

type Db = Kysely<Database>;

const tx = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

async function countyUnit(db: Db, planId: number, ctx: ReportCtx): Promise<string> {
  const unit = ctx.unitName;
  const row = unit ? await db.selectFrom('unit').select(['name', 'kind']).where('plan_id', '=', planId).where('name', '=', unit).executeTakeFirst() : undefined;
  if (!row || row.kind !== 'countyGovernment') throw new AppError('OUT_OF_SCOPE', '年度工作计划由各市(区)政府编制');
  return row.name;
}

/** Milestones of the year on tasks the unit holds, with their targets. */
async function scope(db: Db, planId: number, unit: string, year: number) {
  const rows = await db
    .selectFrom('assignment')
    .innerJoin('unit', 'unit.id', 'assignment.unit_id')
    .innerJoin('task', 'task.id', 'assignment.task_id')
    .innerJoin('milestone', 'milestone.task_id', 'task.id')
    .select(['task.no', 'task.title', 'assignment.role', 'milestone.id as milestone_id', 'milestone.text', 'milestone.line'])
    .where('unit.plan_id', '=', planId)
    .where('unit.name', '=', unit)
    .where('milestone.year_from', '<=', year)
    .where('milestone.year_to', '>=', year)
    .orderBy('task.no')
    .orderBy('milestone.seq')
    .execute();
  const targets = rows.length
    ? await db.selectFrom('target').select(['id', 'milestone_id', 'subject', 'value', 'unit', 'base_unit']).where('milestone_id', 'in', rows.map((r) => r.milestone_id)).orderBy('seq').execute()
    : [];
  return { rows, targets };
}

async function requireWorkPlan(db: Db, id: number) {
  const wp = await db.selectFrom('work_plan').selectAll().where('id', '=', id).executeTakeFirst();
  if (!wp) throw new AppError('NOT_FOUND', `年度工作计划（编号 ${id}）不存在`);
  return wp;
}

export async function getWorkPlan(db: Db, id: number): Promise<WorkPlanView> {
  const wp = await requireWorkPlan(db, id);
  const { rows, targets } = await scope(db, wp.plan_id, wp.unit_name, wp.year);
  const items = await db.selectFrom('work_plan_item').selectAll().where('work_plan_id', '=', id).execute();
  return {
    id: wp.id,
    planId: wp.plan_id,
    unit: wp.unit_name,
    year: wp.year,
    status: wp.status,
    version: wp.version,
    returnReason: wp.return_reason,
    updatedAt: wp.updated_at,
    milestones: rows.map((r) => ({
      milestoneId: r.milestone_id,
      taskNo: r.no,
      taskTitle: r.title,
      role: r.role,
      text: r.text,
      line: r.line,
      action: items.find((i) => i.milestone_id === r.milestone_id && i.target_id === null)?.action ?? '',
      targets: targets
        .filter((t) => t.milestone_id === r.milestone_id)
        .map((t) => ({ targetId: t.id, subject: t.subject, value: t.value, unit: t.unit, share: items.find((i) => i.target_id === t.id)?.quantity ?? null })),
    })),
  };
}

export async function openWorkPlan(db: Db, ctx: ReportCtx, planId: number, year: number): Promise<number> {
  const unit = await countyUnit(db, planId, ctx);
  const existing = await db.selectFrom('work_plan').select('id').where('plan_id', '=', planId).where('unit_name', '=', unit).where('year', '=', year).executeTakeFirst();
  if (existing) return existing.id;
  return tx(db, async (trx) => {
    const row = await trx
      .insertInto('work_plan')
      .values({ plan_id: planId, unit_name: unit, year, status: 'draft', version: 1, return_reason: null, author_id: ctx.actor.id!, updated_at: ctx.now.toISOString(), submitted_at: null, decided_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'workPlan.create', objectType: 'workPlan', objectId: Number(row.id), after: { unit, year }, outcome: 'success', ip: ctx.ip ?? null, requestId: ctx.requestId ?? null });
    return Number(row.id);
  });
}

export async function saveWorkPlan(
  db: Db,
  ctx: ReportCtx,
  id: number,
  input: { version: number; milestones: { milestoneId: number; action: string; shares: { targetId: number; share: number | null }[] }[] },
): Promise<void> {
  await tx(db, async (trx) => {
    const wp = await requireWorkPlan(trx, id);
    if (wp.unit_name !== ctx.unitName) throw new AppError('OUT_OF_SCOPE', '只能编辑本单位的年度工作计划');
    if (wp.status !== 'draft' && wp.status !== 'returned') throw new AppError('CONFLICT', '年度工作计划已提交或已采纳，不能修改', { status: wp.status });
    if (wp.version !== input.version) throw new AppError('CONFLICT', `年度工作计划已被修改（当前版本 ${wp.version}），请刷新后再改`, { currentVersion: wp.version });
    const { rows, targets } = await scope(trx, wp.plan_id, wp.unit_name, wp.year);
    const issues: { field: string; message: string }[] = [];
    for (const m of input.milestones) {
      if (!rows.some((r) => r.milestone_id === m.milestoneId)) issues.push({ field: `milestones[${m.milestoneId}]`, message: `工作计划 ${m.milestoneId} 不是本单位${wp.year}年承担的任务` });
      for (const s of m.shares) {
        const t = targets.find((x) => x.id === s.targetId && x.milestone_id === m.milestoneId);
        if (!t) issues.push({ field: `shares[${s.targetId}]`, message: `量化目标 ${s.targetId} 不属于该工作计划` });
        else if (s.share !== null) {
          const p = valueProblem(s.share, t.unit, t.base_unit, t.subject);
          if (p) issues.push({ field: `shares[${s.targetId}]`, message: `“${t.subject}”的本地任务量${p}` });
        }
      }
    }
    if (issues.length) throw new AppError('VALIDATION_FAILED', issues.map((i) => i.message).join('；'), { issues });
    await trx.deleteFrom('work_plan_item').where('work_plan_id', '=', id).execute();
    const values = input.milestones.flatMap((m) => [
      { work_plan_id: id, milestone_id: m.milestoneId, target_id: null, action: m.action, quantity: null },
      ...m.shares.filter((s) => s.share !== null).map((s) => ({ work_plan_id: id, milestone_id: m.milestoneId, target_id: s.targetId, action: '', quantity: s.share })),
    ]);
    if (values.length) await trx.insertInto('work_plan_item').values(values).execute();
    await trx.updateTable('work_plan').set({ version: wp.version + 1, updated_at: ctx.now.toISOString() }).where('id', '=', id).execute();
    await writeAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'workPlan.save', objectType: 'workPlan', objectId: id, after: input, outcome: 'success', ip: ctx.ip ?? null, requestId: ctx.requestId ?? null });
  });
}

type Move = 'submit' | 'accept' | 'return';

export async function moveWorkPlan(db: Db, ctx: ReportCtx, id: number, version: number, move: Move, reason?: string): Promise<void> {
  await tx(db, async (trx) => {
    const wp = await requireWorkPlan(trx, id);
    if (wp.version !== version) throw new AppError('CONFLICT', `年度工作计划已被修改（当前版本 ${wp.version}），请刷新后再试`, { currentVersion: wp.version });
    const allowed: Record<Move, string[]> = { submit: ['draft', 'returned'], accept: ['submitted'], return: ['submitted'] };
    if (!allowed[move].includes(wp.status)) throw new AppError('CONFLICT', `年度工作计划当前状态不能${move === 'submit' ? '提交' : move === 'accept' ? '采纳' : '退回'}`, { status: wp.status });
    if (move === 'submit' && wp.unit_name !== ctx.unitName) throw new AppError('OUT_OF_SCOPE', '只能提交本单位的年度工作计划');
    const now = ctx.now.toISOString();
    const status = move === 'submit' ? 'submitted' : move === 'accept' ? 'accepted' : 'returned';
    await trx
      .updateTable('work_plan')
      .set({ status, version: wp.version + 1, updated_at: now, ...(move === 'submit' ? { submitted_at: now } : { decided_at: now }), return_reason: move === 'return' ? (reason ?? '') : null })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, { at: ctx.now, actor: ctx.actor, action: `workPlan.${move}`, objectType: 'workPlan', objectId: id, before: { status: wp.status }, after: { status, reason }, outcome: 'success', ip: ctx.ip ?? null, requestId: ctx.requestId ?? null });
    const what = `${wp.unit_name}${wp.year}年度工作计划`;
    if (move === 'submit') await notify(trx, await usersWithRole(trx, 'planOffice'), { kind: 'workPlan.decide', title: `待采纳：${what}`, body: '请审阅并采纳或退回。', link: `/work-plans/${id}` }, ctx.now);
    else await notify(trx, [wp.author_id], { kind: `workPlan.${status}`, title: `${move === 'accept' ? '已采纳' : '已退回'}：${what}`, body: reason ? `退回原因：${reason}` : '年度工作计划已采纳。', link: `/work-plans/${id}` }, ctx.now);
  });
}

/** Per city target of the year: the counties' submitted/accepted shares and how far they cover it. */
export async function coverage(db: Db, planId: number, year: number) {
  const targets = await db
    .selectFrom('target')
    .innerJoin('milestone', 'milestone.id', 'target.milestone_id')
    .innerJoin('task', 'task.id', 'milestone.task_id')
    .select(['target.id', 'target.subject', 'target.value', 'target.unit', 'task.no'])
    .where('task.plan_id', '=', planId)
    .where('milestone.year_from', '<=', year)
    .where('milestone.year_to', '>=', year)
    .orderBy('task.no')
    .orderBy('target.id')
    .execute();
  const shares = await db
    .selectFrom('work_plan_item')
    .innerJoin('work_plan', 'work_plan.id', 'work_plan_item.work_plan_id')
    .select(['work_plan_item.target_id', 'work_plan_item.quantity', 'work_plan.unit_name', 'work_plan.status'])
    .where('work_plan.plan_id', '=', planId)
    .where('work_plan.year', '=', year)
    .where('work_plan_item.target_id', 'is not', null)
    .execute();
  // Targets of tasks a county government holds: those the counties' plans must cover.
  const countyTasks = new Set(
    (
      await db
        .selectFrom('assignment')
        .innerJoin('unit', 'unit.id', 'assignment.unit_id')
        .innerJoin('task', 'task.id', 'assignment.task_id')
        .select('task.no')
        .where('task.plan_id', '=', planId)
        .where('unit.kind', '=', 'countyGovernment')
        .execute()
    ).map((r) => r.no),
  );
  const items = targets
    .filter((t) => countyTasks.has(t.no))
    .map((t) => {
      const counties = shares.filter((s) => s.target_id === t.id && s.quantity !== null).map((s) => ({ unit: s.unit_name, share: s.quantity!, status: s.status }));
      const total = counties.filter((c) => c.status === 'submitted' || c.status === 'accepted').reduce((n, c) => n + c.share, 0);
      const ratio = t.value > 0 ? total / t.value : 0;
      return { targetId: t.id, taskNo: t.no, subject: t.subject, cityValue: t.value, unit: t.unit, counties, total, ratio, shortfall: ratio < 1 };
    });
  return { year, items };
}
