/**
 * Task list filters ⇄ URL query string. The URL is the single source of truth for the filters
 * on /tasks (shareable, back/forward friendly); values the contract would reject are dropped
 * rather than sent, so a hand-edited URL never produces a 400.
 */
import type { TaskQuery } from '../../../../shared/api/plan-api.js';

export const TASK_FILTER_KEYS = ['category', 'zone', 'county', 'unit', 'role', 'year', 'q'] as const;
export type TaskFilterKey = (typeof TASK_FILTER_KEYS)[number];

const ZONES = new Set(['core', 'bay', 'eco']);
const ROLES = new Set(['lead', 'cooperate']);

function intInRange(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n >= min && n <= max ? n : undefined;
}

function text(raw: string | null, max: number): string | undefined {
  const value = raw?.trim();
  return value && value.length <= max ? value : undefined;
}

/** Read the filters from a query string, keeping only values valid under taskQuerySchema. */
export function parseTaskFilters(params: URLSearchParams): TaskQuery {
  const query: TaskQuery = {};
  const category = intInRange(params.get('category'), 1, 10);
  if (category !== undefined) query.category = category;
  const zone = params.get('zone');
  if (zone && ZONES.has(zone)) query.zone = zone as TaskQuery['zone'];
  const county = text(params.get('county'), 20);
  if (county) query.county = county;
  const unit = text(params.get('unit'), 50);
  if (unit) query.unit = unit;
  const role = params.get('role');
  if (role && ROLES.has(role)) query.role = role as TaskQuery['role'];
  const year = intInRange(params.get('year'), 1949, 2100);
  if (year !== undefined) query.year = year;
  const q = text(params.get('q'), 100);
  if (q) query.q = q;
  return query;
}

/** Filters → query string parameters in a stable key order (also the react-query cache key). */
export function taskQueryToSearchParams(query: TaskQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TASK_FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/** Apply a change to the filters; `undefined` removes a filter. Role needs a unit or county. */
export function updateTaskFilters(current: TaskQuery, change: Partial<TaskQuery>): TaskQuery {
  const next: TaskQuery = { ...current, ...change };
  for (const key of TASK_FILTER_KEYS) {
    if (next[key] === undefined || next[key] === '') delete next[key];
  }
  if (!next.unit && !next.county) delete next.role;
  return next;
}

/** Number of active filters (for the "clear" button). */
export function countTaskFilters(query: TaskQuery): number {
  return TASK_FILTER_KEYS.filter((key) => query[key] !== undefined).length;
}
