/**
 * The arithmetic of a county's score written out, so a county can redo it by hand
 * (src/shared/domain/assessment.ts holds the rules): the normalised score of each indicator,
 * its blended weight, its contribution and the total as the sum of the contributions. Pure.
 */
import type { CountyScore } from '../../../../shared/api/assessment-api.js';
import type { ZoneCode } from '../../../../shared/plan-model.js';

export type Method = 'efficacy' | 'attainment';
export type IndicatorScore = CountyScore['indicators'][number];

const ZONE_ORDER: readonly ZoneCode[] = ['core', 'bay', 'eco'];

/** A figure as written in the arithmetic: at most `digits` decimals, no trailing zeros, − for minus. */
export function num(value: number, digits = 4): string {
  const rounded = Number(value.toFixed(digits));
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** Two decimals, as scores and contributions are shown (89.5238 → 89.52). */
export function fixed2(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** A figure in a formula: negatives in parentheses so `x − (−3)` reads right. */
function term(value: number): string {
  return value < 0 ? `(${num(value)})` : num(value);
}

/**
 * The normalised score written out, e.g. 正向 `60 + 40 × (8.2 − 5.1) / (9.3 − 5.1) = 89.52`,
 * 逆向 `60 + 40 × (9.3 − 8.2) / (9.3 − 5.1) = 70.48`, max = min `max = min = 5 → 100`,
 * 目标完成率 `min(8.2 / 8, 1.2) × 100 = 102.5`. null when the value is missing.
 */
export function normalisedFormula(row: Pick<IndicatorScore, 'raw' | 'target' | 'normalised' | 'min' | 'max' | 'direction'>, method: Method): string | null {
  const { raw: x, normalised: s } = row;
  if (x === null || s === null) return null;
  if (method === 'efficacy') {
    if (row.min === null || row.max === null) return null;
    const { min, max } = row;
    if (max === min) return `max = min = ${num(max)} → 100`;
    const top = row.direction === 'positive' ? `(${term(x)} − ${term(min)})` : `(${term(max)} − ${term(x)})`;
    return `60 + 40 × ${top} / (${term(max)} − ${term(min)}) = ${fixed2(s)}`;
  }
  const target = row.target;
  if (target === null) return null;
  if (row.direction === 'negative' && x <= 0) return `x = ${num(x)} ≤ 0 → 120`;
  const ratio = row.direction === 'positive' ? `${term(x)} / ${term(target)}` : `${term(target)} / ${term(x)}`;
  const r = row.direction === 'positive' ? x / target : target / x;
  return r < 0 ? `max(0, min(${ratio}, 1.2)) × 100 = ${fixed2(s)}` : `min(${ratio}, 1.2) × 100 = ${fixed2(s)}`;
}

/** Σ of the weights of the indicators that have a score (the denominator of every contribution). */
export function countedWeight(indicators: readonly IndicatorScore[]): number {
  return indicators.filter((i) => i.normalised !== null).reduce((sum, i) => sum + i.weight, 0);
}

/** The contribution written out: `w × s / Σw = c`, e.g. `8.8235 × 89.52 / 30 = 26.33`. */
export function contributionFormula(row: Pick<IndicatorScore, 'weight' | 'normalised' | 'contribution'>, sumWeights: number): string | null {
  if (row.normalised === null || row.contribution === null || sumWeights <= 0) return null;
  return `${num(row.weight)} × ${fixed2(row.normalised)} / ${num(sumWeights)} = ${fixed2(row.contribution)}`;
}

/** The total as the sum of the contributions shown: `26.33 + 30.12 + … = 83.47`. */
export function totalFormula(indicators: readonly IndicatorScore[], total: number | null): string | null {
  const parts = indicators.filter((i) => i.contribution !== null).map((i) => fixed2(i.contribution));
  if (!parts.length || total === null) return null;
  return `${parts.join(' + ')} = ${fixed2(total)}`;
}

/** Sum of the contributions at full precision (equals the total). */
export function sumContributions(indicators: readonly IndicatorScore[]): number {
  return indicators.reduce((sum, i) => sum + (i.contribution ?? 0), 0);
}

/** Profile as text, e.g. 「核心区 7/17 · 湾区 10/17」 (zones in document order). */
export function profileText(profile: CountyScore['profile'], zoneName: (zone: ZoneCode) => string): string {
  return ZONE_ORDER.flatMap((zone) => profile.filter((p) => p.zone === zone && p.towns > 0))
    .map((p) => `${zoneName(p.zone)} ${p.towns}/${p.of}`)
    .join(' · ');
}

/**
 * The blended weight written out from the scheme's zone weights, e.g. `7/17 × 10 + 10/17 × 8 = 8.8235`
 * (a single zone: `10`); primary-zone weighting: the primary zone's weight alone (`10`).
 */
export function weightFormula(
  profile: CountyScore['profile'],
  zoneWeight: (zone: ZoneCode) => number,
  weighting: 'blended' | 'primary',
  primaryZone: ZoneCode,
): string {
  if (weighting === 'primary') return num(zoneWeight(primaryZone));
  const parts = ZONE_ORDER.flatMap((zone) => profile.filter((p) => p.zone === zone && p.towns > 0));
  const value = parts.reduce((sum, p) => sum + (p.towns / p.of) * zoneWeight(p.zone), 0);
  if (parts.length === 1 && parts[0]!.towns === parts[0]!.of) return num(value);
  return `${parts.map((p) => `${p.towns}/${p.of} × ${num(zoneWeight(p.zone))}`).join(' + ')} = ${num(value)}`;
}

/** In-zone rank as 「1/3」; '—' when unranked. */
export function rankOf(rank: number | null, of: number): string {
  return rank === null ? '—' : `${rank}/${of}`;
}
