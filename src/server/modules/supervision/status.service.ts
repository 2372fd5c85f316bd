/**
 * Computed status of a plan for a year, as of a moment: every task, milestone and target gets a
 * light from src/shared/domain/status.ts, from accepted reports only; groups (category, unit,
 * county, zone) roll up; reporting discipline per unit and period. Nothing here is typed by hand.
 *
 * Values: a target's actual is the sum, over its lead units, of each unit's latest accepted
 * year-to-date value in the year (分别牵头: each lead reports its own part). A newer value in a
 * report not yet accepted is 待确认 (pending), shown but not counted.
 */
import type { Kysely } from 'kysely';
import { groupLight, milestoneHealth, targetHealth, worstOf, type Claim, type Light, type Why } from '../../../shared/domain/status.js';
import { chinaDate, periodOf, type Period } from '../../../shared/domain/periods.js';
import type { ZoneCode } from '../../../shared/plan-model.js';
import type { Database } from '../../db/schema.js';
import { loadCalendar, loadRule } from '../reports/report.service.js';

type Db = Kysely<Database>;

export interface TargetStatus {
  targetId: number;
  milestoneId: number;
  subject: string;
  comparator: string;
  value: number;
  unit: string;
  accepted: number | null;
  pending: number | null;
  expected: number | null;
  attained: boolean | null;
  light: Light;
  why: Why;
}

export interface MilestoneStatus {
  milestoneId: number;
  text: string;
  line: number;
  claim: Claim | null;
  light: Light;
  why: Why;
}

export interface TaskStatus {
  no: number;
  title: string;
  category: number;
  leads: string[];
  light: Light;
  why: Why;
  milestones: MilestoneStatus[];
  targets: TargetStatus[];
}

export interface DisciplineRow {
  unit: string;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  onTimeRate: number | null;
  /** Consecutive periods, up to the last due one, with a report missing. */
  missedInARow: number;
  lastAccepted: string | null;
  stalenessDays: number | null;
  /** (task, period) pairs behind each count, for drill-down. */
  items: { taskNo: number; period: string; status: 'onTime' | 'late' | 'missing' }[];
}

export interface GroupStatus {
  key: string;
  light: Light;
  score: number | null;
  why: Why;
  taskNos: number[];
}

export interface PlanStatus {
  year: number;
  asOf: string;
  tasks: TaskStatus[];
  groups: { category: GroupStatus[]; unit: GroupStatus[]; county: GroupStatus[]; zone: GroupStatus[] };
  discipline: DisciplineRow[];
  periods: Period[];
}

const RANK: Record<Claim, number> = { done: 0, inProgress: 1, notStarted: 2, behind: 3 };

