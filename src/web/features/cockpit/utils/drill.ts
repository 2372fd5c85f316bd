/**
 * Drill-down: every figure on the cockpit (tile, bar segment, map region) carries a DrillSpec;
 * `buildDrill` turns it into the list the figure was counted from. Pure, so tests can check that
 * each figure equals the length of its list.
 */
import type {
  CockpitData,
  CockpitMilestoneItem,
  CockpitReportItem,
  CockpitTargetItem,
  CockpitTask,
  GroupKind,
  Light,
  NoticeLevel,
  ReportItemStatus,
} from '../api/types.js';
import { byLight, LIGHT_ORDER, NOTICE_LEVEL_ORDER } from './lights.js';

export type DrillSpec =
  /** Tasks by light (all when light is absent). */
  | { kind: 'tasks'; light?: Light }
  /** A group's tasks (category, unit, county, zone), optionally one light. */
  | { kind: 'group'; group: GroupKind; key: string; light?: Light }
  /** This year's milestones; `done` narrows to 已完成 (true) or the rest (false). */
  | { kind: 'milestones'; done?: boolean }
  | { kind: 'targets'; attained?: boolean }
  /** Expected reports (task × period × lead unit), narrowed by status, period or unit. */
  | { kind: 'reports'; status?: ReportItemStatus; period?: string; unit?: string }
  /** Open 督办单, optionally one level. */
  | { kind: 'notices'; level?: NoticeLevel }
  /** Open problems in the 问题台账. */
  | { kind: 'problems' };

export type DrillList =
  | { type: 'tasks'; rows: CockpitTask[] }
  | { type: 'milestones'; rows: CockpitMilestoneItem[] }
  | { type: 'targets'; rows: CockpitTargetItem[] }
  | { type: 'reports'; rows: CockpitReportItem[] }
  | { type: 'notices'; ids: number[] }
  | { type: 'problems'; ids: number[] };

const taskOrder = byLight<CockpitTask>((a, b) => a.no - b.no);

function tasksOf(data: CockpitData, nos: readonly number[]): CockpitTask[] {
  const wanted = new Set(nos);
  return data.tasks.filter((task) => wanted.has(task.no)).sort(taskOrder);
}

/** The list behind a figure. */
export function buildDrill(data: CockpitData, spec: DrillSpec): DrillList {
  switch (spec.kind) {
    case 'tasks': {
      const tile = data.tiles.tasks;
      const nos = spec.light ? tile[spec.light] : LIGHT_ORDER.flatMap((light) => tile[light]);
      return { type: 'tasks', rows: tasksOf(data, nos) };
    }
    case 'group': {
      const group = data.groups[spec.group].find((g) => g.key === spec.key);
      const rows = tasksOf(data, group?.taskNos ?? []);
      return { type: 'tasks', rows: spec.light ? rows.filter((task) => task.light === spec.light) : rows };
    }
    case 'milestones': {
      const items = data.tiles.milestones.items;
      return { type: 'milestones', rows: spec.done === undefined ? items : items.filter((m) => m.done === spec.done) };
    }
    case 'targets': {
      const items = data.tiles.targets.items;
      return { type: 'targets', rows: spec.attained === undefined ? items : items.filter((x) => x.attained === spec.attained) };
    }
    case 'reports':
      return {
        type: 'reports',
        rows: data.tiles.reports.items.filter(
          (item) => (!spec.status || item.status === spec.status) && (!spec.period || item.period === spec.period) && (!spec.unit || item.unit === spec.unit),
        ),
      };
    case 'notices': {
      const tile = data.tiles.notices;
      return { type: 'notices', ids: spec.level ? tile[spec.level] : NOTICE_LEVEL_ORDER.flatMap((level) => tile[level]) };
    }
    case 'problems':
      return { type: 'problems', ids: data.tiles.problems.ids };
  }
}

/** How many entries the list has (the figure it must equal). */
export function drillCount(list: DrillList): number {
  return 'rows' in list ? list.rows.length : list.ids.length;
}

/** A stable key for a spec (React keys, test ids). */
export function drillKey(spec: DrillSpec): string {
  return Object.entries(spec)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&');
}

export interface Tile {
  key: string;
  value: number;
  drill: DrillSpec;
}

/**
 * The KPI figures, each with the spec of its list: tasks per light, milestones done, targets
 * attained, reports on time (and late / missing), open 督办单 per level, open problems.
 */
export function buildTiles(data: CockpitData): Record<string, Tile> {
  const t = data.tiles;
  const tile = (key: string, value: number, drill: DrillSpec): [string, Tile] => [key, { key, value, drill }];
  const countOf = (status: ReportItemStatus) => t.reports.items.filter((item) => item.status === status).length;
  return Object.fromEntries([
    tile('tasks', t.tasks.total, { kind: 'tasks' }),
    ...LIGHT_ORDER.map((light) => tile(`tasks.${light}`, t.tasks[light].length, { kind: 'tasks', light })),
    tile('milestones', t.milestones.total, { kind: 'milestones' }),
    tile('milestones.done', t.milestones.attained, { kind: 'milestones', done: true }),
    tile('targets', t.targets.total, { kind: 'targets' }),
    tile('targets.attained', t.targets.attained, { kind: 'targets', attained: true }),
    tile('reports', t.reports.expected, { kind: 'reports' }),
    tile('reports.onTime', t.reports.onTime, { kind: 'reports', status: 'onTime' }),
    tile('reports.late', countOf('late'), { kind: 'reports', status: 'late' }),
    tile('reports.missing', countOf('missing'), { kind: 'reports', status: 'missing' }),
    tile('notices', t.notices.open, { kind: 'notices' }),
    ...NOTICE_LEVEL_ORDER.map((level) => tile(`notices.${level}`, t.notices[level].length, { kind: 'notices', level })),
    tile('problems', t.problems.open, { kind: 'problems' }),
  ]);
}

/** Share as a whole percentage with one decimal ('—' when there is nothing to divide). */
export function percent(part: number, whole: number): string {
  if (!whole) return '—';
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}
