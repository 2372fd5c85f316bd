import { describe, expect, it } from 'vitest';
import { dictionaries, en, loadFeatureStrings, parseLanguage, translate, zh } from './dictionary.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionary', () => {
  it('has an English entry for every Chinese key and no extra ones, in the first chunk and with the feature strings', async () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    await loadFeatureStrings();
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.zh).sort());
    expect(Object.keys(dictionaries.zh).length).toBeGreaterThan(Object.keys(zh).length);
  });

  it('uses the same placeholders in both languages', async () => {
    await loadFeatureStrings();
    for (const key of Object.keys(dictionaries.zh)) {
      expect(placeholders(dictionaries.en[key]!), key).toEqual(placeholders(dictionaries.zh[key]!));
    }
  });

  it('has no empty strings', async () => {
    await loadFeatureStrings();
    for (const key of Object.keys(dictionaries.zh)) {
      expect(dictionaries.zh[key]!.trim(), key).not.toBe('');
      expect(dictionaries.en[key]!.trim(), key).not.toBe('');
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
