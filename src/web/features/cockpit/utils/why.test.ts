import { describe, expect, it } from 'vitest';
import { formatWhyValue, taskParts, whyRows, type WhyValueWords } from './why.js';

const words: WhyValueWords = { yes: '是', no: '否', empty: '—', claim: (c) => ({ inProgress: '推进中' })[c] ?? null, curve: (c) => (c === 'linear' ? '按月均匀推进' : null) };

describe('whyRows', () => {
  it('puts known inputs in engine order and keeps unknown ones, as sent, at the end', () => {
    const rows = whyRows({ rule: 'r', inputs: { zeta: 1, year: 2022, accepted: 2999, target: 3000, pending: null } });
    expect(rows.map((r) => r.key)).toEqual(['accepted', 'pending', 'target', 'year', 'zeta']);
    expect(rows.at(-1)).toEqual({ key: 'zeta', known: null, value: 1 });
  });

  it('has no rows without inputs', () => {
    expect(whyRows({ rule: '没有已亮灯的任务', inputs: {} })).toEqual([]);
  });
});

describe('formatWhyValue', () => {
  const row = (key: string, value: string | number | boolean | null) => whyRows({ rule: '', inputs: { [key]: value } })[0]!;
  it('writes booleans, nulls, ratios, claims and curves in words', () => {
    expect(formatWhyValue(row('ended', true), words)).toBe('是');
    expect(formatWhyValue(row('ended', false), words)).toBe('否');
    expect(formatWhyValue(row('pending', null), words)).toBe('—');
    expect(formatWhyValue(row('ratio', 0.873), words)).toBe('87.3%');
    expect(formatWhyValue(row('claim', 'inProgress'), words)).toBe('推进中');
    expect(formatWhyValue(row('claim', 'weird'), words)).toBe('weird');
    expect(formatWhyValue(row('curve', 'linear'), words)).toBe('按月均匀推进');
    expect(formatWhyValue(row('expected', 2307.692307), words)).toBe('2307.6923');
    expect(formatWhyValue(row('other', 'text'), words)).toBe('text');
  });
});

describe('taskParts', () => {
  it('lists a task’s lit milestones and targets worst first, with their rules', () => {
    const w = (rule: string) => ({ rule, inputs: {} });
    const parts = taskParts({
      milestones: [
        { milestoneId: 1, text: '2022年，完成…', light: 'green', why: w('推进中') },
        { milestoneId: 2, text: '开展…', light: 'none', why: w('尚无已采纳的进展报告') },
        { milestoneId: 3, text: '建成…', light: 'red', why: w('2022年已结束仍在推进中') },
      ],
      targets: [{ targetId: 9, subject: '新增“三旧”改造面积', light: 'yellow', why: w('实际仅达到应完成量的88%') }],
    });
    expect(parts.map((p) => [p.key, p.light, p.rule])).toEqual([
      ['m3', 'red', '2022年已结束仍在推进中'],
      ['t9', 'yellow', '实际仅达到应完成量的88%'],
      ['m1', 'green', '推进中'],
    ]);
  });
});
