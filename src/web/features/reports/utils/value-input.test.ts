import { describe, expect, it } from 'vitest';
import { normaliseNumberText, parseValueInput, valueKindOf, valueToInput } from './value-input.js';

describe('valueKindOf', () => {
  it.each([
    ['个', '个', 'count'],
    ['家', '家', 'count'],
    ['场', '场', 'count'],
    ['%', '%', 'percent'],
    ['亩', '亩', 'decimal'],
    ['亿元', '元', 'decimal'],
    ['万亩', '亩', 'decimal'],
    ['万人', '人', 'decimal'], // 1.5万人 is a fine value
    ['公里', '公里', 'decimal'],
  ] as const)('%s (base %s) → %s', (unit, base, kind) => {
    expect(valueKindOf(unit, base)).toBe(kind);
  });

  it('treats a unit without a known base as its own base', () => {
    expect(valueKindOf('个')).toBe('count');
  });
});

describe('parseValueInput', () => {
  it.each([
    ['', 'count', { ok: true, value: null }],
    ['  ', 'decimal', { ok: true, value: null }],
    ['38', 'count', { ok: true, value: 38 }],
    ['0', 'count', { ok: true, value: 0 }],
    ['2.5', 'count', { ok: false, problem: 'notWhole', value: 2.5 }],
    ['-1', 'count', { ok: false, problem: 'negative', value: -1 }],
    ['100', 'percent', { ok: true, value: 100 }],
    ['5.5', 'percent', { ok: true, value: 5.5 }],
    ['120', 'percent', { ok: false, problem: 'overHundred', value: 120 }],
    ['85%', 'percent', { ok: true, value: 85 }],
    ['3000.75', 'decimal', { ok: true, value: 3000.75 }],
    ['.5', 'decimal', { ok: true, value: 0.5 }],
    ['30.', 'decimal', { ok: true, value: 30 }],
    ['-5', 'decimal', { ok: false, problem: 'negative', value: -5 }],
    ['三个', 'count', { ok: false, problem: 'notNumber', value: null }],
    ['1e3', 'decimal', { ok: false, problem: 'notNumber', value: null }],
    ['12abc', 'decimal', { ok: false, problem: 'notNumber', value: null }],
    ['1.2.3', 'decimal', { ok: false, problem: 'notNumber', value: null }],
  ] as const)('%j as %s', (raw, kind, expected) => {
    expect(parseValueInput(raw, kind)).toEqual(expected);
  });

  it('reads full-width digits, Chinese full stops and thousands separators', () => {
    expect(normaliseNumberText('３，０００．５')).toBe('3000.5');
    expect(parseValueInput('３８', 'count')).toEqual({ ok: true, value: 38 });
    expect(parseValueInput('1,200', 'decimal')).toEqual({ ok: true, value: 1200 });
    expect(parseValueInput('６５％', 'percent')).toEqual({ ok: true, value: 65 });
  });

  it('shows stored values back in the input', () => {
    expect(valueToInput(null)).toBe('');
    expect(valueToInput(38)).toBe('38');
    expect(valueToInput(30.56)).toBe('30.56');
  });
});
