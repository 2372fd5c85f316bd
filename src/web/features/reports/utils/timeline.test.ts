import { describe, expect, it } from 'vitest';
import { sortTimeline } from './timeline.js';

describe('sortTimeline', () => {
  it('orders by period (newest first), unit, then revision', () => {
    const rows = [
      { id: 1, period: '2022-09', unit: '市工业和信息化局', revision: 1 },
      { id: 2, period: '2022-12', unit: '市工业和信息化局', revision: 2 },
      { id: 3, period: '2022-12', unit: '市工业和信息化局', revision: 1 },
      { id: 4, period: '2022-10', unit: '市商务局', revision: 1 },
    ];
    expect(sortTimeline(rows).map((r) => r.id)).toEqual([3, 2, 4, 1]);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]); // not sorted in place
  });
});
