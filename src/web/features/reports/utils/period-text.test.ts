import { describe, expect, it } from 'vitest';
import { endedPeriods, formatBytes, periodText } from './period-text.js';

describe('periodText', () => {
  it.each([
    ['2022-09', 'zh', '2022年9月'],
    ['2022-12', 'en', 'Dec 2022'],
    ['2022-Q3', 'zh', '2022年第3季度'],
    ['2022-Q1', 'en', '2022 Q1'],
    ['2022-13', 'zh', '2022-13'],
    ['junk', 'en', 'junk'],
  ] as const)('%s (%s) → %s', (code, lang, text) => {
    expect(periodText(code, lang)).toBe(text);
  });
});

describe('formatBytes', () => {
  it('uses B, KB and MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
  });
});

describe('endedPeriods', () => {
  it('keeps the periods that ended before today', () => {
    const periods = [{ code: '2026-10', end: '2026-10-31' }, { code: '2026-11', end: '2026-11-30' }, { code: '2026-12', end: '2026-12-31' }];
    expect(endedPeriods(periods, '2026-11-29').map((p) => p.code)).toEqual(['2026-10']);
    expect(endedPeriods(periods, '2026-12-01').map((p) => p.code)).toEqual(['2026-10', '2026-11']);
  });
});
