/** A React wrapper around one ECharts instance (SVG renderer), resized with its container. */
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, type CSSProperties } from 'react';
import { echarts } from './echarts-setup.js';

/** Renders `option`; replaces it (notMerge) whenever the object changes. */
export function EChart({ option, style, ariaLabel, testId }: { option: EChartsCoreOption; style?: CSSProperties; ariaLabel?: string; testId?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
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

  return <div ref={container} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height: 360, ...style }} />;
}
