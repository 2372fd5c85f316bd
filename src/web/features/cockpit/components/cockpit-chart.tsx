/**
 * One ECharts instance (SVG renderer) that reports clicks: a datum carrying a DrillSpec opens
 * its list, an axis label or map region reports its name (lib/echarts' EChart, with the line
 * chart registered).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { CSSProperties } from 'react';
import { EChart, type EChartClick } from '../../../lib/echarts/echart.js';
import type { DrillSpec } from '../utils/drill.js';
import './cockpit-echarts.js';

export interface CockpitChartProps {
  option: EChartsCoreOption;
  height: number;
  ariaLabel: string;
  testId: string;
  /** A datum with `drill` was clicked. */
  onDrill?: (spec: DrillSpec) => void;
  /** A category axis label was clicked (its value, the group key). */
  onAxisClick?: (value: string) => void;
  /** A datum without `drill` (e.g. a map region) was clicked. */
  onNameClick?: (name: string) => void;
  style?: CSSProperties;
}

export function CockpitChart({ option, height, ariaLabel, testId, onDrill, onAxisClick, onNameClick, style }: CockpitChartProps) {
  const click = (params: EChartClick): void => {
    if (params.componentType === 'yAxis' || params.componentType === 'xAxis') {
      if (typeof params.value === 'string') onAxisClick?.(params.value);
      return;
    }
    const spec = (params.data as { drill?: DrillSpec } | undefined)?.drill;
    if (spec) onDrill?.(spec);
    else if (params.name) onNameClick?.(params.name);
  };
  return <EChart option={option} height={height} style={style} ariaLabel={ariaLabel} testId={testId} onClick={click} />;
}
