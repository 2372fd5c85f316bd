/**
 * The scoring rules on a worked example: the seven counties with their real zone profiles from
 * 附件1, four indicators, expected scores and ranks computed by hand (fractions written out).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attainmentScore, efficacyScore, primaryZone, rank, score, type ScoringInput } from './assessment.js';

/** Towns per zone, as 附件1 lists them. */
const COUNTIES: ScoringInput['counties'] = [
  { name: '蓬江区', profile: [{ zone: 'core', towns: 6, of: 6 }] },
  { name: '江海区', profile: [{ zone: 'core', towns: 3, of: 3 }] },
  { name: '新会区', profile: [{ zone: 'core', towns: 6, of: 11 }, { zone: 'bay', towns: 5, of: 11 }] },
  { name: '台山市', profile: [{ zone: 'core', towns: 7, of: 17 }, { zone: 'bay', towns: 10, of: 17 }] },
  { name: '开平市', profile: [{ zone: 'core', towns: 6, of: 15 }, { zone: 'eco', towns: 9, of: 15 }] },
  { name: '鹤山市', profile: [{ zone: 'core', towns: 8, of: 10 }, { zone: 'eco', towns: 2, of: 10 }] },
  { name: '恩平市', profile: [{ zone: 'bay', towns: 1, of: 11 }, { zone: 'eco', towns: 10, of: 11 }] },
];

/**
 * A (common, 正向): 10 6 8 4 2 2 — (恩平 missing)  min 2 max 10 → s = 60 + 5(x − 2)
 * B (core, 正向):   50 30 40 20 10 30 10           min 10 max 50 → s = 60 + (x − 10)
 * C (bay, 正向):    新会 5, 台山 5, 恩平 5          max = min → 100
 * D (eco, 逆向):    开平 3, 鹤山 2, 恩平 1          min 1 max 3 → s = 60 + 20(3 − x)
 * Weights: core A 40 B 60 · bay A 50 C 50 · eco A 30 D 70.
 */
const VALUES: Record<string, Record<string, number>> = {
  A: { 蓬江区: 10, 江海区: 6, 新会区: 8, 台山市: 4, 开平市: 2, 鹤山市: 2 },
  B: { 蓬江区: 50, 江海区: 30, 新会区: 40, 台山市: 20, 开平市: 10, 鹤山市: 30, 恩平市: 10 },
  C: { 新会区: 5, 台山市: 5, 恩平市: 5 },
  D: { 开平市: 3, 鹤山市: 2, 恩平市: 1 },
};
const example = (over: Partial<ScoringInput> = {}): ScoringInput => ({
  counties: COUNTIES,
  indicators: [
    { code: 'A', direction: 'positive' },
    { code: 'B', direction: 'positive' },
    { code: 'C', direction: 'positive' },
    { code: 'D', direction: 'negative' },
  ],
  weights: [
    { zone: 'core', code: 'A', weight: 40 },
    { zone: 'core', code: 'B', weight: 60 },
    { zone: 'bay', code: 'A', weight: 50 },
    { zone: 'bay', code: 'C', weight: 50 },
    { zone: 'eco', code: 'A', weight: 30 },
    { zone: 'eco', code: 'D', weight: 70 },
  ],
  values: Object.entries(VALUES).flatMap(([code, byCounty]) => Object.entries(byCounty).map(([county, value]) => ({ county, code, value }))),
  weighting: 'blended',
  method: 'efficacy',
  ...over,
});

const byCounty = (r: ReturnType<typeof score>) => Object.fromEntries(r.counties.map((c) => [c.county, c]));

