import { describe, expect, it } from 'vitest';
import { coverageRow, formatRatio, roundForDisplay, summariseCoverage, type CoverageItem } from './coverage-format.js';

const threeOld: CoverageItem = {
  targetId: 90,
  taskNo: 31,
  subject: '新增“三旧”改造面积',
  cityValue: 3000,
  unit: '亩',
  counties: [
    { unit: '开平市政府', share: 800, status: 'submitted' },
    { unit: '鹤山市政府', share: 700, status: 'accepted' },
    { unit: '台山市政府', share: 600, status: 'draft' },
  ],
  total: 1500,
  ratio: 0.5,
  shortfall: true,
};

describe('coverageRow', () => {
  it('shows the ratio, the gap and which shares are not counted yet', () => {
    const row = coverageRow(threeOld);
    expect(row).toMatchObject({ percent: 50, ratioText: '50%', gap: 1500, shortfall: true, notAdditive: false });
    expect(row.counted.map((c) => c.unit)).toEqual(['开平市政府', '鹤山市政府']);
    expect(row.waiting.map((c) => c.unit)).toEqual(['台山市政府']);
  });

  it('caps the bar at 100 and shows no gap when covered', () => {
    const row = coverageRow({ ...threeOld, total: 3375, ratio: 1.125, shortfall: false });
    expect(row).toMatchObject({ percent: 100, ratioText: '112.5%', gap: 0, shortfall: false });
  });

  it('rounds floating sums and handles a zero city value', () => {
    const row = coverageRow({ ...threeOld, cityValue: 30.56, unit: '亿元', total: 10.1 + 0.2, ratio: 10.3 / 30.56, shortfall: true });
    expect(row.gap).toBe(20.26);
    expect(row.ratioText).toBe('33.7%');
    expect(coverageRow({ ...threeOld, cityValue: 0, ratio: 0 })).toMatchObject({ ratioText: '—', percent: 0 });
  });

  it('marks percentages as not additive', () => {
    expect(coverageRow({ ...threeOld, unit: '%' }).notAdditive).toBe(true);
  });
});

describe('helpers', () => {
  it('formats ratios and rounds sums', () => {
    expect(formatRatio(0)).toBe('0%');
    expect(formatRatio(1)).toBe('100%');
    expect(formatRatio(0.33333)).toBe('33.3%');
    expect(roundForDisplay(0.1 + 0.2)).toBe(0.3);
  });

  it('summarises targets covered, short and untouched', () => {
    expect(
      summariseCoverage([threeOld, { ...threeOld, targetId: 2, shortfall: false, ratio: 1 }, { ...threeOld, targetId: 3, counties: [], total: 0, ratio: 0 }]),
    ).toEqual({ targets: 3, covered: 1, shortfall: 2, untouched: 1 });
  });
});
