/**
 * Plan browser service: plans, tasks (with filters), zones, units, diagnostics.
 * Plans are small (dozens of tasks), so a task list loads the plan's tasks in four queries and
 * filters in memory; the same loader feeds the task page and the 分工表 export.
 */
import type { Kysely } from 'kysely';
import type { PlanDetail, PlanSummary, TaskDetail, TaskQuery, TaskSummary, UnitView, ZonesResponse } from '../../../shared/api/plan-api.js';
import type { ZoneCode } from '../../../shared/plan-model.js';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import * as repo from './plan.repository.js';
import { presentDiagnostic, presentMilestone, summariseTask } from './plan.presenter.js';

type Db = Kysely<Database>;

async function summary(db: Db, p: Awaited<ReturnType<typeof repo.findPlans>>[number]): Promise<PlanSummary> {
  const c = await repo.countPlan(db, p.id);
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    issuer: p.issuer,
    issuedOn: p.issued_on,
    version: p.version,
    sha256: p.sha256,
    importedAt: p.imported_at,
    counts: {
      categories: Number(c.categories),
      tasks: Number(c.tasks),
      milestones: Number(c.milestones),
      targets: Number(c.targets),
      units: Number(c.units),
      zones: Number(c.zones),
      counties: Number(c.counties),
      towns: Number(c.towns),
      diagnostics: { error: Number(c.errors), warning: Number(c.warnings), info: Number(c.infos) },
    },
  };
}

export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const plans = await repo.findPlans(db);
  return Promise.all(plans.map((p) => summary(db, p)));
}

async function requirePlan(db: Db, planId: number) {
  const plan = await repo.findPlanById(db, planId);
  if (!plan) throw notFound(`规划（编号 ${planId}）`);
  return plan;
}

export async function getPlan(db: Db, planId: number): Promise<PlanDetail> {
  const plan = await requirePlan(db, planId);
  const [base, goals, categories, tasks] = await Promise.all([summary(db, plan), repo.findGoals(db, planId), repo.findCategories(db, planId), repo.findTasks(db, planId)]);
  return {
    ...base,
    noticeTitle: plan.notice_title,
    noticeText: plan.notice_text,
    titleLine: plan.title_line,
    goals,
    categories: categories.map((c) => ({
      no: c.no,
      numeral: c.numeral,
      title: c.title,
      line: c.line,
      tasks: tasks.filter((t) => t.category_no === c.no).map((t) => ({ no: t.no, title: t.title })),
    })),
  };
}

type TaskRowView = Awaited<ReturnType<typeof repo.findTasks>>[number];

/** Full task views (assignments, milestones, targets) for the given task rows. */
async function assembleTasks(db: Db, rows: TaskRowView[]): Promise<TaskDetail[]> {
  const ids = rows.map((r) => r.id);
  const [assignments, milestones] = await Promise.all([repo.findAssignments(db, ids), repo.findMilestones(db, ids)]);
  const targets = await repo.findTargets(db, milestones.map((m) => m.id));
  return rows.map((r) => {
    const own = assignments.filter((a) => a.task_id === r.id);
    const ms = milestones.filter((m) => m.task_id === r.id).map((m) => presentMilestone(m, targets.filter((t) => t.milestone_id === m.id)));
    const years = [...new Set(ms.flatMap((m) => m.years))].sort((a, b) => a - b);
    return {
      no: r.no,
      category: r.category_no,
      categoryTitle: r.category_title,
      title: r.title,
      content: r.content,
      line: r.line,
      separateLeads: r.separate_leads === 1,
      includesOtherRelevantDepartments: r.includes_other_relevant_departments === 1,
      leads: own.filter((a) => a.role === 'lead').map((a) => a.unit),
      cooperators: own.filter((a) => a.role === 'cooperate').map((a) => a.unit),
      years,
      milestoneCount: ms.length,
      targetCount: ms.reduce((n, m) => n + m.targets.length, 0),
      bodyContent: r.body_content,
      bodyLine: r.body_line,
      unitsText: r.units_text,
      unitsLine: r.units_line,
      assignments: own.map((a) => ({ unit: a.unit, kind: a.kind as TaskDetail['assignments'][number]['kind'], role: a.role })),
      milestones: ms,
    };
  });
}

/** Every task of a plan with milestones and targets, in number order. */
export async function loadPlanTasks(db: Db, planId: number): Promise<TaskDetail[]> {
  await requirePlan(db, planId);
  return assembleTasks(db, await repo.findTasks(db, planId));
}

export async function getTask(db: Db, planId: number, no: number): Promise<TaskDetail> {
  await requirePlan(db, planId);
  const row = await repo.findTaskByNo(db, planId, no);
  if (!row) throw notFound(`任务 ${no}`);
  const [task] = await assembleTasks(db, [row]);
  return task!;
}

/** County name → zones it has towns in, from the plan's 附件1. */
async function countyZones(db: Db, planId: number): Promise<Map<string, Set<ZoneCode>>> {
  const [zones, divisions, zoneTowns] = await Promise.all([repo.findZones(db, planId), repo.findDivisions(db, planId), repo.findZoneTowns(db, planId)]);
  const countyById = new Map(divisions.filter((d) => d.kind === 'county').map((d) => [d.id, d.name]));
  const parentOf = new Map(divisions.filter((d) => d.kind === 'town').map((d) => [d.id, d.parent_id]));
  const zoneCode = new Map(zones.map((z) => [z.id, z.code as ZoneCode]));
  const out = new Map<string, Set<ZoneCode>>();
  for (const zt of zoneTowns) {
    const county = countyById.get(parentOf.get(zt.town_id) ?? -1);
    if (!county) continue;
    const set = out.get(county) ?? new Set<ZoneCode>();
    set.add(zoneCode.get(zt.zone_id)!);
    out.set(county, set);
  }
  return out;
}

