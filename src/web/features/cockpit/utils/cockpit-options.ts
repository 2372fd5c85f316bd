/**
 * ECharts options of the cockpit (pure: data in, option out; tested without a DOM). Every bar
 * segment and map region carries the DrillSpec of the list it was counted from in its data
 * item (`drill`), so a click opens exactly that list.
 *   - group bars: tasks of each category / zone / county / unit stacked by light, the axis label
 *     marked with the group's own light (green 1, yellow ½, red 0 averaged);
 *   - trend: expected reports per month stacked on time / late / missing, with the on-time rate;
 *   - county map: each county coloured by its light (or, toggled, by zone make-up — the zones
 *     page's option, restyled for the theme).
 */
import type { BarSeriesOption, LineSeriesOption, MapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { escapeHtml } from '../../zones/utils/zone-map-option.js';
import type { CockpitData, GroupKind, GroupStatus, Light, ReportItemStatus, TrendPoint } from '../api/types.js';
import type { ChartTheme } from './chart-theme.js';
import type { DrillSpec } from './drill.js';
import { countByLight, LIGHT_COLORS, LIGHT_ORDER, LIGHT_RANK, REPORT_STATUS_COLORS, REPORT_STATUS_ORDER } from './lights.js';

export type GroupBarOption = ComposeOption<BarSeriesOption | TooltipComponentOption | LegendComponentOption | GridComponentOption>;
export type TrendOption = ComposeOption<BarSeriesOption | LineSeriesOption | TooltipComponentOption | LegendComponentOption | GridComponentOption>;
export type LightMapOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

/** A bar/map datum with the list behind it. */
export interface DrillDatum {
  value: number;
  drill: DrillSpec;
}

export interface LightLabels {
  light: Record<Light, string>;
  /** "得分" */
  score: string;
  /** "{n} 项任务" */
  taskCount: (n: number) => string;
}

function tooltipBase(theme: ChartTheme): TooltipComponentOption {
  return {
    confine: true,
    backgroundColor: theme.tooltipBg,
    borderColor: theme.axisLine,
    textStyle: { color: theme.tooltipText, fontSize: theme.fontSize },
    extraCssText: 'max-width:360px;white-space:normal;',
  };
}

const dot = (color: string) => `<span style="display:inline-block;width:9px;height:9px;border-radius:50%;background:${color};margin-right:6px"></span>`;

/** Tooltip lines of a group: its light and score, the rule, its tasks per light. */
export function groupTooltipHtml(group: GroupStatus, label: string, counts: Record<Light, number[]>, labels: LightLabels): string {
  const lines = [`<b>${escapeHtml(label)}</b>`];
  lines.push(`${dot(LIGHT_COLORS[group.light])}${escapeHtml(labels.light[group.light])}${group.score === null ? '' : ` · ${escapeHtml(labels.score)} ${group.score.toFixed(2)}`}`);
  lines.push(`<span style="opacity:.8">${escapeHtml(group.why.rule)}</span>`);
  lines.push(
    LIGHT_ORDER.filter((light) => counts[light].length)
      .map((light) => `${dot(LIGHT_COLORS[light])}${escapeHtml(labels.light[light])} ${counts[light].length}`)
      .join('　'),
  );
  lines.push(escapeHtml(labels.taskCount(group.taskNos.length)));
  return lines.join('<br/>');
}

export interface GroupBarInput {
  kind: GroupKind;
  data: CockpitData;
  /** Display name of a group key (category 1 → 一、强化都市核心区…, zone core → 都市核心区). */
  labelOf: (key: string) => string;
  labels: LightLabels;
  theme: ChartTheme;
  /** 'worst' puts the worst groups first (long lists such as units); default keeps the API order. */
  order?: 'given' | 'worst';
  /** Truncate axis labels to this many characters (the tooltip has the full name). */
  maxLabel?: number;
}

/** Groups in display order. */
export function orderedGroups(groups: readonly GroupStatus[], order: 'given' | 'worst'): GroupStatus[] {
  if (order === 'given') return [...groups];
  return [...groups].sort((a, b) => LIGHT_RANK[a.light] - LIGHT_RANK[b.light] || (a.score ?? 2) - (b.score ?? 2) || b.taskNos.length - a.taskNos.length);
}

/** Horizontal bars: each group's tasks stacked by light; click a segment for its tasks. */
export function buildGroupBarOption(input: GroupBarInput): GroupBarOption {
  const { kind, data, labelOf, labels, theme } = input;
  const groups = orderedGroups(data.groups[kind], input.order ?? 'given');
  const lights = new Map(data.tasks.map((task) => [task.no, task.light]));
  const counts = new Map(groups.map((group) => [group.key, countByLight(group.taskNos, lights)]));
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const max = input.maxLabel ?? 14;
  const short = (text: string) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { name?: string } | undefined;
        const group = first?.name ? byKey.get(first.name) : undefined;
        return group ? groupTooltipHtml(group, labelOf(group.key), counts.get(group.key)!, labels) : '';
      },
    },
    legend: {
      top: 0,
      right: 0,
      itemWidth: 12,
      itemHeight: 12,
      textStyle: { color: theme.subtleText, fontSize: theme.fontSize },
      data: LIGHT_ORDER.map((light) => labels.light[light]),
    },
    grid: { left: 4, right: 24, top: 30, bottom: 4 },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: theme.subtleText, fontSize: theme.fontSize },
      splitLine: { lineStyle: { color: theme.splitLine } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      triggerEvent: true,
      data: groups.map((group) => group.key),
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
      axisLabel: {
        color: theme.text,
        fontSize: theme.fontSize,
        // A drawn dot (not a ● glyph, whose width fonts disagree on) in the group's light.
        formatter: (key: string) => `{${byKey.get(key)?.light ?? 'none'}|} ${short(labelOf(key))}`,
        rich: Object.fromEntries(
          LIGHT_ORDER.map((light) => {
            const size = theme.dark ? 12 : 10;
            return [light, { width: size, height: size, borderRadius: size / 2, backgroundColor: LIGHT_COLORS[light] }];
          }),
        ),
      },
    },
    series: LIGHT_ORDER.map((light) => ({
      type: 'bar' as const,
      name: labels.light[light],
      stack: 'tasks',
      barMaxWidth: theme.dark ? 30 : 22,
      cursor: 'pointer',
      itemStyle: { color: LIGHT_COLORS[light], borderColor: theme.border, borderWidth: 1 },
      label: {
        show: true,
        color: '#fff',
        fontSize: theme.fontSize,
        formatter: (p: unknown) => {
          const value = (p as { value?: number }).value;
          return value ? String(value) : '';
        },
      },
      data: groups.map((group): DrillDatum => ({ value: counts.get(group.key)![light].length, drill: { kind: 'group', group: kind, key: group.key, light } })),
    })),
  };
}

