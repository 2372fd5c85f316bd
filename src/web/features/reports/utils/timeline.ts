/** A task's reports in timeline order: newest period first, then unit, then revision. */
export function sortTimeline<T extends { period: string; unit: string; revision: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.period.localeCompare(a.period) || a.unit.localeCompare(b.unit, 'zh') || a.revision - b.revision);
}
