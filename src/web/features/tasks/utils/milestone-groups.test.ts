import { describe, expect, it } from 'vitest';
import { groupMilestonesByYears, isYearRange, normaliseYears } from './milestone-groups.js';

const m = (seq: number, years: number[]) => ({ seq, years });

describe('groupMilestonesByYears', () => {
  it('puts undated lines first, then years by last and first year (task 13)', () => {
    const groups = groupMilestonesByYears([m(1, []), m(2, [2020]), m(3, [2021]), m(4, [2020, 2021, 2022])]);
    expect(groups.map((g) => g.key)).toEqual(['undated', '2020', '2021', '2020-2021-2022']);
  });

  it('keeps document order inside a group and merges equal year sets', () => {
    const groups = groupMilestonesByYears([m(1, [2021, 2022]), m(2, [2020]), m(3, [2022, 2021]), m(4, [])]);
    expect(groups.map((g) => [g.key, g.milestones.map((x) => x.seq)])).toEqual([
      ['undated', [4]],
      ['2020', [2]],
      ['2021-2022', [1, 3]],
    ]);
  });

  it('places an undated line written last (task 31) before the dated ones', () => {
    expect(groupMilestonesByYears([m(1, [2020]), m(2, [2021]), m(3, [2022]), m(4, [])]).map((g) => g.key)).toEqual(['undated', '2020', '2021', '2022']);
  });

  it('orders a single year before a range ending the same year', () => {
    expect(groupMilestonesByYears([m(1, [2020, 2021, 2022]), m(2, [2022])]).map((g) => g.key)).toEqual(['2020-2021-2022', '2022']);
  });

  it('returns nothing for no milestones', () => {
    expect(groupMilestonesByYears([])).toEqual([]);
  });
});

describe('years helpers', () => {
  it('normalises and recognises consecutive ranges', () => {
    expect(normaliseYears([2022, 2020, 2022])).toEqual([2020, 2022]);
    expect(isYearRange([2022, 2020, 2021])).toBe(true);
    expect(isYearRange([2020, 2022])).toBe(false);
    expect(isYearRange([2020])).toBe(false);
  });
});
