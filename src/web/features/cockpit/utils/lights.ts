/** Lights (红黄绿灯), 督办单 levels and the cockpit's colours — one place for all of them. */
import type { Light, NoticeLevel, ProblemStatus, ReportItemStatus } from '../api/types.js';

/** Worst first: the order of stacked segments, legends and lists. */
export const LIGHT_ORDER: readonly Light[] = ['red', 'yellow', 'green', 'none'];

export const LIGHT_COLORS: Record<Light, string> = {
  green: '#2ea65a',
  yellow: '#f2b200',
  red: '#e0393e',
  none: '#a8b0bd',
};

export const LIGHT_RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2, none: 3 };

export const NOTICE_LEVEL_ORDER: readonly NoticeLevel[] = ['red', 'yellow', 'blue'];

export const NOTICE_LEVEL_COLORS: Record<NoticeLevel, string> = {
  blue: '#1d6fd8',
  yellow: '#e0a100',
  red: '#e0393e',
};

export const REPORT_STATUS_ORDER: readonly ReportItemStatus[] = ['onTime', 'late', 'missing'];

export const REPORT_STATUS_COLORS: Record<ReportItemStatus, string> = {
  onTime: '#2ea65a',
  late: '#f2b200',
  missing: '#e0393e',
};

export const PROBLEM_STATUS_ORDER: readonly ProblemStatus[] = ['pending', 'coordinating', 'resolved'];

export const PROBLEM_STATUS_COLORS: Record<ProblemStatus, string> = {
  pending: 'red',
  coordinating: 'gold',
  resolved: 'green',
};

/** Count tasks per light among `taskNos` (tasks not in `lights` are left out). */
export function countByLight(taskNos: readonly number[], lights: ReadonlyMap<number, Light>): Record<Light, number[]> {
  const out: Record<Light, number[]> = { red: [], yellow: [], green: [], none: [] };
  for (const no of taskNos) {
    const light = lights.get(no);
    if (light) out[light].push(no);
  }
  return out;
}

/** Sort by light, worst first, then by `tie`. */
export function byLight<T extends { light: Light }>(tie: (a: T, b: T) => number = () => 0): (a: T, b: T) => number {
  return (a, b) => LIGHT_RANK[a.light] - LIGHT_RANK[b.light] || tie(a, b);
}