const ZONE_CATEGORY_WORD: Record<ZoneCode, string> = { core: '都市核心区', bay: '大广海湾区', eco: '生态发展区' };

/** What the task filters need beyond the tasks themselves: which zones each county has towns in. */
export interface TaskFilterContext {
  zonesOfCounty: Map<string, Set<ZoneCode>>;
}

export async function loadTaskFilterContext(db: Db, planId: number): Promise<TaskFilterContext> {
  return { zonesOfCounty: await countyZones(db, planId) };
}

/** Apply the task list filters (see taskQuerySchema for their meaning). */
export function filterTasks(tasks: TaskDetail[], q: TaskQuery, ctx: TaskFilterContext): TaskDetail[] {
  // role narrows unit/county; on its own it has nothing to narrow and is ignored.
  const roleOk = (role: 'lead' | 'cooperate'): boolean => !q.role || q.role === role;
  return tasks.filter((t) => {
    if (q.category !== undefined && t.category !== q.category) return false;
    if (q.unit && !t.assignments.some((a) => a.unit === q.unit && roleOk(a.role))) return false;
    if (q.county && !t.assignments.some((a) => a.unit === `${q.county}政府` && roleOk(a.role))) return false;
    if (q.year !== undefined && !t.years.includes(q.year)) return false;
    if (q.zone) {
      const ownCategory = t.categoryTitle.includes(ZONE_CATEGORY_WORD[q.zone]);
      const held = t.assignments.some((a) => a.kind === 'countyGovernment' && ctx.zonesOfCounty.get(a.unit.replace(/政府$/, ''))?.has(q.zone!));
      if (!ownCategory && !held) return false;
    }
    if (q.q) {
      const needle = q.q.trim();
      const hay = [t.title, t.content, t.unitsText, ...t.milestones.map((m) => m.text)];
      if (!hay.some((h) => h.includes(needle))) return false;
    }
    return true;
  });
}

export async function listTasks(db: Db, planId: number, q: TaskQuery): Promise<{ items: TaskSummary[]; total: number }> {
  const tasks = await loadPlanTasks(db, planId);
  const items = filterTasks(tasks, q, await loadTaskFilterContext(db, planId)).map(summariseTask);
  return { items, total: items.length };
}

export async function getZones(db: Db, planId: number): Promise<ZonesResponse> {
  await requirePlan(db, planId);
  const [zones, divisions, zoneTowns, extensions] = await Promise.all([
    repo.findZones(db, planId),
    repo.findDivisions(db, planId),
    repo.findZoneTowns(db, planId),
    repo.findPolicyExtensions(db, planId),
  ]);
  const counties = divisions.filter((d) => d.kind === 'county');
  const towns = new Map(divisions.filter((d) => d.kind === 'town').map((d) => [d.id, d]));
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const zoneOfTown = new Map(zoneTowns.map((zt) => [zt.town_id, zoneById.get(zt.zone_id)!.code as ZoneCode]));
  const extendedTo = (townId: number): ZoneCode[] => extensions.filter((e) => e.town_id === townId).map((e) => zoneById.get(e.to_zone_id)!.code as ZoneCode);
  const countyName = new Map(counties.map((c) => [c.id, c.name]));
  const townView = (id: number, line: number) => {
    const t = towns.get(id)!;
    return { name: t.name, officialName: t.official_name, code: t.code, line, extendedTo: extendedTo(id) };
  };
  return {
    zones: zones.map((z) => {
      const own = zoneTowns.filter((zt) => zt.zone_id === z.id);
      const byCounty = counties
        .map((c) => ({
          name: c.name,
          code: c.code,
          towns: own.filter((zt) => towns.get(zt.town_id)?.parent_id === c.id).map((zt) => townView(zt.town_id, zt.line)),
        }))
        .filter((c) => c.towns.length > 0);
      return {
        code: z.code as ZoneCode,
        name: z.name,
        line: z.line,
        counties: byCounty,
        extensionTowns: extensions
          .filter((e) => e.to_zone_id === z.id)
          .map((e) => {
            const t = towns.get(e.town_id)!;
            return { town: t.name, county: countyName.get(t.parent_id ?? -1) ?? '', zone: zoneOfTown.get(e.town_id)!, code: t.code, line: e.line };
          }),
      };
    }),
    counties: counties.map((c) => {
      const own = [...towns.values()].filter((t) => t.parent_id === c.id);
      const zoneTownsCount = { core: 0, bay: 0, eco: 0 };
      for (const t of own) {
        const z = zoneOfTown.get(t.id);
        if (z) zoneTownsCount[z]++;
      }
      return { name: c.name, code: c.code, towns: own.length, zoneTowns: zoneTownsCount };
    }),
  };
}

export async function listUnits(db: Db, planId: number): Promise<UnitView[]> {
  await requirePlan(db, planId);
  const [units, aliases, assignments] = await Promise.all([repo.findUnits(db, planId), repo.findUnitAliases(db, planId), repo.findUnitAssignments(db, planId)]);
  return units.map((u) => ({
    name: u.name,
    kind: u.kind as UnitView['kind'],
    aliases: aliases.filter((a) => a.unit_id === u.id).map((a) => a.alias),
    line: u.line,
    leads: assignments.filter((a) => a.unit_id === u.id && a.role === 'lead').map((a) => a.no),
    cooperates: assignments.filter((a) => a.unit_id === u.id && a.role === 'cooperate').map((a) => a.no),
  }));
}

export async function listDiagnostics(db: Db, planId: number) {
  await requirePlan(db, planId);
  return (await repo.findDiagnostics(db, planId)).map(presentDiagnostic);
}
