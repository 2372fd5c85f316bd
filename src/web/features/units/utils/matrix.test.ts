import { describe, expect, it } from 'vitest';
import type { UnitView } from '../../../../shared/api/plan-api.js';
import { buildMatrixRows, compareByLoad, filterByKind, loadOf, taskNumbers } from './matrix.js';

const unit = (name: string, kind: UnitView['kind'], line: number, leads: number[], cooperates: number[]): UnitView => ({ name, kind, aliases: [], line, leads, cooperates });

const units = [
  unit('市教育局', 'municipalDepartment', 225, [35], [1, 28]),
  unit('市发展改革局', 'municipalDepartment', 220, [1, 8, 21], [2, 3, 5]),
  unit('台山市政府', 'countyGovernment', 230, [2, 5], [1, 3, 6, 7]),
  unit('市委组织部', 'partyBody', 635, [30], []),
  unit('江门海关', 'other', 240, [], [2]),
];

describe('buildMatrixRows', () => {
  it('orders rows by document line and counts loads', () => {
    const rows = buildMatrixRows(units);
    expect(rows.map((r) => r.name)).toEqual(['市发展改革局', '市教育局', '台山市政府', '江门海关', '市委组织部']);
    const tais = rows.find((r) => r.name === '台山市政府')!;
    expect([tais.leadCount, tais.cooperateCount, tais.total]).toEqual([2, 4, 6]);
    expect(tais.roles.get(2)).toBe('lead');
    expect(tais.roles.get(6)).toBe('cooperate');
    expect(tais.roles.has(4)).toBe(false);
  });

  it('counts a task listed under both roles once, as lead', () => {
    const [row] = buildMatrixRows([unit('x', 'other', 1, [3], [3, 4])]);
    expect(row!.roles.get(3)).toBe('lead');
    expect([row!.leadCount, row!.cooperateCount, row!.total]).toEqual([1, 1, 2]);
  });
});

describe('sorting and filtering', () => {
  const rows = buildMatrixRows(units);

  it('sorts by tasks led, supported or in total', () => {
    const by = (key: 'leads' | 'cooperates' | 'total') => [...rows].sort(compareByLoad(key)).reverse().map((r) => `${r.name}:${loadOf(r, key)}`);
    expect(by('leads')).toEqual(['市发展改革局:3', '台山市政府:2', '市教育局:1', '市委组织部:1', '江门海关:0']);
    expect(by('cooperates')[0]).toBe('台山市政府:4');
    expect(by('total').slice(0, 2)).toEqual(['台山市政府:6', '市发展改革局:6']);
  });

  it('filters by unit kind', () => {
    expect(filterByKind(rows, 'all')).toHaveLength(5);
    expect(filterByKind(rows, 'countyGovernment').map((r) => r.name)).toEqual(['台山市政府']);
    expect(filterByKind(rows, 'partyBody').map((r) => r.name)).toEqual(['市委组织部']);
  });

  it('lists task columns 1…n and never hides a task a unit names', () => {
    expect(taskNumbers(36, rows)).toHaveLength(36);
    expect(taskNumbers(0, rows)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    expect(taskNumbers(0, [])).toEqual([]);
  });
});
