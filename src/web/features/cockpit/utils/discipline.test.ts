import { describe, expect, it } from 'vitest';
import type { DisciplineRow } from '../api/types.js';
import { disciplineItems, disciplineTotals, rankDiscipline } from './discipline.js';

const row = (unit: string, onTime: number, late: number, missing: number): DisciplineRow => {
  const items = [
    ...Array.from({ length: onTime }, (_, i) => ({ taskNo: 1, period: `2022-${String(i + 1).padStart(2, '0')}`, status: 'onTime' as const })),
    ...Array.from({ length: late }, (_, i) => ({ taskNo: 2, period: `2022-${String(i + 1).padStart(2, '0')}`, status: 'late' as const })),
    ...Array.from({ length: missing }, (_, i) => ({ taskNo: 3, period: `2022-${String(i + 1).padStart(2, '0')}`, status: 'missing' as const })),
  ];
  const expected = onTime + late + missing;
  return { unit, expected, onTime, late, missing, onTimeRate: expected ? onTime / expected : null, missedInARow: 0, lastAccepted: null, stalenessDays: null, items };
};

describe('rankDiscipline', () => {
  it('ranks by on-time rate, then fewer missing and late; equal records share a rank', () => {
    const ranked = rankDiscipline([row('丙', 8, 1, 1), row('甲', 10, 0, 0), row('乙', 8, 2, 0), row('丁', 8, 2, 0), row('戊', 0, 0, 0)]);
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([
      ['甲', 1],
      ['丁', 2],
      ['乙', 2],
      ['丙', 4],
      ['戊', 5],
    ]);
  });
});

describe('disciplineItems and totals', () => {
  it('lists the items behind each count, by period then task; counts add up', () => {
    const r = row('甲', 2, 1, 1);
    expect(disciplineItems(r).length).toBe(r.expected);
    expect(disciplineItems(r, 'onTime').length).toBe(r.onTime);
    expect(disciplineItems(r, 'late').length).toBe(r.late);
    expect(disciplineItems(r, 'missing').length).toBe(r.missing);
    expect(disciplineItems(r).map((i) => `${i.period}/${i.taskNo}`)).toEqual(['2022-01/1', '2022-01/2', '2022-01/3', '2022-02/1']);
    expect(disciplineTotals([r, row('乙', 1, 0, 0)])).toEqual({ expected: 5, onTime: 3, late: 1, missing: 1, onTimeRate: 0.6 });
    expect(disciplineTotals([]).onTimeRate).toBeNull();
  });
});
