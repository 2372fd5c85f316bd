import { describe, expect, it } from 'vitest';
import type { ZonesResponse } from '../../../../shared/api/plan-api.js';
import fixture from '../../../test/zones.fixture.json' with { type: 'json' };
import { ZONE_COLORS } from './zone-colors.js';
import {
  buildCountyZoneBarOption,
  buildZoneMapOption,
  countyLabel,
  countyMapData,
  escapeHtml,
  primaryZone,
  SHARE_ALPHA,
  townsByCounty,
  type ZoneLabels,
} from './zone-map-option.js';

// The Jiangmen zones exactly as GET /plans/:id/zones returns them.
const zones = fixture as ZonesResponse;
const labels: ZoneLabels = {
  zoneNames: { core: '都市核心区', bay: '大广海湾区', eco: '生态发展区' },
  shortZoneNames: { core: '核心', bay: '湾区', eco: '生态' },
  townCount: (n) => `${n} 个镇(街)`,
  primaryZone: '主要功能区',
};

describe('primaryZone', () => {
  it('is the zone with most towns, ties to the earlier zone, null when empty', () => {
    expect(primaryZone({ core: 7, bay: 10, eco: 0 })).toBe('bay');
    expect(primaryZone({ core: 6, bay: 0, eco: 9 })).toBe('eco');
    expect(primaryZone({ core: 3, bay: 3, eco: 0 })).toBe('core');
    expect(primaryZone({ core: 0, bay: 2, eco: 2 })).toBe('bay');
    expect(primaryZone({ core: 0, bay: 0, eco: 0 })).toBeNull();
  });
});

describe('countyMapData', () => {
  it('gives each of the seven counties its primary zone and share', () => {
    const data = countyMapData(zones);
    expect(data.map((d) => `${d.name}:${d.primary}:${d.value[1]}`)).toEqual([
      '蓬江区:core:1',
      '江海区:core:1',
      '新会区:core:0.545',
      '台山市:bay:0.588',
      '开平市:eco:0.6',
      '鹤山市:core:0.8',
      '恩平市:eco:0.909',
    ]);
    const taishan = data.find((d) => d.name === '台山市')!;
    expect(taishan.zoneTowns).toEqual({ core: 7, bay: 10, eco: 0 });
    expect(taishan.value[0]).toBe(1);
    expect(taishan.code).toBe('440781');
  });

  it('leaves out a county without towns', () => {
    const empty: ZonesResponse = { zones: [], counties: [{ name: '某县', code: null, towns: 0, zoneTowns: { core: 0, bay: 0, eco: 0 } }] };
    expect(countyMapData(empty)).toEqual([]);
  });
});

describe('townsByCounty', () => {
  it('lists the towns of each county per zone (73 in all)', () => {
    const towns = townsByCounty(zones);
    expect(towns.get('台山市')!.core).toHaveLength(7);
    expect(towns.get('台山市')!.bay).toHaveLength(10);
    expect(towns.get('恩平市')!.eco).toContain('东城镇');
    const total = [...towns.values()].reduce((n, z) => n + z.core.length + z.bay.length + z.eco.length, 0);
    expect(total).toBe(73);
  });
});

describe('buildZoneMapOption', () => {
  const option = buildZoneMapOption({ mapName: 'jm', zones, labels });
  const series = (option.series as { type: string; map: string; data: { name: string }[]; label: { formatter: (p: unknown) => string } }[])[0]!;

  it('draws the registered map with one datum per county', () => {
    expect(series.type).toBe('map');
    expect(series.map).toBe('jm');
    expect(series.data.map((d) => d.name)).toEqual(['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市']);
    expect(series.label.formatter({ name: '台山市' })).toBe('台山市');
  });

  it('has a zone legend in zone colours and a hidden share fade', () => {
    const [legend, fade] = option.visualMap as [
      { type: string; pieces: { value: number; label: string; color: string }[] },
      { type: string; show: boolean; dimension: number; inRange: { colorAlpha: number[] } },
    ];
    expect(legend.type).toBe('piecewise');
    expect(legend.pieces).toEqual([
      { value: 0, label: '都市核心区', color: ZONE_COLORS.core },
      { value: 1, label: '大广海湾区', color: ZONE_COLORS.bay },
      { value: 2, label: '生态发展区', color: ZONE_COLORS.eco },
    ]);
    expect(fade).toMatchObject({ type: 'continuous', show: false, dimension: 1, inRange: { colorAlpha: SHARE_ALPHA } });
  });

  it('explains a county in its tooltip, towns listed by zone', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter({ name: '台山市' });
    expect(html).toContain('<b>台山市</b>');
    expect(html).toContain('主要功能区：大广海湾区（59%）');
    expect(html).toContain('都市核心区</b>（7 个镇(街)）');
    expect(html).toContain('大广海湾区</b>（10 个镇(街)）');
    expect(html).toContain('台城街道');
    expect(html).toContain('广海镇');
    expect(html).not.toContain('生态发展区</b>');
    expect(formatter({ name: '<script>' })).toBe('&lt;script&gt;');
  });
});

describe('countyLabel and escapeHtml', () => {
  it('adds per-zone counts for mixed counties', () => {
    expect(countyLabel({ name: '台山市', zoneTowns: { core: 7, bay: 10, eco: 0 } }, labels)).toBe('台山市\n核心7 · 湾区10');
    expect(countyLabel({ name: '蓬江区', zoneTowns: { core: 6, bay: 0, eco: 0 } }, labels)).toBe('蓬江区');
  });

  it('escapes markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('buildCountyZoneBarOption', () => {
  it('stacks the towns of each county by zone', () => {
    const option = buildCountyZoneBarOption({ zones, labels });
    const series = option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['都市核心区', '大广海湾区', '生态发展区']);
    expect(new Set(series.map((s) => s.stack)).size).toBe(1);
    expect((option.yAxis as { data: string[] }).data).toEqual(['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市']);
    expect(series[0]!.data).toEqual([6, 3, 6, 7, 6, 8, 0]);
    expect(series[1]!.data).toEqual([0, 0, 5, 10, 0, 0, 1]);
    expect(series[2]!.data).toEqual([0, 0, 0, 0, 9, 2, 10]);
    const total = series.flatMap((s) => s.data).reduce((a, b) => a + b, 0);
    expect(total).toBe(73);
  });
});
