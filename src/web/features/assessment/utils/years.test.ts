import { describe, expect, it } from 'vitest';
import { parseYearParam, pickYear } from './years.js';

describe('assessment year', () => {
  const items = [
    { year: 2020, status: 'none' as const, version: 0, values: 0 },
    { year: 2021, status: 'published' as const, version: 2, values: 70 },
    { year: 2022, status: 'draft' as const, version: 1, values: 98 },
    { year: 2023, status: 'none' as const, version: 0, values: 0 },
  ];
  it('keeps a listed year, else opens the latest with data or a scheme', () => {
    expect(pickYear(items, 2021)).toBe(2021);
    expect(pickYear(items, 1999)).toBe(2022);
    expect(pickYear(items, null)).toBe(2022);
    expect(pickYear([items[0]!, items[3]!], null)).toBe(2023);
    expect(pickYear([], 2022)).toBe(2022);
    expect(pickYear([], null)).toBeNull();
  });
  it('reads four-digit years only', () => {
    expect(parseYearParam('2022')).toBe(2022);
    expect(parseYearParam('22')).toBeNull();
    expect(parseYearParam(undefined)).toBeNull();
  });
});