export interface TrendLabels {
  status: Record<ReportItemStatus, string>;
  /** "按时报送率" */
  rate: string;
  /** Axis label of a period (e.g. 2022-03 → 3月). */
  period: (point: TrendPoint) => string;
}

/** On-time rate of a month, 0–100 with one decimal; null when nothing was due. */
export function onTimeRate(point: Pick<TrendPoint, 'onTime' | 'late' | 'missing'>): number | null {
  const total = point.onTime + point.late + point.missing;
  return total ? Math.round((point.onTime / total) * 1000) / 10 : null;
}

/** Monthly reports stacked by on time / late / missing, with the on-time rate as a line. */
export function buildTrendOption(input: { trend: readonly TrendPoint[]; labels: TrendLabels; theme: ChartTheme }): TrendOption {
  const { trend, labels, theme } = input;
  const axisLabel = { color: theme.subtleText, fontSize: theme.fontSize };
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { ...tooltipBase(theme), trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: theme.subtleText, fontSize: theme.fontSize }, data: [...REPORT_STATUS_ORDER.map((s) => labels.status[s]), labels.rate] },
    grid: { left: 4, right: 4, top: 34, bottom: 4 },
    xAxis: {
      type: 'category',
      data: trend.map((point) => point.period),
      axisLabel: { ...axisLabel, formatter: (code: string) => labels.period(trend.find((p) => p.period === code) ?? { period: code, label: code, onTime: 0, late: 0, missing: 0 }) },
      axisLine: { lineStyle: { color: theme.axisLine } },
    },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel, splitLine: { lineStyle: { color: theme.splitLine } } },
      { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      ...REPORT_STATUS_ORDER.map((status) => ({
        type: 'bar' as const,
        name: labels.status[status],
        stack: 'reports',
        barMaxWidth: theme.dark ? 36 : 28,
        cursor: 'pointer',
        itemStyle: { color: REPORT_STATUS_COLORS[status] },
        data: trend.map((point): DrillDatum => ({ value: point[status], drill: { kind: 'reports', status, period: point.period } })),
      })),
      {
        type: 'line' as const,
        name: labels.rate,
        yAxisIndex: 1,
        smooth: false,
        symbolSize: theme.dark ? 9 : 7,
        lineStyle: { color: theme.accent, width: theme.dark ? 3 : 2 },
        itemStyle: { color: theme.accent },
        tooltip: { valueFormatter: (value: unknown) => (value === null || value === undefined ? '—' : `${String(value)}%`) },
        data: trend.map((point) => onTimeRate(point)),
      },
    ],
  };
}

