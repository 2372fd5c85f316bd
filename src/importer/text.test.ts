import { describe, expect, it } from 'vitest';
import { cnNumeral, diffChars, editDistance, substanceOf, toHalfWidth } from './text.js';

describe('toHalfWidth', () => {
  it.each([
    ['（一）', '(一)'],
    ['各市（区）政府，市有关单位：', '各市(区)政府,市有关单位:'],
    ['２０２０年；', '2020年;'],
    ['ＰＭ２．５', 'PM2.5'],
    ['６５％以上', '65%以上'],
    ['！～', '!~'],
    ['\u3000\u3000正文', '  正文'],
    // CJK punctuation is not a full-width ASCII form and stays as written
    ['、。“”《》〔〕—', '、。“”《》〔〕—'],
    ['𠮷𠮷', '𠮷𠮷'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['市', '', 1],
    ['', '市公安局', 4],
    ['市公安局', '市公安局', 0],
    ['东城镇', '东成镇', 1],
    ['市政服务服数据管理局', '市政务服务数据管理局', 2],
    ['kitten', 'sitting', 3],
    // code points, not UTF-16 units: an astral character counts once
    ['𠮷野家', '吉野家', 1],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('diffChars', () => {
  it('reports nothing for equal texts', () => {
    expect(diffChars('加强与大湾区城市群的产业对接', '加强与大湾区城市群的产业对接')).toEqual([]);
  });

  it.each([
    ['加强与大湾区城市群', '加强与粤港澳大湾区城市群', [{ removed: '', added: '粤港澳' }]],
    ['优化公交枢纽布局', '优化客运枢纽布局', [{ removed: '公交', added: '客运' }]],
    ['实现各市区内外部的便捷联系', '实现各区内部的便捷联系', [{ removed: '市', added: '' }, { removed: '外', added: '' }]],
    ['', '新增', [{ removed: '', added: '新增' }]],
    ['删除', '', [{ removed: '删除', added: '' }]],
  ])('%s → %s', (a, b, parts) => {
    expect(diffChars(a, b)).toEqual(parts);
  });

  it('applying the parts to the first text gives the second', () => {
    const a = '借鉴“总部+基地”等模式,探索建立广江、深江区域合作平台';
    const b = '借鉴清远的“广州总部+清远基地”等模式,探索建立广江、深江区域合作平台';
    const parts = diffChars(a, b);
    expect(parts.map((p) => p.added).join('')).toBe('清远的广州清远');
    expect(parts.every((p) => p.removed === '')).toBe(true);
  });
});

describe('substanceOf', () => {
  it('drops punctuation, spaces and 的/地 only', () => {
    expect(substanceOf('协同配合的效应, “零距离换乘”。')).toBe('协同配合效应零距离换乘');
    expect(substanceOf('各市(区)内外部')).toBe('各市区内外部');
  });
});

describe('cnNumeral', () => {
  it.each([
    ['一', 1],
    ['五', 5],
    ['十', 10],
    ['零', 0],
    ['1', 0],
  ])('%s → %i', (s, n) => {
    expect(cnNumeral(s)).toBe(n);
  });
});
