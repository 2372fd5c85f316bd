/**
 * Differentiated assessment (差异化考核) of the county-level divisions — the scoring rules.
 * Pure functions; the server, the CLI and the tests call the same code.
 *
 * Default method, 功效系数法 (efficacy coefficient):
 *  1. Normalise each indicator over the counties that have a value that year:
 *       正向 s = 60 + 40·(x − min)/(max − min)
 *       逆向 s = 60 + 40·(max − x)/(max − min)
 *     When max = min every county with a value gets 100.
 *  2. A county's zone profile is the share of its towns in each zone (附件1: 台山市 = 7/17 core,
 *     10/17 bay). Its weight for indicator i is Σ_z share_z · w_{z,i} ("blended"). The "primary"
 *     option uses only the scheme of the county's primary zone (largest share; ties go to the zone
 *     listed first in the document: core, bay, eco).
 *  3. Score = Σ_i w_i·s_i / Σ_i w_i over the weighted indicators that have a value. A weighted
 *     indicator without a value is listed in `missing`, never counted as zero.
 *  4. Ranks: overall, and within the primary zone (counties compared with counties of the same
 *     zone). Equal scores share a rank (1, 2, 2, 4); scores are compared at 1e-9.
 *
 * Second method, target attainment (目标完成率法), where a target is set:
 *       正向 s = min(x / target, 1.2) × 100,  逆向 s = min(target / x, 1.2) × 100,
 *     floored at 0 (a negative growth rate does not subtract); a value without a usable target is
 *     missing: none, a 正向 target ≤ 0 (a ratio to a zero or negative target measures nothing:
 *     −3.2% against −0.1% would be 32×), a 逆向 target < 0; 逆向 with x ≤ 0 scores 120.
 *     Steps 2–4 are the same.
 */
import type { ZoneCode } from '../plan-model.js';

export const ZONE_ORDER: readonly ZoneCode[] = ['core', 'bay', 'eco'];
export type Direction = 'positive' | 'negative';
export type Weighting = 'blended' | 'primary';
export type Method = 'efficacy' | 'attainment';

export interface ProfileShare {
  zone: ZoneCode;
  towns: number;
  of: number;
}
export interface ScoringCounty {
  name: string;
  /** Towns per zone (zones without towns may be omitted). */
  profile: ProfileShare[];
}
export interface ScoringIndicator {
  code: string;
  direction: Direction;
}
export interface ScoringInput {
  counties: ScoringCounty[];
  indicators: ScoringIndicator[];
  weights: { zone: ZoneCode; code: string; weight: number }[];
  values: { county: string; code: string; value: number | null; target?: number | null }[];
  weighting: Weighting;
  method: Method;
}
export interface IndicatorScore {
  code: string;
  raw: number | null;
  target: number | null;
  normalised: number | null;
  weight: number;
  contribution: number | null;
  min: number | null;
  max: number | null;
}
export interface CountyResult {
  county: string;
  profile: (ProfileShare & { share: number })[];
  primaryZone: ZoneCode;
  indicators: IndicatorScore[];
  missing: string[];
  total: number | null;
  rankOverall: number | null;
  rankInZone: number | null;
  zoneSize: number;
}
export interface ZoneAverage {
  zone: ZoneCode;
  total: number | null;
  indicators: { code: string; normalised: number | null }[];
}
export interface ScoringResult {
  counties: CountyResult[];
  zoneAverages: ZoneAverage[];
}

const EPS = 1e-9;

/** The county's primary zone: largest share; ties to the zone listed first in the document. */
export function primaryZone(profile: readonly ProfileShare[]): ZoneCode {
  let best: ProfileShare | null = null;
  for (const z of ZONE_ORDER) {
    const p = profile.find((s) => s.zone === z);
    if (p && p.towns > 0 && (!best || p.towns / p.of > best.towns / best.of + EPS)) best = p;
  }
  if (!best) throw new Error('县级行政区没有任何镇街分区，无法确定主体功能区');
  return best.zone;
}

/** 功效系数法 score of x over [min, max]. */
export function efficacyScore(x: number, min: number, max: number, direction: Direction): number {
  if (max - min <= EPS * Math.max(1, Math.abs(max))) return 100;
  return direction === 'positive' ? 60 + (40 * (x - min)) / (max - min) : 60 + (40 * (max - x)) / (max - min);
}

