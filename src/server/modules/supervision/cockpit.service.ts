/**
 * The cockpit (驾驶舱): KPI tiles, groups and the monthly trend, each figure with the list it
 * was counted from, so every number on screen opens its drill-down (and a test checks that the
 * figure equals its list).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { computePlanStatus, type PlanStatus } from './status.service.js';

type Db = Kysely<Database>;

/**
 * `unit`: the viewer's own unit when the viewer sees only that unit's 督办单 and problems (a unit's
 * reporter or head); null for the plan office and leaders. The two tiles then count what the
 * viewer's lists show.
 */
export async function cockpit(db: Db, planId: number, year: number, asOf: Date, unit: string | null = null) {
  const status: PlanStatus = await computePlanStatus(db, planId, year, asOf);
  let noticeQuery = db.selectFrom('supervision_notice').select(['id', 'level', 'task_no', 'unit_name']).where('plan_id', '=', planId).where('state', '!=', 'closed');
  let problemQuery = db.selectFrom('problem').select(['id', 'task_no', 'unit_name', 'kind']).where('plan_id', '=', planId).where('status', '!=', 'resolved');
  if (unit !== null) {
    noticeQuery = noticeQuery.where('unit_name', '=', unit);
    problemQuery = problemQuery.where('unit_name', '=', unit);
  }
  const [notices, problems] = await Promise.all([noticeQuery.execute(), problemQuery.execute()]);
  const byLight = (l: string) => status.tasks.filter((t) => t.light === l).map((t) => t.no);
  const milestones = status.tasks.flatMap((t) => t.milestones.map((m) => ({ taskNo: t.no, milestoneId: m.milestoneId, done: m.claim === 'done', light: m.light })));
  const targets = status.tasks.flatMap((t) => t.targets.map((x) => ({ taskNo: t.no, targetId: x.targetId, subject: x.subject, attained: x.attained === true, light: x.light })));
  const reportItems = status.discipline.flatMap((d) => d.items.map((i) => ({ ...i, unit: d.unit })));
  const onTime = reportItems.filter((i) => i.status === 'onTime');
  return {
    year,
    asOf: status.asOf,
    tiles: {
      tasks: { total: status.tasks.length, green: byLight('green'), yellow: byLight('yellow'), red: byLight('red'), none: byLight('none') },
      milestones: { total: milestones.length, attained: milestones.filter((m) => m.done).length, items: milestones },
      targets: { total: targets.length, attained: targets.filter((t) => t.attained).length, items: targets },
      reports: { expected: reportItems.length, onTime: onTime.length, rate: reportItems.length ? onTime.length / reportItems.length : null, items: reportItems },
      notices: { open: notices.length, blue: notices.filter((n) => n.level === 'blue').map((n) => n.id), yellow: notices.filter((n) => n.level === 'yellow').map((n) => n.id), red: notices.filter((n) => n.level === 'red').map((n) => n.id) },
      problems: { open: problems.length, ids: problems.map((p) => p.id) },
    },
    groups: status.groups,
    trend: status.periods
      .filter((p) => reportItems.some((i) => i.period === p.code))
      .map((p) => {
        const items = reportItems.filter((i) => i.period === p.code);
        return { period: p.code, label: p.label, onTime: items.filter((i) => i.status === 'onTime').length, late: items.filter((i) => i.status === 'late').length, missing: items.filter((i) => i.status === 'missing').length };
      }),
    tasks: status.tasks.map((t) => ({ no: t.no, title: t.title, category: t.category, leads: t.leads, light: t.light, why: t.why })),
  };
}
