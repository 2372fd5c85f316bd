import { describe, expect, it } from 'vitest';
import type { CockpitData, GroupKind } from '../api/types.js';
import { demoCockpit, smallCockpit } from '../test/fixtures.js';
import { LIGHT_THEME, WALL_THEME } from './chart-theme.js';
import {
  buildCountyLightMapOption,
  buildGroupBarOption,
  buildTrendOption,
  countyLightData,
  groupTooltipHtml,
  onTimeRate,
  orderedGroups,
  themeZoneMapOption,
  type DrillDatum,
  type LightLabels,
  type TrendLabels,
} from './cockpit-options.js';
import { buildDrill, drillCount } from './drill.js';
import { LIGHT_COLORS, LIGHT_ORDER, LIGHT_RANK } from './lights.js';

const labels: LightLabels = { light: { green: '绿灯', yellow: '黄灯', red: '红灯', none: '未亮灯' }, score: '得分', taskCount: (n) => `共 ${n} 项任务` };
const trendLabels: TrendLabels = { status: { onTime: '按时', late: '逾期', missing: '未报' }, rate: '按时报送率', period: (p) => `${Number(p.period.slice(5))}月` };
const KINDS: GroupKind[] = ['category', 'zone', 'county', 'unit'];

type Bars = { name: string; stack: string; data: DrillDatum[]; itemStyle: { color: string } }[];

describe('buildGroupBarOption: each bar segment equals the length of its list', () => {
  for (const [name, data] of [
    ['demo', demoCockpit],
    ['small', smallCockpit()],
  ] as [string, CockpitData][]) {
    for (const kind of KINDS) {
      it(`${name} cockpit, by ${kind}`, () => {
        const option = buildGroupBarOption({ kind, data, labelOf: (k) => k, labels, theme: LIGHT_THEME, order: kind === 'unit' ? 'worst' : 'given' });
        const series = option.series as Bars;
        expect(series.map((s) => s.name)).toEqual(LIGHT_ORDER.map((l) => labels.light[l]));
        expect(series.map((s) => s.itemStyle.color)).toEqual(LIGHT_ORDER.map((l) => LIGHT_COLORS[l]));
        expect(new Set(series.map((s) => s.stack)).size).toBe(1);
        const keys = (option.yAxis as { data: string[] }).data;
        expect(keys.length).toBe(data.groups[kind].length);
        for (const s of series) {
          for (const datum of s.data) expect(drillCount(buildDrill(data, datum.drill)), `${kind} ${JSON.stringify(datum.drill)}`).toBe(datum.value);
        }
        // The stacked segments of a group add up to all its tasks.
        keys.forEach((key, i) => {
          const total = series.reduce((n, s) => n + s.data[i]!.value, 0);
          expect(total, key).toBe(data.groups[kind].find((g) => g.key === key)!.taskNos.length);
        });
      });
    }
  }

  it('marks each axis label with the group’s own light and truncates long names', () => {
    const data = smallCockpit();
    const option = buildGroupBarOption({ kind: 'category', data, labelOf: (k) => `第${k}类很长很长的名称`, labels, theme: LIGHT_THEME, maxLabel: 6 });
    const axis = option.yAxis as { axisLabel: { formatter: (k: string) => string; rich: Record<string, { backgroundColor: string }> } };
    expect(axis.axisLabel.formatter('2')).toBe('{red|} 第2类很长…');
    expect(axis.axisLabel.rich.yellow!.backgroundColor).toBe(LIGHT_COLORS.yellow);
  });

  it('explains a group in its tooltip: light, score, rule and counts (escaped)', () => {
    const data = smallCockpit();
    const option = buildGroupBarOption({ kind: 'zone', data, labelOf: (k) => (k === 'bay' ? '大广海湾区<b>' : k), labels, theme: LIGHT_THEME });
    const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ name: 'bay' }]);
    expect(html).toContain('大广海湾区&lt;b&gt;');
    expect(html).toContain('红灯 · 得分 0.00');
    expect(html).toContain('bay 的规则');
    expect(html).toContain('红灯 2');
    expect(html).toContain('未亮灯 1');
    expect(html).toContain('共 3 项任务');
    expect(groupTooltipHtml(data.groups.unit[2]!, '市教育局', { red: [], yellow: [], green: [], none: [4] }, labels)).not.toContain('得分');
  });

  it('orders groups worst first on request', () => {
    const keys = orderedGroups(smallCockpit().groups.county, 'worst').map((g) => g.key);
    expect(keys).toEqual(['台山市', '蓬江区', '恩平市']);
    expect(orderedGroups(smallCockpit().groups.county, 'given').map((g) => g.key)).toEqual(['蓬江区', '台山市', '恩平市']);
  });
});

