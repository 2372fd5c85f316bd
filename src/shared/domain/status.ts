/**
 * The status engine: lights (红黄绿灯) are computed, never typed. Pure functions; every answer
 * carries `why` — the inputs and the rule that fired — so a page can say 为什么是黄灯.
 *
 * Target attainment (from the target's wording):
 *   ">="  (至少/以上/不低于/达到, and a plain figure — a quantity to reach): attained when actual ≥ value
 *   "<="  (以下/不超过/控制在): attained when actual ≤ value
 *   "="   attained when actual equals value (to 1e-9)
 *   range (1-2个): attained when actual ≥ the lower bound (above the upper bound is noted, not failed)
 *   Only the latest ACCEPTED year-to-date value counts; a newer unaccepted value is 待确认.
 * Expected progress within the target's year: linear by default; `step` (nothing due until year
 *   end) or `backLoaded` (quadratic) per target.
 * Target health, first rule that fires:
 *   1. the unit missed two consecutive reports                       → red
 *   2. no accepted value yet                                          → none (灰, 待报送)
 *   3. attained                                                       → green
 *   4. "<=" not attained (the ceiling is exceeded)                    → red
 *   5. the year has ended unattained                                  → red
 *   6. actual / expected ≥ green threshold (95%)                      → green
 *   7. actual / expected ≥ yellow threshold (85%)                     → yellow
 *   8. otherwise                                                      → red
 * Qualitative milestones (after the same two-missed-reports rule): the status claimed in the latest
 * accepted report and the year:
 *   已完成 → green; 滞后 → red; 推进中 → green in the year, red after it; 未启动 → yellow in the
 *   year, red after it; nothing accepted yet → none (red once the year has ended).
 * Roll-up: a task takes the worst light of its milestones and targets; a group (category, unit,
 *   county, zone) scores green 1, yellow ½, red 0 over its lit tasks: ≥ 0.9 green, ≥ 0.7 yellow,
 *   else red.
 */

export type Light = 'green' | 'yellow' | 'red' | 'none';
export type Curve = 'linear' | 'step' | 'backLoaded';
export type Comparator = '>=' | '<=' | '=' | 'range';

export interface Thresholds {
  green: number;
  yellow: number;
}
export const DEFAULT_THRESHOLDS: Thresholds = { green: 0.95, yellow: 0.85 };

export interface Why {
  rule: string;
  inputs: Record<string, string | number | boolean | null>;
}

export const LIGHT_ZH: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯', none: '未亮灯' };

export interface TargetSpec {
  comparator: Comparator;
  value: number;
  valueMax?: number | null;
  unit: string;
}

export function attainment(t: TargetSpec, actual: number | null): { attained: boolean | null; why: Why } {
  if (actual === null) return { attained: null, why: { rule: '尚无已采纳的数值', inputs: { target: t.value } } };
  const inputs = { actual, target: t.value, comparator: t.comparator };
  switch (t.comparator) {
    case '<=':
      return { attained: actual <= t.value, why: { rule: `不超过${t.value}${t.unit}：实际${actual}${actual <= t.value ? '≤' : '>'}${t.value}`, inputs } };
    case '=':
      return { attained: Math.abs(actual - t.value) < 1e-9, why: { rule: `应等于${t.value}${t.unit}`, inputs } };
    case 'range': {
      const over = t.valueMax !== undefined && t.valueMax !== null && actual > t.valueMax;
      return { attained: actual >= t.value, why: { rule: `区间${t.value}–${t.valueMax ?? ''}${t.unit}：达到下限即完成${over ? '（已超出上限）' : ''}`, inputs: { ...inputs, max: t.valueMax ?? null } } };
    }
    default:
      return { attained: actual >= t.value, why: { rule: `不低于${t.value}${t.unit}：实际${actual}${actual >= t.value ? '≥' : '<'}${t.value}`, inputs } };
  }
}


/** Share of the year's target expected by `asOf` (0 before the year, 1 after it). */
export function expectedFraction(year: number, asOf: Date, curve: Curve = 'linear'): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const t = Math.min(1, Math.max(0, (asOf.getTime() - start) / (end - start)));
  if (curve === 'step') return t >= 1 ? 1 : 0;
  if (curve === 'backLoaded') return t * t;
  return t;
}

export interface TargetHealthInput {
  target: TargetSpec;
  year: number;
  /** Latest accepted year-to-date value, or null. */
  accepted: number | null;
  /** A newer value not yet accepted (shown as 待确认, not counted). */
  pending?: number | null;
  asOf: Date;
  curve?: Curve;
  thresholds?: Thresholds;
  /** Consecutive reporting periods the unit has missed up to asOf. */
  missedReports?: number;
}