describe('worked example, blended weights (default)', () => {
  const r = byCounty(score(example()));

  it('normalises each indicator over the counties with a value (功效系数法, 逆向 too)', () => {
    const s = (county: string, code: string) => r[county]!.indicators.find((i) => i.code === code)?.normalised;
    expect([s('蓬江区', 'A'), s('江海区', 'A'), s('新会区', 'A'), s('台山市', 'A'), s('开平市', 'A'), s('鹤山市', 'A')]).toEqual([100, 80, 90, 70, 60, 60]);
    expect([s('蓬江区', 'B'), s('鹤山市', 'B'), s('恩平市', 'B')]).toEqual([100, 80, undefined]); // 恩平市 has no core towns: B not weighted
    expect([s('新会区', 'C'), s('台山市', 'C'), s('恩平市', 'C')]).toEqual([100, 100, 100]); // max = min
    expect([s('开平市', 'D'), s('鹤山市', 'D'), s('恩平市', 'D')]).toEqual([60, 80, 100]); // 逆向: the smallest scores 100
    expect(r['开平市']!.indicators.find((i) => i.code === 'A')).toMatchObject({ min: 2, max: 10 });
  });

  it('blends the weights by the share of towns in each zone (台山市 7/17 core, 10/17 bay)', () => {
    const w = (county: string, code: string) => r[county]!.indicators.find((i) => i.code === code)?.weight;
    expect(w('台山市', 'A')).toBeCloseTo(780 / 17, 12); // 7/17·40 + 10/17·50
    expect(w('台山市', 'B')).toBeCloseTo(420 / 17, 12);
    expect(w('台山市', 'C')).toBeCloseTo(500 / 17, 12);
    expect(w('开平市', 'A')).toBeCloseTo(34, 12); // 6/15·40 + 9/15·30
    expect(w('开平市', 'D')).toBeCloseTo(42, 12);
    expect(w('鹤山市', 'D')).toBeCloseTo(14, 12);
    expect(r['台山市']!.profile.map((p) => [p.zone, p.towns, p.of])).toEqual([
      ['core', 7, 17],
      ['bay', 10, 17],
    ]);
  });

  it('scores Σ w·s / Σ w, and the contributions add up to the score', () => {
    expect(r['蓬江区']!.total).toBeCloseTo(100, 12);
    expect(r['江海区']!.total).toBeCloseTo(80, 12);
    expect(r['新会区']!.total).toBeCloseTo(1015 / 11, 12); // (490·90 + 360·90 + 250·100) / 1100
    expect(r['台山市']!.total).toBeCloseTo(1340 / 17, 12); // (780·70 + 420·70 + 500·100) / 1700
    expect(r['开平市']!.total).toBeCloseTo(60, 12);
    expect(r['鹤山市']!.total).toBeCloseTo(72.4, 12); // (38·60 + 48·80 + 14·80) / 100
    expect(r['新会区']!.indicators.find((i) => i.code === 'A')!.contribution).toBeCloseTo(44100 / 1100, 12);
    for (const c of Object.values(r)) expect(c.indicators.reduce((s, i) => s + (i.contribution ?? 0), 0)).toBeCloseTo(c.total!, 12);
  });

  it('reports a missing value instead of counting it as zero (恩平市 has no A)', () => {
    expect(r['恩平市']!.missing).toEqual(['A']);
    expect(r['恩平市']!.indicators.find((i) => i.code === 'A')).toMatchObject({ raw: null, normalised: null, contribution: null });
    expect(r['恩平市']!.total).toBeCloseTo(100, 12); // C 100 (w 50/11) and D 100 (w 700/11) only
  });

  it('ranks overall with shared ranks, and within the primary zone', () => {
    const ranks = Object.fromEntries(Object.values(r).map((c) => [c.county, [c.primaryZone, c.rankOverall, c.rankInZone, c.zoneSize]]));
    expect(ranks).toEqual({
      蓬江区: ['core', 1, 1, 4],
      恩平市: ['eco', 1, 1, 2],
      新会区: ['core', 3, 2, 4],
      江海区: ['core', 4, 3, 4],
      台山市: ['bay', 5, 1, 1],
      鹤山市: ['core', 6, 4, 4],
      开平市: ['eco', 7, 2, 2],
    });
  });

  it('averages each zone over the counties whose primary zone it is', () => {
    const avg = Object.fromEntries(score(example()).zoneAverages.map((z) => [z.zone, z]));
    expect(avg.core!.total).toBeCloseTo((100 + 80 + 1015 / 11 + 72.4) / 4, 12);
    expect(avg.bay!.total).toBeCloseTo(1340 / 17, 12);
    expect(avg.eco!.total).toBeCloseTo(80, 12);
    expect(avg.eco!.indicators.find((i) => i.code === 'A')!.normalised).toBe(60); // 恩平市 has none: 开平市 alone
    expect(avg.eco!.indicators.find((i) => i.code === 'D')!.normalised).toBe(80);
  });
});

