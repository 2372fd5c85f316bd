import { describe, expect, it } from 'vitest';
import { cellWeight, sameWeights, toCells, toWeights, zoneSums } from './scheme-draft.js';

describe('scheme draft', () => {
  const weights = [
    { zone: 'core' as const, code: 'A', weight: 10 },
    { zone: 'bay' as const, code: 'A', weight: 8 },
    { zone: 'eco' as const, code: 'B', weight: 12.5 },
  ];

  it('round-trips the weights and sums each zone over the shown indicators', () => {
    const cells = toCells(weights);
    expect(cellWeight(cells, 'A', 'core')).toBe(10);
    expect(cellWeight(cells, 'B', 'core')).toBe(0);
    expect(toWeights(cells, ['A', 'B'])).toEqual(weights);
    expect(zoneSums(cells, ['A', 'B'])).toEqual({ core: 10, bay: 8, eco: 12.5 });
    expect(zoneSums(cells, ['A'])).toEqual({ core: 10, bay: 8, eco: 0 });
  });

  it('leaves zero and empty cells out of the save body and compares drafts by what they save', () => {
    const cells = toCells(weights);
    const edited = { ...cells, A: { ...cells.A, bay: 0, eco: null } };
    expect(toWeights(edited, ['A', 'B'])).toEqual([weights[0], weights[2]]);
    expect(sameWeights(cells, edited, ['A', 'B'])).toBe(false);
    expect(sameWeights(cells, { ...cells, B: { ...cells.B, core: 0 } }, ['A', 'B'])).toBe(true);
  });

  it('keeps sums free of floating-point noise', () => {
    const cells = toCells([
      { zone: 'core', code: 'A', weight: 0.1 },
      { zone: 'core', code: 'B', weight: 0.2 },
    ]);
    expect(zoneSums(cells, ['A', 'B']).core).toBe(0.3);
  });
});
