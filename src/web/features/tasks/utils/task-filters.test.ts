import { describe, expect, it } from 'vitest';
import { countTaskFilters, parseTaskFilters, taskQueryToSearchParams, updateTaskFilters } from './task-filters.js';

describe('task filters ⇄ URL', () => {
  it('parses every valid filter', () => {
    const params = new URLSearchParams('category=2&zone=bay&county=台山市&unit=市发展改革局&role=lead&year=2021&q=智慧城市');
    expect(parseTaskFilters(params)).toEqual({ category: 2, zone: 'bay', county: '台山市', unit: '市发展改革局', role: 'lead', year: 2021, q: '智慧城市' });
  });

  it('drops values the API would reject', () => {
    const params = new URLSearchParams('category=0&zone=north&role=boss&year=20x1&q=%20%20&county=' + 'x'.repeat(21) + '&unit=');
    expect(parseTaskFilters(params)).toEqual({});
    expect(parseTaskFilters(new URLSearchParams('category=11&year=1900'))).toEqual({});
    expect(parseTaskFilters(new URLSearchParams('category=-1&year=2021.5'))).toEqual({});
  });

  it('trims text and keeps the first value of repeated keys', () => {
    expect(parseTaskFilters(new URLSearchParams('q=%20智慧%20&q=other'))).toEqual({ q: '智慧' });
  });

  it('serialises in a stable order (the react-query key)', () => {
    expect(taskQueryToSearchParams({ q: '水', year: 2020, category: 1 }).toString()).toBe('category=1&year=2020&q=%E6%B0%B4');
    expect(taskQueryToSearchParams({}).toString()).toBe('');
  });

  it('round-trips', () => {
    const query = { category: 3, zone: 'eco' as const, county: '恩平市', role: 'cooperate' as const, year: 2022, q: '旅游' };
    expect(parseTaskFilters(taskQueryToSearchParams(query))).toEqual(query);
  });

  it('updates, removes, and drops role without unit or county', () => {
    expect(updateTaskFilters({ county: '台山市', role: 'lead' }, { year: 2021 })).toEqual({ county: '台山市', role: 'lead', year: 2021 });
    expect(updateTaskFilters({ county: '台山市', role: 'lead', year: 2021 }, { county: undefined })).toEqual({ year: 2021 });
    expect(updateTaskFilters({ unit: '市水利局' }, { role: 'cooperate' })).toEqual({ unit: '市水利局', role: 'cooperate' });
    expect(updateTaskFilters({ q: '旧' }, { q: '' })).toEqual({});
  });

  it('counts active filters', () => {
    expect(countTaskFilters({})).toBe(0);
    expect(countTaskFilters({ zone: 'core', q: '水' })).toBe(2);
  });
});