describe('primary-zone option', () => {
  const r = byCounty(score(example({ weighting: 'primary' })));
  it('uses only the scheme of the largest zone', () => {
    expect(r['新会区']!.total).toBeCloseTo(90, 12); // core: 40·90 + 60·90
    expect(r['台山市']!.total).toBeCloseTo(85, 12); // bay: 50·70 + 50·100
    expect(r['鹤山市']!.total).toBeCloseTo(72, 12); // core: 40·60 + 60·80
    expect(r['台山市']!.indicators.map((i) => i.code)).toEqual(['A', 'C']);
    expect(r['恩平市']!.missing).toEqual(['A']);
    expect(Object.values(r).map((c) => [c.county, c.rankOverall])).toEqual([
      ['蓬江区', 1],
      ['江海区', 5],
      ['新会区', 3],
      ['台山市', 4],
      ['开平市', 7],
      ['鹤山市', 6],
      ['恩平市', 1],
    ]);
  });
  it('breaks a tie of shares by the order of the zones in the document', () => {
    expect(primaryZone([{ zone: 'bay', towns: 5, of: 10 }, { zone: 'core', towns: 5, of: 10 }])).toBe('core');
    expect(primaryZone([{ zone: 'eco', towns: 2, of: 4 }, { zone: 'bay', towns: 2, of: 4 }])).toBe('bay');
    expect(primaryZone([{ zone: 'core', towns: 4, of: 10 }, { zone: 'eco', towns: 6, of: 10 }])).toBe('eco');
  });
});

describe('edge cases', () => {
  it('max = min gives every county with a value 100, whatever the direction', () => {
    expect(efficacyScore(7, 7, 7, 'positive')).toBe(100);
    expect(efficacyScore(7, 7, 7, 'negative')).toBe(100);
  });
  it('a county with no value at all has no score and no rank, and is not ranked against', () => {
    const input = example({ values: example().values.filter((v) => v.county !== '江海区') });
    const r = byCounty(score(input));
    expect(r['江海区']).toMatchObject({ total: null, rankOverall: null, rankInZone: null, missing: ['A', 'B'] });
    expect(r['鹤山市']!.rankInZone).toBe(3);
  });
  it('target attainment: min(x / target, 1.2) × 100; 逆向 min(target / x, 1.2) × 100', () => {
    expect(attainmentScore(8, 10, 'positive')).toBe(80);
    expect(attainmentScore(15, 10, 'positive')).toBe(120);
    expect(attainmentScore(-2, 5, 'positive')).toBe(0);
    expect(attainmentScore(8, null, 'positive')).toBeNull();
    expect(attainmentScore(8, 0, 'positive')).toBeNull();
    expect(attainmentScore(-3.2, -0.1, 'positive')).toBeNull(); // a fall against a smaller planned fall is not 120
    expect(attainmentScore(2, -1, 'negative')).toBeNull();
    expect(attainmentScore(3, 0, 'negative')).toBe(0);
    expect(attainmentScore(4, 2, 'negative')).toBe(50);
    expect(attainmentScore(1, 2, 'negative')).toBe(120);
    expect(attainmentScore(0, 2, 'negative')).toBe(120);
  });
  it('the attainment method counts only indicators with a target', () => {
    const r = byCounty(
      score(
        example({
          method: 'attainment',
          values: [
            { county: '台山市', code: 'A', value: 4, target: 5 },
            { county: '台山市', code: 'C', value: 5, target: null },
          ],
        }),
      ),
    );
    expect(r['台山市']!.total).toBeCloseTo(80, 12);
    expect(r['台山市']!.missing).toEqual(['B', 'C']);
    expect(r['台山市']!.indicators.find((i) => i.code === 'A')).toMatchObject({ min: null, max: null });
  });
  it('ranks ties at 1e-9 (a float sum does not split them)', () => {
    expect(rank([0.1 + 0.2, 0.3, null, 0.5])).toEqual([2, 2, null, 1]);
  });
});

describe('properties', () => {
  it('every total lies in [60, 100], equals the sum of its contributions, and rank 1 holds the maximum', () => {
    const val = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(val, val, val, val), { minLength: 7, maxLength: 7 }), fc.boolean(), (rows, primary) => {
        const codes = ['A', 'B', 'C', 'D'];
        const r = score(example({ weighting: primary ? 'primary' : 'blended', values: rows.flatMap((row, i) => row.map((value, j) => ({ county: COUNTIES[i]!.name, code: codes[j]!, value }))) }));
        const totals = r.counties.flatMap((c) => (c.total === null ? [] : [c.total]));
        for (const c of r.counties) {
          if (c.total === null) continue;
          expect(c.total).toBeGreaterThanOrEqual(60 - 1e-9);
          expect(c.total).toBeLessThanOrEqual(100 + 1e-9);
          expect(c.indicators.reduce((s, i) => s + (i.contribution ?? 0), 0)).toBeCloseTo(c.total, 9);
          if (c.rankOverall === 1) expect(c.total).toBeCloseTo(Math.max(...totals), 9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
