/** One ECharts instance (SVG renderer) of the assessment pages, resized with its container; the option is replaced when it changes. */
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { echarts } from './assessment-echarts.js';

export function AssessmentChart({ option, height, ariaLabel, testId, onNameClick }: { option: EChartsCoreOption; height: number; ariaLabel: string; testId: string; onNameClick?: (name: string) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onNameClick);
  click.current = onNameClick;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const name = (params as { name?: string }).name;
      if (name) click.current?.(name);
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

  return <div ref={container} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />;
}
