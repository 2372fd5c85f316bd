/**
 * ECharts options for the zones page (pure: data in, option out; tested without a DOM).
 * The county map is coloured by each county's primary zone — the zone holding most of its
 * towns — because zones are defined at town level and a county can span two (台山市: 7 core,
 * 10 bay towns). A second, hidden visual map fades the colour with the primary zone's share,
 * so a county split 10:7 reads lighter than one wholly in its zone; the tooltip lists towns
 * per zone.
 */
import type { BarSeriesOption, MapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ZonesResponse } from '../../../../shared/api/plan-api.js';
import type { ZoneCode } from '../../../../shared/plan-model.js';
import { ZONE_COLORS, ZONE_ORDER } from './zone-colors.js';

export type ZoneMapOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

/** Opacity for a county wholly in one zone, and for an even split. */
export const SHARE_ALPHA: [number, number] = [0.5, 1];
export type CountyBarOption = ComposeOption<BarSeriesOption | TooltipComponentOption | LegendComponentOption | GridComponentOption>;

export type ZoneTowns = Record<ZoneCode, number>;

export interface ZoneLabels {
  /** Full zone names as the plan writes them (from the API). */
  zoneNames: Record<ZoneCode, string>;
  /** Short names for map labels: 核心 / 湾区 / 生态. */
  shortZoneNames: Record<ZoneCode, string>;
  /** "{n} 个镇(街)" */
  townCount: (n: number) => string;
  primaryZone: string;
}

export interface CountyMapDatum {
  name: string;
  /** [index of the primary zone in ZONE_ORDER, primary zone's share of the county's towns]. */
  value: [number, number];
  code: string | null;
  primary: ZoneCode;
  zoneTowns: ZoneTowns;
}

/** Escape text for ECharts' HTML tooltips (names come from imported documents). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** The zone with most towns; ties go to the earlier zone in document order; null when empty. */
export function primaryZone(zoneTowns: ZoneTowns): ZoneCode | null {
  let best: ZoneCode | null = null;
  for (const zone of ZONE_ORDER) {
    if (zoneTowns[zone] > 0 && (best === null || zoneTowns[zone] > zoneTowns[best])) best = zone;
  }
  return best;
}

/** Zones in which a county has towns, in document order. */
export function zonesOf(zoneTowns: ZoneTowns): ZoneCode[] {
  return ZONE_ORDER.filter((zone) => zoneTowns[zone] > 0);
}

/** county name → zone → town names, from the zones response. */
export function townsByCounty(zones: ZonesResponse): Map<string, Record<ZoneCode, string[]>> {
  const result = new Map<string, Record<ZoneCode, string[]>>();
  for (const zone of zones.zones) {
    for (const county of zone.counties) {
      let entry = result.get(county.name);
      if (!entry) {
        entry = { core: [], bay: [], eco: [] };
        result.set(county.name, entry);
      }
      entry[zone.code].push(...county.towns.map((town) => town.name));
    }
  }
  return result;
}

/** One datum per county for the map series. Counties without towns are left out (grey). */
export function countyMapData(zones: ZonesResponse): CountyMapDatum[] {
  return zones.counties.flatMap((county) => {
    const primary = primaryZone(county.zoneTowns);
    if (!primary) return [];
    const total = ZONE_ORDER.reduce((sum, zone) => sum + county.zoneTowns[zone], 0);
    const share = Math.round((county.zoneTowns[primary] / total) * 1000) / 1000;
    return [{ name: county.name, value: [ZONE_ORDER.indexOf(primary), share], code: county.code, primary, zoneTowns: county.zoneTowns }];
  });
}

/** Map label: the county name, plus per-zone town counts when the county spans zones. */
export function countyLabel(datum: Pick<CountyMapDatum, 'name' | 'zoneTowns'>, labels: Pick<ZoneLabels, 'shortZoneNames'>): string {
  const present = zonesOf(datum.zoneTowns);
  if (present.length < 2) return datum.name;
  return `${datum.name}\n${present.map((zone) => `${labels.shortZoneNames[zone]}${datum.zoneTowns[zone]}`).join(' · ')}`;
}

