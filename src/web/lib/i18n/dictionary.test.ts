import { describe, expect, it } from 'vitest';
import { en, parseLanguage, translate, zh, type DictKey } from './dictionary.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionary', () => {
  it('has an English entry for every Chinese key and no extra ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as DictKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('has no empty strings', () => {
    for (const key of Object.keys(zh) as DictKey[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('zh', 'common.sourceLine', { line: 192 })).toBe('原文第192行');
    expect(translate('en', 'common.sourceLine', { line: 192 })).toBe('Source line 192');
    expect(translate('zh', 'tasks.filter.summary', { n: 5, total: 36 })).toBe('筛选结果：5 / 36 项任务');
  });

  it('leaves unknown placeholders visible and works without params', () => {
    expect(translate('zh', 'common.sourceLine')).toBe('原文第{line}行');
    expect(translate('zh', 'nav.overview')).toBe('规划概览');
    expect(translate('en', 'common.download')).toBe('Download division of labour (Excel)');
  });
});

describe('parseLanguage', () => {
  it('accepts zh and en only', () => {
    expect(parseLanguage('zh')).toBe('zh');
    expect(parseLanguage('en')).toBe('en');
    expect(parseLanguage('fr')).toBeNull();
    expect(parseLanguage(null)).toBeNull();
  });
});
