/**
 * ECharts options of the assessment pages (pure, testable without a browser): the ranking bars
 * (one series per primary zone, so the bars take the zone's colour and the legend names it) and a
 * county's radar of normalised scores against its zone's average.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { AssessmentResults, CountyScore } from '../../../../shared/api/assessment-api.js';
import type { ZoneCode } from '../../../../shared/plan-model.js';
import { ZONE_COLORS } from '../../zones/utils/zone-colors.js';
import { ZONES } from './scheme-draft.js';

/** Counties with a total, best first (ties keep the table's order). */
export function rankedCounties(counties: readonly CountyScore[]): CountyScore[] {
  return counties.filter((c) => c.total !== null).sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
}

export function buildRankingOption(counties: readonly CountyScore[], zoneName: (zone: ZoneCode) => string, scoreLabel: string): EChartsCoreOption {
  // Horizontal bars, best on top: the category axis runs bottom-up, so list the worst first.
  const ranked = rankedCounties(counties).reverse();
  const names = ranked.map((c) => c.county);
  const zones = ZONES.filter((zone) => ranked.some((c) => c.primaryZone === zone));
  const low = Math.max(0, Math.floor(Math.min(...ranked.map((c) => c.total!), 100) / 10) * 10 - 10);
  return {
    animation: false,
    aria: { enabled: true },
    color: zones.map((zone) => ZONE_COLORS[zone]),
    legend: { data: zones.map(zoneName), top: 0 },
    // ECharts 6 keeps the axis labels inside the container by default (grid.outerBoundsMode 'auto').
    grid: { left: 8, right: 48, top: 32, bottom: 8 },
    tooltip: { trigger: 'item', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v ?? '')) },
    xAxis: { type: 'value', name: scoreLabel, min: low, max: ranked.some((c) => c.total! > 100) ? undefined : 100 },
    yAxis: { type: 'category', data: names },
    series: zones.map((zone) => ({
      name: zoneName(zone),
      type: 'bar',
      stack: 'total',
      barMaxWidth: 26,
      label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(2) : '') },
      data: ranked.map((c) => (c.primaryZone === zone ? Number(c.total!.toFixed(4)) : null)),
    })),
  };
}

/** The county's own line: a dark violet, apart from the three zone colours. */
const COUNTY_COLOR = '#5b3fb8';

export interface RadarLabels {
  county: string;
  zoneAverage: string;
}

/** The county's normalised scores and its primary zone's average over the indicators it is weighted on (radar needs 3+). */
export function buildRadarOption(results: Pick<AssessmentResults, 'zoneAverages' | 'method'>, county: CountyScore, labels: RadarLabels): EChartsCoreOption | null {
  const indicators = county.indicators;
  if (indicators.length < 3) return null;
  const average = results.zoneAverages.find((z) => z.zone === county.primaryZone);
  const avgOf = new Map((average?.indicators ?? []).map((i) => [i.code, i.normalised]));
  const max = results.method === 'efficacy' ? 100 : 120;
  const min = results.method === 'efficacy' ? 40 : 0;
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v.toFixed(2)));
  const zoneColor = ZONE_COLORS[county.primaryZone];
  return {
    animation: false,
    aria: { enabled: true },
    color: [COUNTY_COLOR, zoneColor],
    legend: { data: [labels.county, labels.zoneAverage], bottom: 0 },
    tooltip: { trigger: 'item' },
    radar: {
      indicator: indicators.map((i) => ({ name: i.name, min, max })),
      radius: '62%',
      center: ['50%', '48%'],
      axisName: { color: '#374151', fontSize: 11 },
    },
    series: [
      {
        type: 'radar',
        data: [
          { name: labels.county, value: indicators.map((i) => round(i.normalised) ?? min), areaStyle: { opacity: 0.15 } },
          { name: labels.zoneAverage, value: indicators.map((i) => round(avgOf.get(i.code)) ?? min), lineStyle: { type: 'dashed' } },
        ],
      },
    ],
  };
}
