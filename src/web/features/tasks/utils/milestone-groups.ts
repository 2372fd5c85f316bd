/**
 * Milestones (三年工作计划 paragraphs) grouped by the years they name: undated lines
 * (总体要求/常态工作) first, then by last year and first year, so 2020, 2021, 2020–2022, 2022.
 */

export interface YearsLike {
  years: readonly number[];
}

export interface MilestoneGroup<M> {
  /** Stable key: years joined with '-', or 'undated'. */
  key: string;
  years: number[];
  milestones: M[];
}

/** Sorted, de-duplicated years. */
export function normaliseYears(years: readonly number[]): number[] {
  return [...new Set(years)].sort((a, b) => a - b);
}

/** True when the years are consecutive (2020, 2021, 2022 → a range 2020–2022). */
export function isYearRange(years: readonly number[]): boolean {
  const sorted = normaliseYears(years);
  return sorted.length > 1 && sorted.every((year, i) => i === 0 || year === sorted[i - 1]! + 1);
}

/** Group milestones with identical year sets, in reading order of the plan's calendar. */
export function groupMilestonesByYears<M extends YearsLike>(milestones: readonly M[]): MilestoneGroup<M>[] {
  const groups = new Map<string, MilestoneGroup<M>>();
  for (const milestone of milestones) {
    const years = normaliseYears(milestone.years);
    const key = years.length ? years.join('-') : 'undated';
    let group = groups.get(key);
    if (!group) {
      group = { key, years, milestones: [] };
      groups.set(key, group);
    }
    group.milestones.push(milestone);
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.years.length || !b.years.length) return a.years.length - b.years.length;
    return a.years.at(-1)! - b.years.at(-1)! || a.years[0]! - b.years[0]!;
  });
}