export async function computePlanStatus(db: Db, planId: number, year: number, asOf: Date): Promise<PlanStatus> {
  const [rule, calendar] = await Promise.all([loadRule(db, planId), loadCalendar(db)]);
  const count = rule.frequency === 'monthly' ? 12 : 4;
  const allPeriods = Array.from({ length: count }, (_, i) => periodOf(rule.frequency === 'monthly' ? `${year}-${String(i + 1).padStart(2, '0')}` : `${year}-Q${i + 1}`, rule, calendar));
  const today = chinaDate(asOf);
  const duePeriods = allPeriods.filter((p) => p.dueDate < today);

  const [tasks, categories, assignments, milestones, targets, reports] = await Promise.all([
    db.selectFrom('task').select(['id', 'no', 'title', 'category_id']).where('plan_id', '=', planId).orderBy('no').execute(),
    db.selectFrom('category').select(['id', 'no', 'title']).where('plan_id', '=', planId).execute(),
    db
      .selectFrom('assignment')
      .innerJoin('unit', 'unit.id', 'assignment.unit_id')
      .innerJoin('task', 'task.id', 'assignment.task_id')
      .select(['task.no', 'unit.name', 'unit.kind', 'assignment.role'])
      .where('task.plan_id', '=', planId)
      .execute(),
    db
      .selectFrom('milestone')
      .innerJoin('task', 'task.id', 'milestone.task_id')
      .select(['milestone.id', 'milestone.text', 'milestone.line', 'milestone.year_from', 'milestone.year_to', 'task.no'])
      .where('task.plan_id', '=', planId)
      .where('milestone.year_from', '<=', year)
      .where('milestone.year_to', '>=', year)
      .orderBy('milestone.seq')
      .execute(),
    db
      .selectFrom('target')
      .innerJoin('milestone', 'milestone.id', 'target.milestone_id')
      .innerJoin('task', 'task.id', 'milestone.task_id')
      .select(['target.id', 'target.milestone_id', 'target.subject', 'target.comparator', 'target.value', 'target.value_max', 'target.unit', 'task.no'])
      .where('task.plan_id', '=', planId)
      .where('milestone.year_from', '<=', year)
      .where('milestone.year_to', '>=', year)
      .execute(),
    db
      .selectFrom('report')
      .select(['id', 'task_no', 'unit_name', 'period', 'revision', 'status', 'submitted_at', 'late', 'decided_at'])
      .where('plan_id', '=', planId)
      .where('period', '>=', `${year}-`)
      .where('period', '<', `${year + 1}-`)
      .execute(),
  ]);
  const [values, claims] = await Promise.all([
    db
      .selectFrom('report_value')
      .innerJoin('report', 'report.id', 'report_value.report_id')
      .select(['report_value.report_id', 'report_value.target_id', 'report_value.value'])
      .where('report.plan_id', '=', planId)
      .where('report.period', '>=', `${year}-`)
      .where('report.period', '<', `${year + 1}-`)
      .execute(),
    db
      .selectFrom('report_milestone')
      .innerJoin('report', 'report.id', 'report_milestone.report_id')
      .select(['report_milestone.report_id', 'report_milestone.milestone_id', 'report_milestone.status'])
      .where('report.plan_id', '=', planId)
      .where('report.period', '>=', `${year}-`)
      .where('report.period', '<', `${year + 1}-`)
      .execute(),
  ]);
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const leadsOf = (no: number) => assignments.filter((a) => a.no === no && a.role === 'lead').map((a) => a.name);
  const index = <T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> => {
    const m = new Map<K, T[]>();
    for (const r of rows) {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const valuesByTarget = index(values, (v) => v.target_id);
  const claimsByMilestone = index(claims, (c) => c.milestone_id);
  const submittedBy = index(
    reports.filter((r) => r.submitted_at !== null),
    (r) => `${r.task_no}|${r.unit_name}|${r.period}`,
  );

  // Reporting discipline per lead unit: each due period × task with work this year.
  const withWork = new Set(milestones.map((m) => m.no));
  const units = [...new Set(assignments.filter((a) => a.role === 'lead' && withWork.has(a.no)).map((a) => a.name))];
  const discipline: DisciplineRow[] = units.map((unit) => {
    const held = [...new Set(assignments.filter((a) => a.name === unit && a.role === 'lead' && withWork.has(a.no)).map((a) => a.no))];
    const items: DisciplineRow['items'] = [];
    const missedByPeriod: boolean[] = [];
    for (const p of duePeriods) {
      let missedAny = false;
      for (const no of held) {
        const first = (submittedBy.get(`${no}|${unit}|${p.code}`) ?? []).slice().sort((a, b) => a.revision - b.revision)[0];
        const status = !first ? 'missing' : chinaDate(new Date(first.submitted_at!)) > p.dueDate || first.late === 1 ? 'late' : 'onTime';
        if (status === 'missing') missedAny = true;
        items.push({ taskNo: no, period: p.code, status });
      }
      missedByPeriod.push(missedAny);
    }
    let missedInARow = 0;
    for (let i = missedByPeriod.length - 1; i >= 0 && missedByPeriod[i]; i--) missedInARow++;
    const accepted = reports.filter((r) => r.unit_name === unit && r.status === 'accepted' && r.decided_at).map((r) => r.decided_at!).sort();
    const lastAccepted = accepted.at(-1) ?? null;
    const onTime = items.filter((i) => i.status === 'onTime').length;
    const late = items.filter((i) => i.status === 'late').length;
    return {
      unit,
      expected: items.length,
      onTime,
      late,
      missing: items.length - onTime - late,
      onTimeRate: items.length ? onTime / items.length : null,
      missedInARow,
      lastAccepted,
      stalenessDays: lastAccepted ? Math.floor((asOf.getTime() - new Date(lastAccepted).getTime()) / 86_400_000) : null,
      items,
    };
  });
  /** Consecutive due periods, up to the last, in which the unit's report on the task is missing. */
  const missedOf = (unit: string, taskNo: number): number => {
    const items = discipline.find((d) => d.unit === unit)?.items.filter((i) => i.taskNo === taskNo) ?? [];
    let n = 0;
    for (let i = items.length - 1; i >= 0 && items[i]!.status === 'missing'; i--) n++;
    return n;
  };

  const taskStatuses: TaskStatus[] = tasks
    .filter((t) => withWork.has(t.no))
    .map((t) => {
      const leads = leadsOf(t.no);
      const ms: MilestoneStatus[] = milestones
        .filter((m) => m.no === t.no)
        .map((m) => {
          // Each lead unit's latest accepted claim; the task's milestone takes the least advanced.
          const perUnit = leads
            .map((u) => {
              const latest = (claimsByMilestone.get(m.id) ?? [])
                .map((c) => ({ c, r: reportById.get(c.report_id)! }))
                .filter(({ r }) => r.unit_name === u && r.status === 'accepted')
                .sort((a, b) => (a.r.period === b.r.period ? a.r.revision - b.r.revision : a.r.period < b.r.period ? -1 : 1))
                .at(-1);
              return latest?.c.status ?? null;
            })
            .filter((c): c is Claim => c !== null);
          const claim = perUnit.length ? perUnit.reduce((w, c) => (RANK[c] > RANK[w] ? c : w)) : null;
          const years: number[] = [];
          for (let y = m.year_from!; y <= (m.year_to ?? m.year_from!); y++) years.push(y);
          const h = milestoneHealth(years, claim, asOf, Math.max(0, ...leads.map((u) => missedOf(u, t.no))));
          return { milestoneId: m.id, text: m.text, line: m.line, claim, light: h.light, why: h.why };
        });
      const ts: TargetStatus[] = targets
        .filter((x) => x.no === t.no)
        .map((x) => {
          let accepted: number | null = null;
          let pending: number | null = null;
          for (const u of leads) {
            const own = (valuesByTarget.get(x.id) ?? [])
              .map((v) => ({ v, r: reportById.get(v.report_id)! }))
              .filter(({ r }) => r.unit_name === u)
              .sort((a, b) => (a.r.period === b.r.period ? a.r.revision - b.r.revision : a.r.period < b.r.period ? -1 : 1));
            const acc = own.filter(({ r }) => r.status === 'accepted').at(-1);
            if (acc) accepted = (accepted ?? 0) + acc.v.value;
            const newest = own.at(-1);
            if (newest && newest !== acc && newest.r.status !== 'draft') pending = (pending ?? 0) + newest.v.value;
          }
          const h = targetHealth({
            target: { comparator: x.comparator as '>=', value: x.value, valueMax: x.value_max, unit: x.unit },
            year,
            accepted,
            pending,
            asOf,
            missedReports: Math.max(0, ...leads.map((u) => missedOf(u, t.no))),
          });
          return { targetId: x.id, milestoneId: x.milestone_id, subject: x.subject, comparator: x.comparator, value: x.value, unit: x.unit, accepted, pending, expected: h.expected, attained: h.attained, light: h.light, why: h.why };
        });
      const w = worstOf([...ms.map((m) => m.light), ...ts.map((x) => x.light)]);
      return { no: t.no, title: t.title, category: categories.find((c) => c.id === t.category_id)?.no ?? 0, leads, light: w.light, why: w.why, milestones: ms, targets: ts };
    });

  const group = (key: string, taskNos: number[]): GroupStatus => {
    const g = groupLight(taskStatuses.filter((t) => taskNos.includes(t.no)).map((t) => t.light));
    return { key, light: g.light, score: g.score, why: g.why, taskNos: taskNos.filter((n) => taskStatuses.some((t) => t.no === n)) };
  };
  const countyZones = await zonesByCounty(db, planId);
  const zoneWord: Record<ZoneCode, string> = { core: '都市核心区', bay: '大广海湾区', eco: '生态发展区' };
  const countyHeld = (county: string): number[] => [...new Set(assignments.filter((a) => a.name === `${county}政府`).map((a) => a.no))];
  return {
    year,
    asOf: asOf.toISOString(),
    tasks: taskStatuses,
    periods: allPeriods,
    discipline,
    groups: {
      category: categories.sort((a, b) => a.no - b.no).map((c) => group(`${c.no}`, taskStatuses.filter((t) => t.category === c.no).map((t) => t.no))),
      unit: units.map((u) => group(u, [...new Set(assignments.filter((a) => a.name === u && a.role === 'lead').map((a) => a.no))])),
      county: [...countyZones.keys()].map((c) => group(c, countyHeld(c))),
      zone: (Object.keys(zoneWord) as ZoneCode[]).map((z) => {
        const ownCategory = categories.filter((c) => c.title.includes(zoneWord[z])).map((c) => c.no);
        const byCategory = taskStatuses.filter((t) => ownCategory.includes(t.category)).map((t) => t.no);
        const byCounty = [...countyZones].filter(([, zs]) => zs.has(z)).flatMap(([c]) => countyHeld(c));
        return group(z, [...new Set([...byCategory, ...byCounty])].sort((a, b) => a - b));
      }),
    },
  };
}

async function zonesByCounty(db: Db, planId: number): Promise<Map<string, Set<ZoneCode>>> {
  const rows = await db
    .selectFrom('zone_town')
    .innerJoin('zone', 'zone.id', 'zone_town.zone_id')
    .innerJoin('division as town', 'town.id', 'zone_town.town_id')
    .innerJoin('division as county', 'county.id', 'town.parent_id')
    .select(['zone.code', 'county.name', 'county.seq'])
    .where('zone.plan_id', '=', planId)
    .orderBy('county.seq')
    .execute();
  const out = new Map<string, Set<ZoneCode>>();
  for (const r of rows) out.set(r.name, (out.get(r.name) ?? new Set()).add(r.code as ZoneCode));
  return out;
}
