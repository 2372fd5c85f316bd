/**
 * County and zone pages: a county's towns by zone, its tasks (as lead or cooperating
 * government) with their lights, and its share of the work-plan coverage; a zone's counties.
 * Pure helpers over the zones, tasks, status and coverage responses.
 */
import type { TaskSummary, ZonesResponse } from '../../../../shared/api/plan-api.js';
import type { ZoneCode } from '../../../../shared/plan-model.js';
import type { GroupStatus, Light, TaskStatus, Why } from '../api/types.js';
import { byLight } from './lights.js';

/** The county government's unit name as the plan writes it (台山市 → 台山市政府). */
export const countyGovernment = (county: string): string => `${county}政府`;

/** A county's towns per zone (only zones where it has towns), with their 区域政策延伸. */
export function countyTowns(zones: ZonesResponse, county: string): { zone: ZoneCode; zoneName: string; towns: { name: string; code: string | null; extendedTo: ZoneCode[] }[] }[] {
  return zones.zones.flatMap((zone) => {
    const entry = zone.counties.find((c) => c.name === county);
    return entry && entry.towns.length ? [{ zone: zone.code, zoneName: zone.name, towns: entry.towns.map((t) => ({ name: t.name, code: t.code, extendedTo: t.extendedTo })) }] : [];
  });
}

export interface PlaceTaskRow {
  no: number;
  title: string;
  category: number;
  role: 'lead' | 'cooperate' | null;
  leads: string[];
  /** Null when the task has no work in the year (no light computed). */
  light: Light | null;
  why: Why | null;
}

/** Tasks of a county (from GET tasks?county=) with its role and the year's lights; worst first. */
export function countyTaskRows(tasks: readonly TaskSummary[], status: readonly TaskStatus[] | undefined, county: string): PlaceTaskRow[] {
  const gov = countyGovernment(county);
  const lights = new Map((status ?? []).map((task) => [task.no, task]));
  return tasks
    .map((task) => {
      const lit = lights.get(task.no);
      const role = task.leads.includes(gov) ? 'lead' : task.cooperators.includes(gov) ? 'cooperate' : null;
      return { no: task.no, title: task.title, category: task.category, role, leads: task.leads, light: lit?.light ?? null, why: lit?.why ?? null } satisfies PlaceTaskRow;
    })
    .sort(sortPlaceRows);
}

/** Worst light first (tasks without a light last), then by number. */
export function sortPlaceRows(a: PlaceTaskRow, b: PlaceTaskRow): number {
  if (a.light === null || b.light === null) return (a.light === null ? 1 : 0) - (b.light === null ? 1 : 0) || a.no - b.no;
  return byLight<{ light: Light; no: number }>((x, y) => x.no - y.no)({ light: a.light, no: a.no }, { light: b.light, no: b.no });
}

/** Tasks of a group (e.g. a zone) from the status, worst first. */
export function groupTaskRows(group: GroupStatus | undefined, status: readonly TaskStatus[]): PlaceTaskRow[] {
  const wanted = new Set(group?.taskNos ?? []);
  return status
    .filter((task) => wanted.has(task.no))
    .map((task) => ({ no: task.no, title: task.title, category: task.category, role: null, leads: task.leads, light: task.light, why: task.why }))
    .sort(sortPlaceRows);
}

export interface CoverageItem {
  targetId: number;
  taskNo: number;
  subject: string;
  cityValue: number;
  unit: string;
  counties: { unit: string; share: number; status: 'draft' | 'submitted' | 'accepted' | 'returned' }[];
  total: number;
  ratio: number;
  shortfall: boolean;
}

export interface CountyCoverageRow {
  targetId: number;
  taskNo: number;
  subject: string;
  cityValue: number;
  unit: string;
  /** The county's own share in its work plan, or null when it has not planned any. */
  share: number | null;
  status: CoverageItem['counties'][number]['status'] | null;
  /** The city-wide coverage of the target (all counties' submitted/accepted shares). */
  cityRatio: number;
  shortfall: boolean;
}

/**
 * The coverage items of the county's tasks: its own share of each target (null = 未分解), and
 * the city-wide ratio for context.
 */
export function countyCoverage(items: readonly CoverageItem[], countyTaskNos: ReadonlySet<number>, county: string): CountyCoverageRow[] {
  const gov = countyGovernment(county);
  return items
    .filter((item) => countyTaskNos.has(item.taskNo))
    .map((item) => {
      const own = item.counties.find((c) => c.unit === gov);
      return { targetId: item.targetId, taskNo: item.taskNo, subject: item.subject, cityValue: item.cityValue, unit: item.unit, share: own?.share ?? null, status: own?.status ?? null, cityRatio: item.ratio, shortfall: item.shortfall };
    });
}

/** A zone's counties with their town count in the zone and the county's overall light. */
export function zoneCounties(zones: ZonesResponse, code: ZoneCode, countyGroups: readonly GroupStatus[]): { name: string; towns: number; totalTowns: number; light: Light | null; score: number | null }[] {
  const zone = zones.zones.find((z) => z.code === code);
  if (!zone) return [];
  return zone.counties.map((county) => {
    const group = countyGroups.find((g) => g.key === county.name);
    const total = zones.counties.find((c) => c.name === county.name)?.towns ?? county.towns.length;
    return { name: county.name, towns: county.towns.length, totalTowns: total, light: group?.light ?? null, score: group?.score ?? null };
  });
}
