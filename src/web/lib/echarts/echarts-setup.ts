/**
 * The ECharts build of this app: only the charts and components the pages use, SVG renderer
 * (crisp text for Chinese labels, testable DOM, no canvas under happy-dom). Imported only by
 * lazily loaded pages, so none of it is in the initial bundle.
 */
import { BarChart, MapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([MapChart, BarChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, VisualMapPiecewiseComponent, SVGRenderer]);

export { echarts };