export interface LightMapDatum extends DrillDatum {
  name: string;
  light: Light;
  score: number | null;
}

/** One datum per county group: value = the light's rank (visual map), drill = its tasks. */
export function countyLightData(counties: readonly GroupStatus[]): LightMapDatum[] {
  return counties.map((group) => ({ name: group.key, value: LIGHT_RANK[group.light], light: group.light, score: group.score, drill: { kind: 'group', group: 'county', key: group.key } }));
}

/** The county map coloured by each county's light. */
export function buildCountyLightMapOption(input: { mapName: string; data: CockpitData; labels: LightLabels; theme: ChartTheme }): LightMapOption {
  const { mapName, data, labels, theme } = input;
  const counties = data.groups.county;
  const lights = new Map(data.tasks.map((task) => [task.no, task.light]));
  const byName = new Map(counties.map((group) => [group.key, group]));
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'item',
      formatter: (params: unknown) => {
        const name = (params as { name?: string }).name ?? '';
        const group = byName.get(name);
        return group ? groupTooltipHtml(group, name, countByLight(group.taskNos, lights), labels) : escapeHtml(name);
      },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 0,
      left: 8,
      bottom: 8,
      orient: 'vertical',
      inverse: true,
      itemGap: 8,
      selectedMode: false,
      pieces: LIGHT_ORDER.map((light) => ({ value: LIGHT_RANK[light], label: labels.light[light], color: LIGHT_COLORS[light] })),
      textStyle: { color: theme.text, fontSize: theme.fontSize + 1 },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: false,
        layoutCenter: ['55%', '50%'],
        layoutSize: '95%',
        selectedMode: false,
        cursor: 'pointer',
        itemStyle: { borderColor: theme.border, borderWidth: 1.2, areaColor: theme.dark ? '#26354d' : '#e5e7eb' },
        label: {
          show: true,
          fontSize: theme.fontSize + 1,
          fontWeight: 600,
          color: theme.dark ? '#ffffff' : '#1f1f1f',
          textBorderColor: theme.labelHalo,
          textBorderWidth: 3,
          formatter: (params: unknown) => (params as { name?: string }).name ?? '',
        },
        emphasis: { label: { show: true }, itemStyle: { areaColor: undefined, shadowBlur: 10, shadowColor: 'rgba(0,0,0,0.4)' } },
        data: countyLightData(counties),
      },
    ],
  };
}

/** Restyle the zones page's make-up map for the cockpit theme (labels, legend, outlines). */
export function themeZoneMapOption<T extends { series?: unknown; visualMap?: unknown }>(option: T, theme: ChartTheme): T {
  if (!theme.dark) return option;
  const series = (option.series as Record<string, unknown>[] | undefined)?.map((s) => ({
    ...s,
    itemStyle: { ...(s.itemStyle as object), borderColor: theme.border },
    label: { ...(s.label as object), color: '#ffffff', textBorderColor: theme.labelHalo, fontSize: theme.fontSize },
  }));
  const visualMap = (option.visualMap as Record<string, unknown>[] | undefined)?.map((v) => ({ ...v, textStyle: { ...(v.textStyle as object), color: theme.text, fontSize: theme.fontSize } }));
  return { ...option, series, visualMap };
}
