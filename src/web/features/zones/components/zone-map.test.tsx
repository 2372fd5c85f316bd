import { afterEach, describe, expect, it } from 'vitest';
import type { ZonesResponse } from '../../../../shared/api/plan-api.js';
import fixture from '../../../test/zones.fixture.json' with { type: 'json' };
import { render, settle, type Rendered, withElementSize } from '../../../test/render.js';
import type { ZoneLabels } from '../utils/zone-map-option.js';
import { CountyZoneBars, ZoneMap } from './zone-map.js';

const zones = fixture as ZonesResponse;
const labels: ZoneLabels = {
  zoneNames: { core: '都市核心区', bay: '大广海湾区', eco: '生态发展区' },
  shortZoneNames: { core: '核心', bay: '湾区', eco: '生态' },
  townCount: (n) => `${n} 个镇(街)`,
  primaryZone: '主要功能区',
};
const COUNTIES = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'];

withElementSize(800, 520);

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

// ECharts with the SVG renderer draws real DOM in happy-dom (canvas would crash).
describe('<ZoneMap>', () => {
  it('draws the seven counties of Jiangmen as SVG with their names and a zone legend', async () => {
    view = await render(<ZoneMap zones={zones} labels={labels} ariaLabel="map" />);
    await settle(50);
    const svg = view.container.querySelector('[data-testid="zone-map"] svg');
    expect(svg).not.toBeNull();
    const texts = [...svg!.querySelectorAll('text')].map((t) => t.textContent);
    for (const county of COUNTIES) expect(texts).toContain(county);
    for (const zone of Object.values(labels.zoneNames)) expect(texts).toContain(zone);
    expect(svg!.querySelectorAll('path').length).toBeGreaterThanOrEqual(7);
  });
});

describe('<CountyZoneBars>', () => {
  it('draws a bar chart with the counties on its axis', async () => {
    view = await render(<CountyZoneBars zones={zones} labels={labels} ariaLabel="bars" />);
    await settle(50);
    const texts = [...view.container.querySelectorAll('[data-testid="zone-bars"] svg text')].map((t) => t.textContent);
    for (const county of COUNTIES) expect(texts).toContain(county);
  });
});
