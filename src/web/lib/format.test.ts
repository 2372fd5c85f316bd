import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatYears } from './format.js';

describe('formatYears', () => {
  it('writes years as the plan does', () => {
    expect(formatYears([], 'zh')).toBe('');
    expect(formatYears([2020], 'zh')).toBe('2020年');
    expect(formatYears([2022, 2020, 2021], 'zh')).toBe('2020—2022年');
    expect(formatYears([2020, 2022], 'zh')).toBe('2020、2022年');
    expect(formatYears([2021, 2021], 'zh')).toBe('2021年');
  });

  it('has English forms', () => {
    expect(formatYears([2020], 'en')).toBe('2020');
    expect(formatYears([2020, 2021, 2022], 'en')).toBe('2020–2022');
    expect(formatYears([2020, 2022], 'en')).toBe('2020, 2022');
  });
});

describe('formatNumber and formatDateTime', () => {
  it('groups digits and keeps decimals', () => {
    expect(formatNumber(3000, 'zh')).toBe('3,000');
    expect(formatNumber(5.63, 'zh')).toBe('5.63');
    expect(formatNumber(3065000000, 'en')).toBe('3,065,000,000');
  });

  it('formats ISO timestamps and passes through garbage', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime('2026-11-29T08:50:23.803Z')).toMatch(/^2026-11-(29|30) \d{2}:\d{2}$/);
  });
});
