import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, settle, type Rendered, withElementSize } from '../../../test/render.js';
import { JIANGMEN_MAP } from '../../zones/components/zone-map.js';
import { demoCockpit, smallCockpit } from '../test/fixtures.js';
import { LIGHT_THEME } from '../utils/chart-theme.js';
import { buildCountyLightMapOption, buildGroupBarOption } from '../utils/cockpit-options.js';
import type { DrillSpec } from '../utils/drill.js';
import { CockpitChart } from './cockpit-chart.js';
import { KpiTiles } from './kpi-tiles.js';
import { LightWhy } from './light-why.js';

const labels = { light: { green: '绿灯', yellow: '黄灯', red: '红灯', none: '未亮灯' }, score: '得分', taskCount: (n: number) => `共 ${n} 项任务` };
const COUNTIES = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'];

withElementSize(800, 420);

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

describe('<CockpitChart>', () => {
  it('draws the county light map as SVG with the seven county names and the light legend', async () => {
    const option = buildCountyLightMapOption({ mapName: JIANGMEN_MAP, data: demoCockpit, labels, theme: LIGHT_THEME });
    view = await render(<CockpitChart option={option} height={420} ariaLabel="map" testId="cockpit-map" />);
    await settle(50);
    const texts = [...view.container.querySelectorAll('[data-testid="cockpit-map"] svg text')].map((t) => t.textContent);
    for (const county of COUNTIES) expect(texts).toContain(county);
    for (const light of ['红灯', '黄灯', '绿灯', '未亮灯']) expect(texts).toContain(light);
  });

  it('draws group bars with the group names on the axis', async () => {
    const option = buildGroupBarOption({ kind: 'county', data: demoCockpit, labelOf: (k) => k, labels, theme: LIGHT_THEME });
    view = await render(<CockpitChart option={option} height={300} ariaLabel="bars" testId="bars" />);
    await settle(50);
    const texts = [...view.container.querySelectorAll('[data-testid="bars"] svg text')].map((t) => t.textContent ?? '');
    for (const county of COUNTIES) expect(texts.some((t) => t.includes(county))).toBe(true);
  });
});

describe('<KpiTiles>', () => {
  it('shows each figure and opens its list on click', async () => {
    const onDrill = vi.fn<(spec: DrillSpec) => void>();
    view = await render(<KpiTiles data={smallCockpit()} onDrill={onDrill} wall={false} />);
    const figure = (key: string) => view!.container.querySelector<HTMLButtonElement>(`[data-testid="tile-${key}"]`)!;
    expect(figure('tasks').dataset.value).toBe('6');
    expect(figure('tasks.red').dataset.value).toBe('2');
    expect(figure('milestones.done').textContent).toBe('1');
    expect(figure('reports.rate').textContent).toBe('50.0%');
    expect(figure('reports.rate').dataset.value).toBe('3');
    expect(figure('notices.yellow').dataset.value).toBe('2');
    expect(figure('problems').dataset.value).toBe('2');
    await act(async () => figure('tasks.red').click());
    expect(onDrill).toHaveBeenCalledWith({ kind: 'tasks', light: 'red' });
    await act(async () => figure('reports.missing').click());
    expect(onDrill).toHaveBeenLastCalledWith({ kind: 'reports', status: 'missing' });
  });
});

describe('<LightWhy>', () => {
  it('shows the light and, on 为什么？, the rule and its inputs', async () => {
    view = await render(<LightWhy light="yellow" why={{ rule: '实际仅达到应完成量的88%（85%–95%为黄灯）', inputs: { accepted: 2200, target: 3000, ratio: 0.88, curve: 'linear' } }} />);
    expect(view.container.querySelector('[data-testid="light-tag"]')!.textContent).toBe('黄灯');
    await act(async () => view!.container.querySelector<HTMLButtonElement>('[data-testid="why-button"]')!.click());
    await settle(50);
    const popover = document.querySelector('[data-testid="why-content"]')!;
    expect(popover.querySelector('[data-testid="why-rule"]')!.textContent).toBe('实际仅达到应完成量的88%（85%–95%为黄灯）');
    const cells = [...popover.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['已采纳值', '2200', '目标值', '3000', '完成比例', '88%', '进度曲线', '按月均匀推进']);
  });

  it('speaks English when asked', async () => {
    view = await render(<LightWhy light="red" why={null} />, { lang: 'en' });
    expect(view.container.textContent).toBe('Red');
  });
});
