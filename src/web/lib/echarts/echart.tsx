/**
 * The app's one React wrapper around an ECharts instance (SVG renderer): resized with its
 * container, the option replaced (notMerge) whenever the object changes, clicks reported. A page
 * that needs more chart types registers them first (e.g. features/cockpit/components/cockpit-echarts.ts).
 */
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, type CSSProperties } from 'react';
import { echarts } from './echarts-setup.js';

/** What ECharts passes to a click handler (the fields the app reads). */
export interface EChartClick {
  componentType?: string;
  name?: string;
  value?: unknown;
  data?: unknown;
}

export interface EChartProps {
  option: EChartsCoreOption;
  /** Height in pixels (default 360); `style` may override it. */
  height?: number;
  style?: CSSProperties;
  ariaLabel?: string;
  testId?: string;
  onClick?: (params: EChartClick) => void;
}

export function EChart({ option, height = 360, style, ariaLabel, testId, onClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => click.current?.(params as EChartClick));
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
