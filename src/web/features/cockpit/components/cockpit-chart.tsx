/**
 * One ECharts instance (SVG renderer) that reports clicks: a datum carrying a DrillSpec opens
 * its list, an axis label or map region reports its name. Like lib/echarts' EChart, it is
 * resized with its container and replaces the option (notMerge) whenever it changes.
 */
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { DrillSpec } from '../utils/drill.js';
import { echarts } from './cockpit-echarts.js';

interface ClickParams {
  componentType?: string;
  name?: string;
  value?: unknown;
  data?: unknown;
}

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
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const handlers = useRef({ onDrill, onAxisClick, onNameClick });
  handlers.current = { onDrill, onAxisClick, onNameClick };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (raw) => {
      const params = raw as ClickParams;
      const { onDrill: drill, onAxisClick: axis, onNameClick: byName } = handlers.current;
      if (params.componentType === 'yAxis' || params.componentType === 'xAxis') {
        if (typeof params.value === 'string') axis?.(params.value);
        return;
      }
      const spec = (params.data as { drill?: DrillSpec } | undefined)?.drill;
      if (spec) drill?.(spec);
      else if (params.name) byName?.(params.name);
    });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
