/** A chart of the assessment pages (bars, radar): the app's EChart with the radar registered; a click reports the datum's name. */
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../../../lib/echarts/echart.js';
import './assessment-echarts.js';

export function AssessmentChart({ option, height, ariaLabel, testId, onNameClick }: { option: EChartsCoreOption; height: number; ariaLabel: string; testId: string; onNameClick?: (name: string) => void }) {
  return <EChart option={option} height={height} ariaLabel={ariaLabel} testId={testId} onClick={(p) => p.name && onNameClick?.(p.name)} />;
}
