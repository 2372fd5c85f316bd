import { describe, expect, it } from 'vitest';
import { DEFAULT_YEAR, parseYear, YEARS } from './years.js';

describe('parseYear', () => {
  it('accepts the plan years and falls back to 2022', () => {
    expect(YEARS).toEqual([2020, 2021, 2022]);
    expect(DEFAULT_YEAR).toBe(2022);
    expect(parseYear('2021')).toBe(2021);
    expect(parseYear('2019')).toBe(2022);
    expect(parseYear('20x1')).toBe(2022);
    expect(parseYear(null)).toBe(2022);
  });
});
