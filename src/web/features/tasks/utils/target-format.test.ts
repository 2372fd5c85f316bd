import { describe, expect, it } from 'vitest';
import { comparatorWords, describeTarget, formatTargetBaseValue, formatTargetValue, hasDistinctBaseValue } from './target-format.js';

const projects = { comparator: '>=' as const, value: 50, valueMax: null, unit: '个', baseValue: 50, baseValueMax: null, baseUnit: '个' };
const leaders = { comparator: 'range' as const, value: 1, valueMax: 2, unit: '个', baseValue: 1, baseValueMax: 2, baseUnit: '个' };
const investment = { comparator: '>=' as const, value: 30.65, valueMax: null, unit: '亿元', baseValue: 3065000000, baseValueMax: null, baseUnit: '元' };

describe('target wording', () => {
  it('says the comparator in words', () => {
    expect(['>=', '<=', '=', 'range'].map((c) => comparatorWords(c as '>=', 'zh'))).toEqual(['不低于', '不高于', '等于', '区间']);
    expect(comparatorWords('>=', 'en')).toBe('at least');
  });

  it('formats values, ranges and base values', () => {
    expect(formatTargetValue(projects, 'zh')).toBe('50个');
    expect(formatTargetValue(leaders, 'zh')).toBe('1–2个');
    expect(describeTarget(projects, 'zh')).toBe('不低于 50个');
    expect(describeTarget(leaders, 'zh')).toBe('区间 1–2个');
    expect(formatTargetBaseValue(investment, 'zh')).toBe('3,065,000,000元');
  });

  it('shows the base value only when it adds something', () => {
    expect(hasDistinctBaseValue(projects)).toBe(false);
    expect(hasDistinctBaseValue(leaders)).toBe(false);
    expect(hasDistinctBaseValue(investment)).toBe(true);
  });
});