describe('buildTrendOption', () => {
  for (const [name, data] of [
    ['demo', demoCockpit],
    ['small', smallCockpit()],
  ] as [string, CockpitData][]) {
    it(`${name}: each month’s bars equal the reports behind them, and add up to the reports tile`, () => {
      const option = buildTrendOption({ trend: data.trend, labels: trendLabels, theme: LIGHT_THEME });
      const series = option.series as (Bars[number] & { type: string; data: unknown[] })[];
      const bars = series.filter((s) => s.type === 'bar');
      expect(bars.map((s) => s.name)).toEqual(['按时', '逾期', '未报']);
      let sum = 0;
      for (const s of bars) {
        for (const datum of s.data as DrillDatum[]) {
          expect(drillCount(buildDrill(data, datum.drill))).toBe(datum.value);
          sum += datum.value;
        }
      }
      expect(sum).toBe(data.tiles.reports.expected);
      const line = series.find((s) => s.type === 'line')!;
      expect(line.data).toEqual(data.trend.map((p) => onTimeRate(p)));
    });
  }

  it('labels months and computes the on-time rate', () => {
    const option = buildTrendOption({ trend: smallCockpit().trend, labels: trendLabels, theme: WALL_THEME });
    const axis = option.xAxis as { data: string[]; axisLabel: { formatter: (c: string) => string; fontSize: number } };
    expect(axis.data).toEqual(['2022-01', '2022-02']);
    expect(axis.axisLabel.formatter('2022-02')).toBe('2月');
    expect(axis.axisLabel.fontSize).toBe(WALL_THEME.fontSize);
    expect(onTimeRate({ onTime: 2, late: 0, missing: 1 })).toBe(66.7);
    expect(onTimeRate({ onTime: 0, late: 0, missing: 0 })).toBeNull();
  });
});

describe('buildCountyLightMapOption', () => {
  const COUNTIES = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'];

  it('colours the seven counties by light; each region opens the county’s tasks', () => {
    const option = buildCountyLightMapOption({ mapName: 'jm', data: demoCockpit, labels, theme: LIGHT_THEME });
    const series = (option.series as { type: string; map: string; data: (DrillDatum & { name: string; light: string })[] }[])[0]!;
    expect(series.type).toBe('map');
    expect(series.map).toBe('jm');
    expect(series.data.map((d) => d.name)).toEqual(COUNTIES);
    for (const datum of series.data) {
      expect(datum.value).toBe(LIGHT_RANK[datum.light as 'red']);
      expect(drillCount(buildDrill(demoCockpit, datum.drill))).toBe(demoCockpit.groups.county.find((g) => g.key === datum.name)!.taskNos.length);
    }
    const visual = option.visualMap as { pieces: { value: number; color: string; label: string }[] };
    expect(visual.pieces).toEqual(LIGHT_ORDER.map((light) => ({ value: LIGHT_RANK[light], color: LIGHT_COLORS[light], label: labels.light[light] })));
    const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ name: '台山市' });
    expect(html).toContain('<b>台山市</b>');
    expect(html).toContain('共 28 项任务');
  });

  it('keeps a datum per county group even without lit tasks', () => {
    expect(countyLightData(smallCockpit().groups.county).map((d) => [d.name, d.light])).toEqual([
      ['蓬江区', 'yellow'],
      ['台山市', 'red'],
      ['恩平市', 'green'],
    ]);
  });

  it('restyles the zones map for 大屏 and leaves it alone otherwise', () => {
    const option = { series: [{ type: 'map', label: { color: '#1f1f1f' }, itemStyle: { borderColor: '#fff' } }], visualMap: [{ textStyle: { fontSize: 13 } }] };
    expect(themeZoneMapOption(option, LIGHT_THEME)).toBe(option);
    const dark = themeZoneMapOption(option, WALL_THEME) as unknown as typeof option;
    expect(dark.series[0]!.label.color).toBe('#ffffff');
    expect(dark.series[0]!.itemStyle.borderColor).toBe(WALL_THEME.border);
    expect(dark.visualMap[0]!.textStyle).toEqual({ fontSize: WALL_THEME.fontSize, color: WALL_THEME.text });
    expect(option.series[0]!.label.color).toBe('#1f1f1f');
  });
});
