import { describe, expect, it } from 'vitest';
import { demoCockpit, smallCockpit } from '../test/fixtures.js';
import { buildDrill, buildTiles, drillCount, drillKey, percent } from './drill.js';
import { LIGHT_ORDER } from './lights.js';

describe('buildTiles', () => {
  for (const [name, data] of [
    ['the demo cockpit', demoCockpit],
    ['a small cockpit', smallCockpit()],
  ] as const) {
    it(`gives every figure of ${name} the list it was counted from (figure = length of list)`, () => {
      const tiles = buildTiles(data);
      expect(Object.keys(tiles).length).toBeGreaterThanOrEqual(17);
      for (const tile of Object.values(tiles)) {
        expect(drillCount(buildDrill(data, tile.drill)), tile.key).toBe(tile.value);
      }
    });
  }

  it('uses the server figures as they are (tasks per light add up to the total)', () => {
    const tiles = buildTiles(demoCockpit);
    expect(tiles.tasks!.value).toBe(36);
    expect(LIGHT_ORDER.reduce((n, light) => n + tiles[`tasks.${light}`]!.value, 0)).toBe(36);
    expect(tiles['tasks.red']!.value).toBe(33);
    expect(tiles['milestones.done']!.value).toBe(demoCockpit.tiles.milestones.attained);
    expect(tiles['reports.onTime']!.value + tiles['reports.late']!.value + tiles['reports.missing']!.value).toBe(tiles.reports!.value);
    expect(tiles.problems!.value).toBe(334);
  });
});

describe('buildDrill', () => {
  const data = smallCockpit();

  it('lists tasks of one light, or all worst first', () => {
    const red = buildDrill(data, { kind: 'tasks', light: 'red' });
    expect(red.type === 'tasks' && red.rows.map((t) => t.no)).toEqual([3, 5]);
    const all = buildDrill(data, { kind: 'tasks' });
    expect(all.type === 'tasks' && all.rows.map((t) => `${t.no}${t.light[0]}`)).toEqual(['3r', '5r', '2y', '1g', '6g', '4n']);
  });

  it('lists a group’s tasks, optionally of one light', () => {
    const bay = buildDrill(data, { kind: 'group', group: 'zone', key: 'bay' });
    expect(bay.type === 'tasks' && bay.rows.map((t) => t.no)).toEqual([3, 5, 4]);
    const bayRed = buildDrill(data, { kind: 'group', group: 'zone', key: 'bay', light: 'red' });
    expect(drillCount(bayRed)).toBe(2);
    expect(drillCount(buildDrill(data, { kind: 'group', group: 'county', key: '不存在' }))).toBe(0);
  });

  it('narrows milestones, targets and reports', () => {
    expect(drillCount(buildDrill(data, { kind: 'milestones', done: false }))).toBe(3);
    expect(drillCount(buildDrill(data, { kind: 'targets', attained: false }))).toBe(1);
    const late = buildDrill(data, { kind: 'reports', status: 'missing', unit: '台山市政府' });
    expect(late.type === 'reports' && late.rows.map((r) => r.period)).toEqual(['2022-01', '2022-02']);
    expect(drillCount(buildDrill(data, { kind: 'reports', period: '2022-02' }))).toBe(3);
  });

  it('lists notice ids by level (red first) and problem ids', () => {
    expect(buildDrill(data, { kind: 'notices' })).toEqual({ type: 'notices', ids: [10, 8, 9, 7] });
    expect(buildDrill(data, { kind: 'notices', level: 'yellow' })).toEqual({ type: 'notices', ids: [8, 9] });
    expect(buildDrill(data, { kind: 'problems' })).toEqual({ type: 'problems', ids: [3, 4] });
  });
});

describe('drillKey and percent', () => {
  it('keys specs stably and formats shares', () => {
    expect(drillKey({ kind: 'group', group: 'unit', key: '市教育局', light: 'red' })).toBe('kind=group&group=unit&key=市教育局&light=red');
    expect(percent(608, 816)).toBe('74.5%');
    expect(percent(1, 3)).toBe('33.3%');
    expect(percent(0, 0)).toBe('—');
  });
});
