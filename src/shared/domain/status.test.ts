import { describe, expect, it } from 'vitest';
import { attainment, expectedFraction, groupLight, milestoneHealth, targetHealth, worstOf, type TargetSpec } from './status.js';

// The seed's own targets (江府〔2020〕8号).
const techGrowth: TargetSpec = { comparator: '>=', value: 5, unit: '%' }; // 工业技改投资增速不低于5%
const livableVillages: TargetSpec = { comparator: '>=', value: 65, unit: '%' }; // 美丽宜居村比例65%以上
const leaders: TargetSpec = { comparator: 'range', value: 1, valueMax: 2, unit: '个' }; // 引进1-2个主导产业龙头企业
const threeOld: TargetSpec = { comparator: '>=', value: 3000, unit: '亩' }; // 新增“三旧”改造面积不少于3000亩

describe('target attainment from the wording', () => {
  it.each([
    ['工业技改投资增速不低于5% with 4.9', techGrowth, 4.9, false],
    ['工业技改投资增速不低于5% with 5', techGrowth, 5, true],
    ['美丽宜居村比例65%以上 with 65', livableVillages, 65, true],
    ['引进1-2个主导产业龙头企业 with 1', leaders, 1, true],
    ['引进1-2个主导产业龙头企业 with 0', leaders, 0, false],
    ['引进1-2个主导产业龙头企业 with 3 (above the range: noted, not failed)', leaders, 3, true],
    ['新增“三旧”改造面积不少于3000亩 with 2,999', threeOld, 2999, false],
    ['a ceiling 不超过3个 with 4', { comparator: '<=', value: 3, unit: '个' } as TargetSpec, 4, false],
    ['a ceiling 不超过3个 with 3', { comparator: '<=', value: 3, unit: '个' } as TargetSpec, 3, true],
  ])('%s → attained %s', (_name, target, actual, attained) => {
    expect(attainment(target, actual).attained).toBe(attained);
  });

  it('counts only accepted values; a pending one is 待确认', () => {
    const h = targetHealth({ target: threeOld, year: 2022, accepted: null, pending: 3100, asOf: new Date('2022-06-01T00:00:00Z') });
    expect(h.light).toBe('none');
    expect(h.why.rule).toContain('待确认');
  });
});

describe('target health against expected progress', () => {
  const mid = new Date(Date.UTC(2022, 0, 1) + (Date.UTC(2023, 0, 1) - Date.UTC(2022, 0, 1)) / 2); // half the year gone
  const at = (accepted: number, extra: Partial<Parameters<typeof targetHealth>[0]> = {}) => targetHealth({ target: threeOld, year: 2022, accepted, asOf: mid, ...extra });

  it.each([
    [1425, 'green'], // 1500 expected; exactly 95%
    [1424, 'yellow'],
    [1275, 'yellow'], // exactly 85%
    [1274, 'red'],
    [3000, 'green'], // attained
  ])('%s亩 at mid-year → %s', (accepted, light) => {
    expect(at(accepted).light).toBe(light);
  });

  it('explains its light with the inputs and the rule', () => {
    const h = at(1300);
    expect(h.light).toBe('yellow');
    expect(h.why.inputs).toMatchObject({ accepted: 1300, expected: 1500, target: 3000 });
    expect(h.why.rule).toContain('黄灯');
  });

  it('is red once the year ended unattained, or after two missed reports', () => {
    expect(at(2999, { asOf: new Date('2023-01-05T00:00:00Z') }).light).toBe('red');
    expect(at(2999, { asOf: new Date('2023-01-05T00:00:00Z') }).why.rule).toContain('2022年已结束');
    expect(at(3000, { missedReports: 2 }).light).toBe('red');
    expect(at(1500, { missedReports: 1 }).light).toBe('green');
  });

  it('follows the chosen curve: step expects nothing before year end, back-loaded a quarter at mid-year', () => {
    expect(expectedFraction(2022, mid, 'step')).toBe(0);
    expect(expectedFraction(2022, mid, 'backLoaded')).toBeCloseTo(0.25, 5);
    expect(at(800, { curve: 'backLoaded' }).light).toBe('green'); // 750 expected
    expect(at(1, { curve: 'step' }).light).toBe('green');
  });

  it('thresholds are configurable', () => {
    expect(at(1400, { thresholds: { green: 0.9, yellow: 0.8 } }).light).toBe('green');
  });
});

describe('qualitative milestones and roll-up', () => {
  const during = new Date('2022-06-01T00:00:00Z');
  const after = new Date('2023-02-01T00:00:00Z');
  it.each([
    ['done', during, 'green'],
    ['behind', during, 'red'],
    ['inProgress', during, 'green'],
    ['inProgress', after, 'red'],
    ['notStarted', during, 'yellow'],
    [null, during, 'none'],
    [null, after, 'red'],
  ] as const)('%s at %s → %s', (claim, asOf, light) => {
    expect(milestoneHealth([2022], claim, asOf).light).toBe(light);
  });

  it('is red after two missed reports whatever was claimed', () => {
    expect(milestoneHealth([2022], 'done', during, 2)).toMatchObject({ light: 'red', why: { rule: '连续2期未报送' } });
    expect(milestoneHealth([2022], null, during, 1).light).toBe('none');
  });

  it('takes the worst part for a task and a score for a group', () => {
    expect(worstOf(['green', 'none', 'yellow']).light).toBe('yellow');
    expect(worstOf(['none']).light).toBe('none');
    expect(groupLight(['green', 'green', 'green', 'green', 'green', 'green', 'green', 'green', 'green', 'red']).light).toBe('green'); // 0.9
    expect(groupLight(['green', 'yellow', 'red']).light).toBe('red'); // 0.5
    expect(groupLight(['green', 'green', 'yellow', 'red', 'green']).light).toBe('yellow'); // 0.7
    expect(groupLight(['none']).light).toBe('none');
  });
});
