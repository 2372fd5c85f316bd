/**
 * The app's ECharts build plus the radar chart of the county explanation. Imported only by the
 * assessment pages' lazy chunks.
 */
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import { echarts } from '../../../lib/echarts/echarts-setup.js';

echarts.use([RadarChart, RadarComponent]);

export { echarts };
