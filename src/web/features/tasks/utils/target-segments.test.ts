import { describe, expect, it } from 'vitest';
import { splitTextBySpans, unplacedTargets, type TextSegment } from './target-segments.js';

interface T {
  id: string;
  span: [number, number];
}
const target = (id: string, start: number, end: number): T => ({ id, span: [start, end] });
const join = (segments: TextSegment<T>[]) => segments.map((s) => s.text).join('');
const marked = (segments: TextSegment<T>[]) => segments.filter((s) => s.target).map((s) => `${s.target!.id}:${s.text}`);

// Milestone 1 of task 6 and its two targets exactly as the importer produces them.
const TASK6 =
  '2020年,加快优美科二期项目、华生电机、广东中车等重大项目建设进度。围绕新材料、大健康产业、高端装备制造业、新一代信息技术、新能源汽车及零配件等产业,策划举办至少1场投资推介活动,引进至少50个投资超亿元的产业项目。';

describe('splitTextBySpans', () => {
  it('highlights the importer spans of task 6 and keeps the whole text', () => {
    const segments = splitTextBySpans(TASK6, [target('events', 80, 90), target('projects', 93, 108)]);
    expect(join(segments)).toBe(TASK6);
    expect(marked(segments)).toEqual(['events:至少1场投资推介活动', 'projects:至少50个投资超亿元的产业项目']);
    expect(segments.map((s) => (s.target ? 'T' : '-')).join('')).toBe('-T-T-');
    for (const s of segments) expect(TASK6.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns one plain segment without targets, and nothing for empty text', () => {
    expect(splitTextBySpans('全市新增', [])).toEqual([{ text: '全市新增', start: 0, end: 4, target: null }]);
    expect(splitTextBySpans('', [])).toEqual([]);
    expect(splitTextBySpans('', [target('a', 0, 3)])).toEqual([]);
  });

  it('handles targets at the very start, the very end and covering everything', () => {
    expect(marked(splitTextBySpans('abcdef', [target('a', 0, 2), target('b', 4, 6)]))).toEqual(['a:ab', 'b:ef']);
    const whole = splitTextBySpans('abc', [target('all', 0, 3)]);
    expect(whole).toEqual([{ text: 'abc', start: 0, end: 3, target: { id: 'all', span: [0, 3] } }]);
  });

  it('keeps adjacent targets as separate segments', () => {
    const segments = splitTextBySpans('aabb', [target('a', 0, 2), target('b', 2, 4)]);
    expect(marked(segments)).toEqual(['a:aa', 'b:bb']);
    expect(segments).toHaveLength(2);
  });

  it('orders targets by position whatever the input order', () => {
    expect(marked(splitTextBySpans('0123456789', [target('late', 6, 8), target('early', 1, 3)]))).toEqual(['early:12', 'late:67']);
  });

  it('leaves out a target overlapping an earlier one (first and then longer wins)', () => {
    const text = '0123456789';
    expect(marked(splitTextBySpans(text, [target('a', 2, 6), target('b', 4, 8)]))).toEqual(['a:2345']);
    expect(marked(splitTextBySpans(text, [target('short', 2, 4), target('long', 2, 7)]))).toEqual(['long:23456']);
    expect(marked(splitTextBySpans(text, [target('outer', 1, 9), target('inner', 3, 5)]))).toEqual(['outer:12345678']);
    // identical spans: the first listed wins
    expect(marked(splitTextBySpans(text, [target('x', 2, 4), target('y', 2, 4)]))).toEqual(['x:23']);
    expect(join(splitTextBySpans(text, [target('a', 2, 6), target('b', 4, 8)]))).toBe(text);
  });

  it('clamps spans to the text and ignores empty, reversed and non-integer spans', () => {
    const text = 'abcdef';
    expect(marked(splitTextBySpans(text, [target('tail', 4, 99)]))).toEqual(['tail:ef']);
    expect(marked(splitTextBySpans(text, [target('head', -5, 2)]))).toEqual(['head:ab']);
    expect(marked(splitTextBySpans(text, [target('beyond', 10, 12)]))).toEqual([]);
    expect(marked(splitTextBySpans(text, [target('empty', 3, 3)]))).toEqual([]);
    expect(marked(splitTextBySpans(text, [target('reversed', 4, 2)]))).toEqual([]);
    expect(marked(splitTextBySpans(text, [target('fraction', 1.5, 3)]))).toEqual([]);
    expect(marked(splitTextBySpans(text, [target('nan', Number.NaN, 3)]))).toEqual([]);
    expect(join(splitTextBySpans(text, [target('tail', 4, 99), target('nan', Number.NaN, 3)]))).toBe(text);
  });

  it('never splits a surrogate pair (spans are UTF-16 offsets)', () => {
    const text = '增长𠀋𠀋达到'; // 𠀋 is outside the BMP: two code units each
    expect(text.length).toBe(8);
    // [3, 5) starts inside the first 𠀋 and ends inside the second: widened to [2, 6)
    const segments = splitTextBySpans(text, [target('ext', 3, 5)]);
    expect(marked(segments)).toEqual(['ext:𠀋𠀋']);
    expect(join(segments)).toBe(text);
    expect(marked(splitTextBySpans(text, [target('ok', 2, 4)]))).toEqual(['ok:𠀋']);
  });

  it('works for a long milestone with many targets (task 31 style)', () => {
    const text = '2020年,全市新增“三旧”改造面积3000亩,完成改造面积2000亩,完成“工改工”改造面积200亩。';
    const spans: T[] = [target('a', 6, 23), target('b', 24, 35), target('c', 36, 51)];
    const segments = splitTextBySpans(text, spans);
    expect(marked(segments)).toEqual(['a:全市新增“三旧”改造面积3000亩', 'b:完成改造面积2000亩', 'c:完成“工改工”改造面积200亩']);
    expect(join(segments)).toBe(text);
  });
});

describe('unplacedTargets', () => {
  it('lists targets that could not be highlighted', () => {
    const a = target('a', 0, 4);
    const b = target('b', 2, 6);
    const c = target('c', 9, 9);
    const d = target('d', 6, 8);
    expect(unplacedTargets('0123456789', [a, b, c, d]).map((t) => t.id)).toEqual(['b', 'c']);
    expect(unplacedTargets('0123456789', [a, d])).toEqual([]);
  });
});
