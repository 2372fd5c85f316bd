import { describe, expect, it } from 'vitest';
import type { CountyScore } from '../../../../shared/api/assessment-api.js';
import { attainmentScore, efficacyScore, score } from '../../../../shared/domain/assessment.js';
import { contributionFormula, countedWeight, fixed2, normalisedFormula, num, profileText, rankOf, sumContributions, totalFormula, weightFormula, type IndicatorScore } from './explain.js';

const SHORT = { core: '核心区', bay: '湾区', eco: '生态区' } as const;

function row(partial: Partial<IndicatorScore>): IndicatorScore {
  return { code: 'X', name: 'x', unit: '', direction: 'positive', raw: null, target: null, normalised: null, weight: 0, contribution: null, min: null, max: null, origin: null, ...partial };
}

describe('num / fixed2', () => {
  it('writes figures without trailing zeros, with a real minus sign', () => {
    expect(num(8.2)).toBe('8.2');
    expect(num(8.823529411)).toBe('8.8235');
    expect(num(-3.5)).toBe('−3.5');
    expect(num(-0.00001)).toBe('0');
    expect(fixed2(89.52380952)).toBe('89.52');
    expect(fixed2(null)).toBe('—');
    expect(fixed2(-0.001)).toBe('0.00');
  });
});

describe('normalisedFormula', () => {
  it('writes the efficacy formula with the numbers, 正向 and 逆向', () => {
    expect(normalisedFormula(row({ raw: 8.2, min: 5.1, max: 9.3, normalised: 60 + (40 * 3.1) / 4.2 }), 'efficacy')).toBe('60 + 40 × (8.2 − 5.1) / (9.3 − 5.1) = 89.52');
    expect(normalisedFormula(row({ direction: 'negative', raw: 8.2, min: 5.1, max: 9.3, normalised: 60 + (40 * 1.1) / 4.2 }), 'efficacy')).toBe('60 + 40 × (9.3 − 8.2) / (9.3 − 5.1) = 70.48');
  });

  it('ends with the score of the shared scoring rules', () => {
    const cases = [
      { raw: 8.2, min: 5.1, max: 9.3, direction: 'positive' as const },
      { raw: 6, min: 5.1, max: 9.3, direction: 'negative' as const },
      { raw: -0.1, min: -0.1, max: 6.7, direction: 'positive' as const },
    ];
    for (const c of cases) {
      const s = efficacyScore(c.raw, c.min, c.max, c.direction);
      expect(normalisedFormula(row({ ...c, normalised: s }), 'efficacy')!.endsWith(`= ${s.toFixed(2)}`)).toBe(true);
    }
    const a = attainmentScore(9.5, 8, 'positive')!;
    expect(normalisedFormula(row({ raw: 9.5, target: 8, normalised: a }), 'attainment')).toBe(`min(9.5 / 8, 1.2) × 100 = ${a.toFixed(2)}`);
  });

  it('puts negative figures in parentheses', () => {
    expect(normalisedFormula(row({ raw: -1, min: -3, max: 2, normalised: 76 }), 'efficacy')).toBe('60 + 40 × ((−1) − (−3)) / (2 − (−3)) = 76.00');
  });

  it('says max = min gives 100 and a missing value has no formula', () => {
    expect(normalisedFormula(row({ raw: 5, min: 5, max: 5, normalised: 100 }), 'efficacy')).toBe('max = min = 5 → 100');
    expect(normalisedFormula(row({ raw: null, min: 1, max: 2 }), 'efficacy')).toBeNull();
  });

  it('writes the attainment formula, capped, floored and for 逆向 at zero', () => {
    expect(normalisedFormula(row({ raw: 8.2, target: 8, normalised: 102.5 }), 'attainment')).toBe('min(8.2 / 8, 1.2) × 100 = 102.50');
    expect(normalisedFormula(row({ direction: 'negative', raw: 4, target: 5, normalised: 120 }), 'attainment')).toBe('min(5 / 4, 1.2) × 100 = 120.00');
    expect(normalisedFormula(row({ raw: -2, target: 5, normalised: 0 }), 'attainment')).toBe('max(0, min((−2) / 5, 1.2)) × 100 = 0.00');
    expect(normalisedFormula(row({ direction: 'negative', raw: 0, target: 5, normalised: 120 }), 'attainment')).toBe('x = 0 ≤ 0 → 120');
    expect(normalisedFormula(row({ raw: 3, target: null, normalised: null }), 'attainment')).toBeNull();
  });
});