/** Tooltip HTML for a county: primary zone, then its towns listed per zone. */
export function countyTooltipHtml(
  datum: CountyMapDatum,
  towns: Record<ZoneCode, string[]> | undefined,
  labels: ZoneLabels,
): string {
  const lines = [`<b>${escapeHtml(datum.name)}</b>${datum.code ? ` <span style="opacity:.6">${escapeHtml(datum.code)}</span>` : ''}`];
  lines.push(`${escapeHtml(labels.primaryZone)}：${escapeHtml(labels.zoneNames[datum.primary])}（${Math.round(datum.value[1] * 100)}%）`);
  for (const zone of zonesOf(datum.zoneTowns)) {
    const names = towns?.[zone] ?? [];
    const dot = `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;background:${ZONE_COLORS[zone]};margin-right:6px"></span>`;
    lines.push(
      `${dot}<b>${escapeHtml(labels.zoneNames[zone])}</b>（${escapeHtml(labels.townCount(datum.zoneTowns[zone]))}）<br/>` +
        `<span style="display:inline-block;max-width:340px;white-space:normal">${names.map(escapeHtml).join('、')}</span>`,
    );
  }
  return lines.join('<br/>');
}

/** The county choropleth, for a map registered under `mapName`. */
export function buildZoneMapOption(input: { mapName: string; zones: ZonesResponse; labels: ZoneLabels }): ZoneMapOption {
  const { mapName, zones, labels } = input;
  const data = countyMapData(zones);
  const towns = townsByCounty(zones);
  const byName = new Map(data.map((datum) => [datum.name, datum]));
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const name = (params as { name?: string }).name ?? '';
        const datum = byName.get(name);
        return datum ? countyTooltipHtml(datum, towns.get(name), labels) : escapeHtml(name);
      },
    },
    visualMap: [
      {
        type: 'piecewise',
        dimension: 0,
        left: 8,
        bottom: 8,
        orient: 'vertical',
        inverse: true,
        itemGap: 8,
        selectedMode: false,
        pieces: ZONE_ORDER.map((zone, index) => ({ value: index, label: labels.zoneNames[zone], color: ZONE_COLORS[zone] })),
        textStyle: { fontSize: 13 },
      },
      {
        type: 'continuous',
        dimension: 1,
        show: false,
        min: 0.5,
        max: 1,
        inRange: { colorAlpha: SHARE_ALPHA },
      },
    ],
    series: [
      {
        type: 'map',
        map: mapName,
        roam: false,
        layoutCenter: ['55%', '50%'],
        layoutSize: '95%',
        selectedMode: false,
        itemStyle: { borderColor: '#fff', borderWidth: 1.2, areaColor: '#e5e7eb' },
        label: {
          show: true,
          fontSize: 12,
          color: '#1f1f1f',
          textBorderColor: 'rgba(255,255,255,0.9)',
          textBorderWidth: 3,
          lineHeight: 16,
          formatter: (params: unknown) => (params as { name?: string }).name ?? '',
        },
        emphasis: { label: { show: true }, itemStyle: { areaColor: undefined, shadowBlur: 8, shadowColor: 'rgba(0,0,0,0.35)' } },
        data,
      },
    ],
  };
}

/** Stacked bars: towns per county and zone. */
export function buildCountyZoneBarOption(input: { zones: ZonesResponse; labels: Pick<ZoneLabels, 'zoneNames'> }): CountyBarOption {
  const { zones, labels } = input;
  const counties = zones.counties;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: ZONE_ORDER.map((zone) => labels.zoneNames[zone]) },
    // ECharts 6 keeps axis labels inside the container by default (grid.outerBoundsMode 'auto').
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: counties.map((c) => c.name) },
    series: ZONE_ORDER.map((zone) => ({
      type: 'bar' as const,
      name: labels.zoneNames[zone],
      stack: 'towns',
      barMaxWidth: 22,
      itemStyle: { color: ZONE_COLORS[zone] },
      label: { show: true, formatter: (p: unknown) => ((p as { value?: number }).value ? String((p as { value: number }).value) : ''), color: '#fff' },
      data: counties.map((c) => c.zoneTowns[zone]),
    })),
  };
}
