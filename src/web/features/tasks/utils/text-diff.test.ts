import { describe, expect, it } from 'vitest';
import { diffChars, MAX_DIFF_CHARS } from './text-diff.js';

const apply = (parts: ReturnType<typeof diffChars>, side: 'from' | 'to') =>
  parts.filter((p) => p.op === 'same' || p.op === (side === 'from' ? 'removed' : 'added')).map((p) => p.text).join('');

describe('diffChars', () => {
  it('finds the words the annex adds to the body (task 6: 粤港澳)', () => {
    const body = '加强与大湾区城市群的产业对接';
    const annex = '加强与粤港澳大湾区城市群的产业对接';
    const parts = diffChars(body, annex);
    expect(parts).toEqual([
      { op: 'same', text: '加强与' },
      { op: 'added', text: '粤港澳' },
      { op: 'same', text: '大湾区城市群的产业对接' },
    ]);
  });

  it('shows replacements as removed + added and reconstructs both texts', () => {
    const from = '完善城市公交体系';
    const to = '完善城市客运体系';
    const parts = diffChars(from, to);
    expect(parts.filter((p) => p.op !== 'same')).toEqual([
      { op: 'removed', text: '公交' },
      { op: 'added', text: '客运' },
    ]);
    expect(apply(parts, 'from')).toBe(from);
    expect(apply(parts, 'to')).toBe(to);
  });

  it('handles equal, empty and one-sided inputs', () => {
    expect(diffChars('相同', '相同')).toEqual([{ op: 'same', text: '相同' }]);
    expect(diffChars('', '')).toEqual([]);
    expect(diffChars('', '新增')).toEqual([{ op: 'added', text: '新增' }]);
    expect(diffChars('删除', '')).toEqual([{ op: 'removed', text: '删除' }]);
  });

  it('keeps characters outside the BMP whole', () => {
    const parts = diffChars('a𠀋b', 'a𠀋c');
    expect(apply(parts, 'from')).toBe('a𠀋b');
    expect(apply(parts, 'to')).toBe('a𠀋c');
    expect(parts[0]).toEqual({ op: 'same', text: 'a𠀋' });
  });

  it('falls back to a whole replacement for very long inputs', () => {
    const long = 'x'.repeat(MAX_DIFF_CHARS + 1);
    expect(diffChars(long, 'y')).toEqual([
      { op: 'removed', text: long },
      { op: 'added', text: 'y' },
    ]);
  });
});
