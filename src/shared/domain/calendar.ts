/**
 * The official working-day calendar (工作日 / 调休). Source: the chinese-days package's data
 * (国务院 holiday arrangements, 2004–2026), plus an override table kept by administrators for
 * years or changes the package does not know yet (it has no 2027 data). Pure: data in, answers out.
 *   isWorkday(d) = override(d) ?? (holiday(d) ? false : adjustedWorkday(d) ? true : Mon–Fri)
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** A date as YYYY-MM-DD (China Standard Time calendar date). */
export type IsoDate = string;

export type DayKind = 'workday' | 'holiday';

export interface CalendarOverride {
  date: IsoDate;
  kind: DayKind;
  /** e.g. 国庆节 or 国庆节调休. */
  name: string;
}

const official = data as { holidays: Record<string, string>; workdays: Record<string, string> };
const years = Object.keys(official.holidays).map((d) => Number(d.slice(0, 4)));
/** Years whose arrangements the bundled data covers. */
export const OFFICIAL_YEARS = { from: Math.min(...years), to: Math.max(...years) };

export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  /** holiday name, 调休 name, or null for an ordinary day. */
  name: string | null;
  source: 'override' | 'official' | 'weekday-rule';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseIsoDate(d: IsoDate): Date {
  if (!DATE.test(d)) throw new Error(`日期格式应为 YYYY-MM-DD：${d}`);
  const t = new Date(`${d}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d) throw new Error(`不存在的日期：${d}`);
  return t;
}

export const formatIsoDate = (t: Date): IsoDate => t.toISOString().slice(0, 10);
export const addDays = (d: IsoDate, n: number): IsoDate => formatIsoDate(new Date(parseIsoDate(d).getTime() + n * 86_400_000));

export class WorkCalendar {
  private readonly overrides: Map<IsoDate, CalendarOverride>;

  constructor(overrides: readonly CalendarOverride[] = []) {
    this.overrides = new Map(overrides.map((o) => [o.date, o]));
  }

  day(d: IsoDate): DayInfo {
    const o = this.overrides.get(d);
    if (o) return { date: d, workday: o.kind === 'workday', name: o.name, source: 'override' };
    const h = official.holidays[d];
    if (h) return { date: d, workday: false, name: h.split(',')[1] ?? h, source: 'official' };
    const w = official.workdays[d];
    if (w) return { date: d, workday: true, name: `${w.split(',')[1] ?? w}调休`, source: 'official' };
    const dow = parseIsoDate(d).getUTCDay();
    return { date: d, workday: dow !== 0 && dow !== 6, name: null, source: 'weekday-rule' };
  }

  isWorkday(d: IsoDate): boolean {
    return this.day(d).workday;
  }

  /** The n-th working day after `d` (n ≥ 1; `d` itself is not counted). */
  nthWorkdayAfter(d: IsoDate, n: number): IsoDate {
    if (n < 1) throw new Error('n 至少为 1');
    let cur = d;
    let count = 0;
    for (let guard = 0; guard < 400; guard++) {
      cur = addDays(cur, 1);
      if (this.isWorkday(cur)) count++;
      if (count === n) return cur;
    }
    throw new Error(`${d} 之后一年内找不到第${n}个工作日`);
  }

  /** Working days strictly after `from` up to and including `to`. */
  workdaysBetween(from: IsoDate, to: IsoDate): number {
    let n = 0;
    for (let cur = addDays(from, 1); cur <= to; cur = addDays(cur, 1)) if (this.isWorkday(cur)) n++;
    return n;
  }

  /** Is the year's arrangement known (official data or at least one override in that year)? */
  knowsYear(year: number): boolean {
    if (year >= OFFICIAL_YEARS.from && year <= OFFICIAL_YEARS.to) return true;
    return [...this.overrides.keys()].some((d) => d.startsWith(`${year}-`));
  }
}
