import { describe, expect, it } from 'vitest';
import type { CountyScore } from '../../../../shared/api/assessment-api.js';
import { ZONE_COLORS } from '../../zones/utils/zone-colors.js';
import { buildRadarOption, buildRankingOption, rankedCounties } from './chart-options.js';

const county = (name: string, zone: CountyScore['primaryZone'], total: number | null, indicators: CountyScore['indicators'] = []): CountyScore => ({
  county: name,
  profile: [{ zone, towns: 1, of: 1, share: 1 }],
  primaryZone: zone,
  indicators,
  missing: [],
  total,
  rankOverall: null,
  rankInZone: null,
  zoneSize: 1,
});
const ind = (code: string, normalised: number | null) => ({ code, name: `指标${code}`, unit: '', direction: 'positive' as const, raw: 1, target: null, normalised, weight: 1, contribution: null, min: 0, max: 2, origin: null });
const zoneName = (z: string) => ({ core: '都市核心区', bay: '大广海湾区', eco: '生态发展区' })[z]!;

describe('ranking bars', () => {
  it('one series per primary zone in its colour, best county on top, unscored counties left out', () => {
    const counties = [county('蓬江区', 'core', 88.1), county('台山市', 'bay', 91.256), county('恩平市', 'eco', 75), county('鹤山市', 'core', null)];
    expect(rankedCounties(counties).map((c) => c.county)).toEqual(['台山市', '蓬江区', '恩平市']);
    const option = buildRankingOption(counties, zoneName, '综合得分') as { color: string[]; yAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
    expect(option.yAxis.data).toEqual(['恩平市', '蓬江区', '台山市']);
    expect(option.series.map((s) => s.name)).toEqual(['都市核心区', '大广海湾区', '生态发展区']);
    expect(option.color).toEqual([ZONE_COLORS.core, ZONE_COLORS.bay, ZONE_COLORS.eco]);
    expect(option.series[0]!.data).toEqual([null, 88.1, null]);
    expect(option.series[1]!.data).toEqual([null, null, 91.256]);
  });
});

describe('county radar', () => {
  it('the county against its zone average over its weighted indicators; missing values sit at the centre', () => {
    const c = county('台山市', 'bay', 80, [ind('A', 90), ind('B', null), ind('C', 70.123)]);
    const option = buildRadarOption(
      { method: 'efficacy', zoneAverages: [{ zone: 'bay', total: 80, indicators: [{ code: 'A', normalised: 85 }, { code: 'B', normalised: 60 }, { code: 'C', normalised: null }] }] },
      c,
      { county: '台山市', zoneAverage: '大广海湾区平均' },
    ) as { radar: { indicator: { name: string; min: number; max: number }[] }; series: { data: { name: string; value: number[] }[] }[] };
    expect(option.radar.indicator.map((i) => i.name)).toEqual(['指标A', '指标B', '指标C']);
    expect(option.radar.indicator[0]).toMatchObject({ min: 40, max: 100 });
    expect(option.series[0]!.data[0]).toMatchObject({ name: '台山市', value: [90, 40, 70.12] });
    expect(option.series[0]!.data[1]).toMatchObject({ name: '大广海湾区平均', value: [85, 60, 40] });
  });

  it('needs three indicators', () => {
    expect(buildRadarOption({ method: 'efficacy', zoneAverages: [] }, county('x', 'core', 1, [ind('A', 1), ind('B', 2)]), { county: 'x', zoneAverage: 'y' })).toBeNull();
  });
});
