import { describe, expect, it } from 'vitest';
import { OFFICIAL_YEARS, WorkCalendar } from './calendar.js';
import { DEFAULT_PERIOD_RULE, isLate, isLocked, parsePeriodCode, periodCodeAt, periodOf, previousPeriodCode } from './periods.js';

const cal = new WorkCalendar();

describe('working-day calendar', () => {
  it.each([
    ['2026-10-01', false, '国庆节'],
    ['2026-10-07', false, '国庆节'],
    ['2026-10-08', true, null],
    ['2026-10-10', true, '国庆节调休'], // a Saturday worked in lieu
    ['2026-10-11', false, null], // an ordinary Sunday
    ['2026-09-20', true, '国庆节调休'],
    ['2026-02-17', false, '春节'],
  ])('%s is a working day: %s (%s)', (date, workday, name) => {
    expect(cal.day(date)).toMatchObject({ workday, name });
  });

  it('covers the official years and takes overrides for the years it does not know', () => {
    expect(OFFICIAL_YEARS.to).toBeGreaterThanOrEqual(2026);
    expect(cal.knowsYear(2027)).toBe(false);
    expect(cal.isWorkday('2027-01-01')).toBe(true); // a Friday, unknown holiday: weekday rule
    const withOverride = new WorkCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(withOverride.isWorkday('2027-01-01')).toBe(false);
    expect(withOverride.knowsYear(2027)).toBe(true);
    expect(withOverride.day('2027-01-01').source).toBe('override');
  });
});

describe('reporting periods and deadlines', () => {
  it.each([
    ['2026-09', '2026-09-01', '2026-09-30', '2026-10-13'], // National Day + 10-10 调休
    ['2026-01', '2026-01-01', '2026-01-31', '2026-02-06'],
    ['2026-02', '2026-02-01', '2026-02-28', '2026-03-06'],
    ['2026-04', '2026-04-01', '2026-04-30', '2026-05-11'], // 5-1…5-5 holiday, 5-9 调休 Saturday counts
    ['2026-12', '2026-12-01', '2026-12-31', '2027-01-07'], // 2027 unknown: weekday rule only
  ])('%s runs %s…%s and is due %s', (code, start, end, due) => {
    expect(periodOf(code, DEFAULT_PERIOD_RULE, cal)).toMatchObject({ start, end, dueDate: due, lockDate: due });
  });

  it('handles quarters, grace days, lateness and locking in China time', () => {
    const q = periodOf('2026-Q3', { frequency: 'quarterly', dueWorkdays: 5, graceWorkdays: 2 }, cal);
    expect(q).toMatchObject({ start: '2026-07-01', end: '2026-09-30', dueDate: '2026-10-13', lockDate: '2026-10-15', label: '2026年第三季度' });
    expect(isLate(q, new Date('2026-10-13T15:59:00Z'))).toBe(false); // 23:59 Beijing
    expect(isLate(q, new Date('2026-10-13T16:00:00Z'))).toBe(true); // 00:00 on the 14th
    expect(isLocked(q, new Date('2026-10-15T15:00:00Z'))).toBe(false);
    expect(isLocked(q, new Date('2026-10-15T16:00:00Z'))).toBe(true);
  });

  it('names malformed and mismatched periods in Chinese', () => {
    expect(() => parsePeriodCode('2026-13')).toThrow('格式不正确');
    expect(() => periodOf('2026-Q3', DEFAULT_PERIOD_RULE, cal)).toThrow('按月报送');
    expect(periodCodeAt('2026-09-30', 'quarterly')).toBe('2026-Q3');
    expect(previousPeriodCode('2026-01')).toBe('2025-12');
    expect(previousPeriodCode('2026-Q1')).toBe('2025-Q4');
  });
});
