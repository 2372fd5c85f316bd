/**
 * 我的待办: what a user should do now. The period being reported on is the one before today's;
 * the one before that stays listed while it is not locked. Reporters see due, overdue and returned
 * reports and contributions asked of their unit; unit heads the reports awaiting their approval;
 * the plan office the reports awaiting acceptance.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { can } from '../../../shared/domain/roles.js';
import { chinaDate, isLocked, periodCodeAt, previousPeriodCode, type Period } from '../../../shared/domain/periods.js';
import { resolvePeriod, loadRule, type ReportCtx } from './report.service.js';

type Db = Kysely<Database>;

export interface TodoItem {
  kind: 'due' | 'overdue' | 'returned' | 'contribution' | 'approve' | 'decide';
  taskNo: number;
  taskTitle: string;
  period: string;
  dueDate: string;
  reportId: number | null;
  message: string;
}

export async function computeTodo(db: Db, ctx: ReportCtx, planId: number): Promise<TodoItem[]> {
  const rule = await loadRule(db, planId);
  const today = chinaDate(ctx.now);
  const current = previousPeriodCode(periodCodeAt(today, rule.frequency));
  const periods: Period[] = [await resolvePeriod(db, planId, current)];
  const earlier = await resolvePeriod(db, planId, previousPeriodCode(current));
  if (!isLocked(earlier, ctx.now)) periods.push(earlier);

  const tasks = await db.selectFrom('task').select(['id', 'no', 'title']).where('plan_id', '=', planId).orderBy('no').execute();
  const title = new Map(tasks.map((t) => [t.no, t.title]));
  const items: TodoItem[] = [];
  const unit = ctx.unitName;

  if (unit && can(ctx.actor.roles, 'report:write')) {
    const held = await db
      .selectFrom('assignment')
      .innerJoin('unit', 'unit.id', 'assignment.unit_id')
      .innerJoin('task', 'task.id', 'assignment.task_id')
      .select(['task.no', 'task.id', 'assignment.role'])
      .where('unit.plan_id', '=', planId)
      .where('unit.name', '=', unit)
      .execute();
    for (const p of periods) {
      const withWork = new Set(
        (
          await db
            .selectFrom('milestone')
            .select('task_id')
            .where('task_id', 'in', held.length ? held.map((h) => h.id) : [-1])
            .where('year_from', '<=', p.year)
            .where('year_to', '>=', p.year)
            .execute()
        ).map((m) => m.task_id),
      );
      const reports = await db.selectFrom('report').select(['id', 'task_no', 'status', 'revision']).where('plan_id', '=', planId).where('unit_name', '=', unit).where('period', '=', p.code).orderBy('revision').execute();
      const contributions = await db.selectFrom('contribution').select(['task_no', 'status']).where('plan_id', '=', planId).where('unit_name', '=', unit).where('period', '=', p.code).execute();
      for (const h of held) {
        if (!withWork.has(h.id)) continue;
        const base = { taskNo: h.no, taskTitle: title.get(h.no) ?? '', period: p.code, dueDate: p.dueDate };
        if (h.role === 'lead') {
          const latest = reports.filter((r) => r.task_no === h.no).at(-1);
          if (latest?.status === 'returned') items.push({ ...base, kind: 'returned', reportId: latest.id, message: `${p.label}报告被退回，请按退回原因修改后重新提交` });
          else if (!latest || latest.status === 'draft') {
            const overdue = today > p.dueDate;
            items.push({ ...base, kind: overdue ? 'overdue' : 'due', reportId: latest?.id ?? null, message: overdue ? `${p.label}报告已逾期（截止${p.dueDate}）` : `${p.label}报告请于${p.dueDate}前提交` });
          }
        } else if (!contributions.some((c) => c.task_no === h.no && c.status === 'submitted')) {
          items.push({ ...base, kind: 'contribution', reportId: null, message: `请提交${p.label}的配合单位反馈` });
        }
      }
    }
  }
  if (unit && can(ctx.actor.roles, 'report:approve')) {
    const waiting = await db.selectFrom('report').select(['id', 'task_no', 'period']).where('plan_id', '=', planId).where('unit_name', '=', unit).where('status', '=', 'submitted').execute();
    for (const r of waiting) {
      const p = await resolvePeriod(db, planId, r.period);
      items.push({ kind: 'approve', taskNo: r.task_no, taskTitle: title.get(r.task_no) ?? '', period: r.period, dueDate: p.dueDate, reportId: r.id, message: '本单位报告待审核' });
    }
  }
  if (can(ctx.actor.roles, 'report:decide')) {
    const waiting = await db.selectFrom('report').select(['id', 'task_no', 'period', 'unit_name']).where('plan_id', '=', planId).where('status', '=', 'approved').execute();
    for (const r of waiting) {
      const p = await resolvePeriod(db, planId, r.period);
      items.push({ kind: 'decide', taskNo: r.task_no, taskTitle: title.get(r.task_no) ?? '', period: r.period, dueDate: p.dueDate, reportId: r.id, message: `${r.unit_name}的报告待采纳` });
    }
  }
  return items;
}
