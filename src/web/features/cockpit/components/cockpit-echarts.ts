/**
 * The app's ECharts build (map, bar, tooltip, legend, visual maps, SVG renderer) plus the line
 * chart of the cockpit's trend. Imported only by the cockpit's lazily loaded pages.
 */
import { LineChart } from 'echarts/charts';
import { echarts } from '../../../lib/echarts/echarts-setup.js';

echarts.use([LineChart]);

export { echarts };