export function targetHealth(i: TargetHealthInput): { light: Light; attained: boolean | null; expected: number | null; why: Why } {
  const th = i.thresholds ?? DEFAULT_THRESHOLDS;
  const base = { accepted: i.accepted, pending: i.pending ?? null, target: i.target.value, year: i.year };
  if ((i.missedReports ?? 0) >= 2) return { light: 'red', attained: null, expected: null, why: { rule: `连续${i.missedReports}期未报送`, inputs: { ...base, missedReports: i.missedReports ?? 0 } } };
  const a = attainment(i.target, i.accepted);
  if (a.attained === null) return { light: 'none', attained: null, expected: null, why: { rule: i.pending !== null && i.pending !== undefined ? '有待确认的数值，尚无已采纳的数值' : '尚无已采纳的数值', inputs: base } };
  if (a.attained) return { light: 'green', attained: true, expected: null, why: { rule: `已完成：${a.why.rule}`, inputs: base } };
  if (i.target.comparator === '<=') return { light: 'red', attained: false, expected: null, why: { rule: `超出上限：${a.why.rule}`, inputs: base } };
  const yearEnded = i.asOf.getTime() >= Date.UTC(i.year + 1, 0, 1);
  if (yearEnded) return { light: 'red', attained: false, expected: i.target.value, why: { rule: `${i.year}年已结束仍未完成：${a.why.rule}`, inputs: base } };
  const fraction = expectedFraction(i.year, i.asOf, i.curve);
  const expected = i.target.value * fraction;
  if (expected <= 0) return { light: 'green', attained: false, expected: 0, why: { rule: '按进度此时尚无应完成量', inputs: { ...base, curve: i.curve ?? 'linear' } } };
  const ratio = i.accepted! / expected;
  const inputs = { ...base, expected: Math.round(expected * 100) / 100, ratio: Math.round(ratio * 1000) / 1000, curve: i.curve ?? 'linear' };
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  if (ratio >= th.green) return { light: 'green', attained: false, expected, why: { rule: `实际达到应完成量的${pct(ratio)}（≥${pct(th.green)}为绿灯）`, inputs } };
  if (ratio >= th.yellow) return { light: 'yellow', attained: false, expected, why: { rule: `实际仅达到应完成量的${pct(ratio)}（${pct(th.yellow)}–${pct(th.green)}为黄灯）`, inputs } };
  return { light: 'red', attained: false, expected, why: { rule: `实际仅达到应完成量的${pct(ratio)}（低于${pct(th.yellow)}为红灯）`, inputs } };
}

export type Claim = 'notStarted' | 'inProgress' | 'done' | 'behind';

export function milestoneHealth(years: number[], claim: Claim | null, asOf: Date, missedReports = 0): { light: Light; why: Why } {
  const last = years.length ? Math.max(...years) : null;
  const ended = last !== null && asOf.getTime() >= Date.UTC(last + 1, 0, 1);
  const inputs = { claim, lastYear: last, ended, missedReports };
  if (missedReports >= 2) return { light: 'red', why: { rule: `连续${missedReports}期未报送`, inputs } };
  if (claim === 'done') return { light: 'green', why: { rule: '已采纳的报告称已完成', inputs } };
  if (claim === 'behind') return { light: 'red', why: { rule: '已采纳的报告称滞后', inputs } };
  if (claim === 'inProgress') return ended ? { light: 'red', why: { rule: `${last}年已结束仍在推进中`, inputs } } : { light: 'green', why: { rule: '推进中', inputs } };
  if (claim === 'notStarted') return ended ? { light: 'red', why: { rule: `${last}年已结束仍未启动`, inputs } } : { light: 'yellow', why: { rule: '尚未启动', inputs } };
  return ended ? { light: 'red', why: { rule: `${last}年已结束，没有已采纳的进展报告`, inputs } } : { light: 'none', why: { rule: '尚无已采纳的进展报告', inputs } };
}

const RANK: Record<Light, number> = { none: 0, green: 1, yellow: 2, red: 3 };

/** A task's light: the worst of its parts (unlit parts are ignored). */
export function worstOf(lights: Light[]): { light: Light; why: Why } {
  const lit = lights.filter((l) => l !== 'none');
  const light = lit.reduce<Light>((w, l) => (RANK[l] > RANK[w] ? l : w), 'none');
  return { light, why: { rule: '取各项中最差的灯', inputs: { red: lit.filter((l) => l === 'red').length, yellow: lit.filter((l) => l === 'yellow').length, green: lit.filter((l) => l === 'green').length, unlit: lights.length - lit.length } } };
}

/** A group's light from its tasks: green 1, yellow ½, red 0 averaged over lit tasks. */
export function groupLight(lights: Light[]): { light: Light; score: number | null; why: Why } {
  const lit = lights.filter((l) => l !== 'none');
  const counts = { red: lit.filter((l) => l === 'red').length, yellow: lit.filter((l) => l === 'yellow').length, green: lit.filter((l) => l === 'green').length, unlit: lights.length - lit.length };
  if (lit.length === 0) return { light: 'none', score: null, why: { rule: '没有已亮灯的任务', inputs: counts } };
  const score = (counts.green + counts.yellow / 2) / lit.length;
  const light: Light = score >= 0.9 ? 'green' : score >= 0.7 ? 'yellow' : 'red';
  return { light, score, why: { rule: `绿1分、黄0.5分、红0分，平均${score.toFixed(2)}（≥0.90绿灯，≥0.70黄灯）`, inputs: { ...counts, score: Math.round(score * 100) / 100 } } };
}