/** 目标完成率法 score, or null when the target cannot be used. */
export function attainmentScore(x: number, target: number | null | undefined, direction: Direction): number | null {
  if (target === null || target === undefined) return null;
  if (direction === 'positive') {
    if (target <= 0) return null;
    return Math.max(0, Math.min(x / target, 1.2)) * 100;
  }
  if (target < 0) return null;
  if (x <= 0) return 120;
  return Math.max(0, Math.min(target / x, 1.2)) * 100;
}

/** Competition ranks (1, 2, 2, 4) of the non-null totals, highest first; null stays unranked. */
export function rank(totals: readonly (number | null)[]): (number | null)[] {
  return totals.map((t) => (t === null ? null : 1 + totals.filter((o) => o !== null && o > t + EPS).length));
}

export function score(input: ScoringInput): ScoringResult {
  const valueOf = new Map(input.values.map((v) => [`${v.county}\u0000${v.code}`, v]));
  const weightOf = new Map(input.weights.map((w) => [`${w.zone}\u0000${w.code}`, w.weight]));
  const countyNames = new Set(input.counties.map((c) => c.name));
  const range = new Map<string, { min: number; max: number }>();
  for (const ind of input.indicators) {
    const xs = input.values.filter((v) => v.code === ind.code && v.value !== null && countyNames.has(v.county)).map((v) => v.value!);
    if (xs.length) range.set(ind.code, { min: Math.min(...xs), max: Math.max(...xs) });
  }

  const counties: CountyResult[] = input.counties.map((c) => {
    const profile = ZONE_ORDER.flatMap((z) => c.profile.filter((p) => p.zone === z && p.towns > 0)).map((p) => ({ ...p, share: p.towns / p.of }));
    const primary = primaryZone(profile);
    const indicators: IndicatorScore[] = [];
    const missing: string[] = [];
    for (const ind of input.indicators) {
      const weight =
        input.weighting === 'primary' ? (weightOf.get(`${primary}\u0000${ind.code}`) ?? 0) : profile.reduce((s, p) => s + p.share * (weightOf.get(`${p.zone}\u0000${ind.code}`) ?? 0), 0);
      if (weight <= 0) continue;
      const v = valueOf.get(`${c.name}\u0000${ind.code}`);
      const raw = v?.value ?? null;
      const target = v?.target ?? null;
      const r = range.get(ind.code) ?? null;
      let normalised: number | null = null;
      if (raw !== null) normalised = input.method === 'efficacy' ? efficacyScore(raw, r!.min, r!.max, ind.direction) : attainmentScore(raw, target, ind.direction);
      if (normalised === null) missing.push(ind.code);
      indicators.push({ code: ind.code, raw, target, normalised, weight, contribution: null, min: input.method === 'efficacy' ? (r?.min ?? null) : null, max: input.method === 'efficacy' ? (r?.max ?? null) : null });
    }
    const counted = indicators.filter((i) => i.normalised !== null);
    const sumW = counted.reduce((s, i) => s + i.weight, 0);
    for (const i of counted) i.contribution = (i.weight * i.normalised!) / sumW;
    const total = counted.length ? counted.reduce((s, i) => s + i.contribution!, 0) : null;
    return { county: c.name, profile, primaryZone: primary, indicators, missing, total, rankOverall: null, rankInZone: null, zoneSize: 0 };
  });

  const overall = rank(counties.map((c) => c.total));
  counties.forEach((c, i) => (c.rankOverall = overall[i]!));
  for (const z of ZONE_ORDER) {
    const members = counties.filter((c) => c.primaryZone === z);
    const inZone = rank(members.map((c) => c.total));
    members.forEach((c, i) => {
      c.rankInZone = inZone[i]!;
      c.zoneSize = members.length;
    });
  }

  const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const zoneAverages: ZoneAverage[] = ZONE_ORDER.filter((z) => counties.some((c) => c.primaryZone === z)).map((z) => {
    const members = counties.filter((c) => c.primaryZone === z);
    return {
      zone: z,
      total: mean(members.flatMap((c) => (c.total === null ? [] : [c.total]))),
      indicators: input.indicators.map((ind) => ({
        code: ind.code,
        normalised: mean(members.flatMap((c) => c.indicators.filter((i) => i.code === ind.code && i.normalised !== null).map((i) => i.normalised!))),
      })),
    };
  });
  return { counties, zoneAverages };
}
