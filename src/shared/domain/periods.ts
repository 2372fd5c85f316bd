/**
 * Reporting periods (报送周期) and their deadlines (截止日).
 * A period is a month (2026-09) or a quarter (2026-Q3). A report is due by the end of the N-th
 * working day after the period ends (default N = 5); `graceWorkdays` more working days may be
 * allowed, after which the period locks (unless the plan office grants a unit an exception).
 * Example: 2026-09 with N = 5 → 2026-10-13 (10-01…10-07 holiday, 10-10 is a 调休 Saturday).
 */
import { addDays, formatIsoDate, parseIsoDate, type IsoDate, type WorkCalendar } from './calendar.js';

export type Frequency = 'monthly' | 'quarterly';

export interface PeriodRule {
  frequency: Frequency;
  dueWorkdays: number;
  graceWorkdays: number;
}

export const DEFAULT_PERIOD_RULE: PeriodRule = { frequency: 'monthly', dueWorkdays: 5, graceWorkdays: 0 };

export interface Period {
  /** 2026-09 or 2026-Q3. */
  code: string;
  year: number;
  start: IsoDate;
  end: IsoDate;
  /** Due by the end of this day (China time). */
  dueDate: IsoDate;
  /** After the end of this day the period is locked. */
  lockDate: IsoDate;
  /** Chinese label: 2026年9月 / 2026年第三季度. */
  label: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const QUARTER_ZH = ['一', '二', '三', '四'];

/** Parse a period code; throws a Chinese message for a malformed one. */
export function parsePeriodCode(code: string): { year: number; frequency: Frequency; index: number } {
  const m = MONTH.exec(code);
  if (m) return { year: Number(m[1]), frequency: 'monthly', index: Number(m[2]) };
  const q = QUARTER.exec(code);
  if (q) return { year: Number(q[1]), frequency: 'quarterly', index: Number(q[2]) };
  throw new Error(`报送周期“${code}”格式不正确，应为“2026-09”（月）或“2026-Q3”（季度）`);
}

export function periodOf(code: string, rule: PeriodRule, calendar: WorkCalendar): Period {
  const { year, frequency, index } = parsePeriodCode(code);
  if (frequency !== rule.frequency) throw new Error(`本规划按${rule.frequency === 'monthly' ? '月' : '季度'}报送，周期“${code}”不适用`);
  const firstMonth = frequency === 'monthly' ? index : (index - 1) * 3 + 1;
  const lastMonth = frequency === 'monthly' ? index : index * 3;
  const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const end = formatIsoDate(new Date(Date.UTC(year, lastMonth, 0)));
  const dueDate = calendar.nthWorkdayAfter(end, rule.dueWorkdays);
  const lockDate = rule.graceWorkdays > 0 ? calendar.nthWorkdayAfter(dueDate, rule.graceWorkdays) : dueDate;
  const label = frequency === 'monthly' ? `${year}年${index}月` : `${year}年第${QUARTER_ZH[index - 1]}季度`;
  return { code, year, start, end, dueDate, lockDate, label };
}

/** The period containing a date. */
export function periodCodeAt(date: IsoDate, frequency: Frequency): string {
  const t = parseIsoDate(date);
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + 1;
  return frequency === 'monthly' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${Math.ceil(m / 3)}`;
}

/** The period before a period code. */
export function previousPeriodCode(code: string): string {
  const { year, frequency, index } = parsePeriodCode(code);
  if (frequency === 'monthly') return index === 1 ? `${year - 1}-12` : `${year}-${String(index - 1).padStart(2, '0')}`;
  return index === 1 ? `${year - 1}-Q4` : `${year}-Q${index - 1}`;
}

/** China Standard Time calendar date of an instant. */
export const chinaDate = (at: Date): IsoDate => formatIsoDate(new Date(at.getTime() + 8 * 3_600_000));

/** Has the period locked at this instant (after the end of its lock date, China time)? */
export const isLocked = (p: Period, at: Date): boolean => chinaDate(at) > p.lockDate;
/** Is a report submitted at this instant late (after the end of its due date)? */
export const isLate = (p: Period, at: Date): boolean => chinaDate(at) > p.dueDate;

export { addDays };