describe('weights, contributions and the total', () => {
  const profile: CountyScore['profile'] = [
    { zone: 'core', towns: 7, of: 17, share: 7 / 17 },
    { zone: 'bay', towns: 10, of: 17, share: 10 / 17 },
  ];

  it('writes the blended weight from the zone weights and the primary-zone weight alone', () => {
    const w = { core: 10, bay: 8, eco: 0 } as const;
    expect(weightFormula(profile, (z) => w[z], 'blended', 'bay')).toBe('7/17 × 10 + 10/17 × 8 = 8.8235');
    expect(weightFormula(profile, (z) => w[z], 'primary', 'bay')).toBe('8');
    expect(weightFormula([{ zone: 'eco', towns: 9, of: 9, share: 1 }], () => 6, 'blended', 'eco')).toBe('6');
  });

  it('profile text lists zones in document order with their town counts', () => {
    expect(profileText([...profile].reverse(), (z) => SHORT[z])).toBe('核心区 7/17 · 湾区 10/17');
  });

  it('the contributions of a scored county add up to its total, and the formulas say so', () => {
    const result = score({
      counties: [
        { name: '台山市', profile: [{ zone: 'core', towns: 7, of: 17 }, { zone: 'bay', towns: 10, of: 17 }] },
        { name: '蓬江区', profile: [{ zone: 'core', towns: 6, of: 6 }] },
        { name: '恩平市', profile: [{ zone: 'eco', towns: 11, of: 11 }] },
      ],
      indicators: [
        { code: 'A', direction: 'positive' },
        { code: 'B', direction: 'negative' },
        { code: 'C', direction: 'positive' },
      ],
      weights: [
        { zone: 'core', code: 'A', weight: 10 },
        { zone: 'bay', code: 'A', weight: 8 },
        { zone: 'eco', code: 'A', weight: 5 },
        { zone: 'core', code: 'B', weight: 4 },
        { zone: 'bay', code: 'B', weight: 6 },
        { zone: 'eco', code: 'B', weight: 9 },
        { zone: 'bay', code: 'C', weight: 3 },
      ],
      values: [
        { county: '台山市', code: 'A', value: 8.2 },
        { county: '蓬江区', code: 'A', value: 9.3 },
        { county: '恩平市', code: 'A', value: 5.1 },
        { county: '台山市', code: 'B', value: 2 },
        { county: '蓬江区', code: 'B', value: 3 },
        { county: '恩平市', code: 'B', value: 1 },
      ],
      weighting: 'blended',
      method: 'efficacy',
    });
    const taishan = result.counties.find((c) => c.county === '台山市')!;
    const indicators = taishan.indicators.map((i) => ({ ...i, name: i.code, unit: '', direction: i.code === 'B' ? ('negative' as const) : ('positive' as const), origin: null }));
    expect(sumContributions(indicators)).toBeCloseTo(taishan.total!, 9);
    const sumW = countedWeight(indicators);
    expect(sumW).toBeCloseTo((7 / 17) * 10 + (10 / 17) * 8 + (7 / 17) * 4 + (10 / 17) * 6, 9);
    const a = indicators.find((i) => i.code === 'A')!;
    expect(contributionFormula(a, sumW)).toBe(`8.8235 × 89.52 / ${num(sumW)} = ${fixed2(a.contribution)}`);
    // C is weighted for 台山 (bay) but has no value: missing, no contribution, not in Σw.
    expect(taishan.missing).toEqual(['C']);
    expect(contributionFormula(indicators.find((i) => i.code === 'C')!, sumW)).toBeNull();
    const parts = indicators.filter((i) => i.contribution !== null).map((i) => fixed2(i.contribution));
    expect(totalFormula(indicators, taishan.total)).toBe(`${parts.join(' + ')} = ${fixed2(taishan.total)}`);
    expect(totalFormula([], null)).toBeNull();
  });

  it('in-zone rank reads n/m', () => {
    expect(rankOf(1, 3)).toBe('1/3');
    expect(rankOf(null, 3)).toBe('—');
  });
});
