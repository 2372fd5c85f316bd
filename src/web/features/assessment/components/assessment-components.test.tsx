import { afterEach, describe, expect, it } from 'vitest';
import type { CountyScore } from '../../../../shared/api/assessment-api.js';
import { render, settle, type Rendered, withElementSize } from '../../../test/render.js';
import { buildRadarOption, buildRankingOption } from '../utils/chart-options.js';
import { AssessmentChart } from './assessment-chart.js';
import { MethodPanel } from './method-panel.js';

withElementSize(800, 400);

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

const ind = (code: string, name: string, normalised: number | null) => ({ code, name, unit: '%', direction: 'positive' as const, raw: 1, target: null, normalised, weight: 1, contribution: null, min: 0, max: 2, origin: null });
const county = (name: string, zone: CountyScore['primaryZone'], total: number): CountyScore => ({
  county: name,
  profile: [{ zone, towns: 1, of: 1, share: 1 }],
  primaryZone: zone,
  indicators: [ind('A', '地区生产总值增速', 90), ind('B', '经济增量', 70), ind('C', '重大项目引进', 80)],
  missing: [],
  total,
  rankOverall: 1,
  rankInZone: 1,
  zoneSize: 1,
});

describe('计分方法说明', () => {
  it('states the rules of the domain with their numbers, in Chinese', async () => {
    view = await render(<MethodPanel defaultOpen />);
    const text = view.container.querySelector('[data-testid="method-text"]')!.textContent!;
    expect(text).toContain('正向  s = 60 + 40 × (x − min) / (max − min)');
    expect(text).toContain('逆向  s = 60 + 40 × (max − x) / (max − min)');
    expect(text).toContain('max = min  →  s = 100');
    expect(text).toContain('w_i = Σ_z share_z × w_{z,i}');
    expect(text).toContain('score = Σ_i w_i × s_i / Σ_i w_i');
    expect(text).toContain('台山市：核心区 7/17、湾区 10/17');
    expect(text).toContain('不按0分计');
    expect(text).toContain('1、2、2、4');
    expect(text).toContain('s = max(0, min(x / target, 1.2)) × 100');
    expect(text).toContain('s = max(0, min(target / x, 1.2)) × 100;  x ≤ 0  →  s = 120');
  });

  it('and in English', async () => {
    view = await render(<MethodPanel defaultOpen />, { lang: 'en' });
    const text = view.container.querySelector('[data-testid="method-text"]')!.textContent!;
    expect(text).toContain('Higher  s = 60 + 40 × (x − min) / (max − min)');
    expect(text).toContain('never scored as zero');
    expect(text).toContain('Taishan: core 7/17, bay 10/17');
  });
});

describe('<AssessmentChart>', () => {
  it('draws the ranking bars with the county names and the zone legend', async () => {
    const option = buildRankingOption([county('台山市', 'bay', 86.37), county('开平市', 'eco', 89.01), county('蓬江区', 'core', 83.86)], (z) => ({ core: '都市核心区', bay: '大广海湾区', eco: '生态发展区' })[z], '综合得分');
    view = await render(<AssessmentChart option={option} height={300} ariaLabel="bars" testId="bars" />);
    await settle(50);
    const texts = [...view.container.querySelectorAll('[data-testid="bars"] svg text')].map((t) => t.textContent ?? '');
    for (const name of ['台山市', '开平市', '蓬江区', '都市核心区', '大广海湾区', '生态发展区', '86.37']) expect(texts).toContain(name);
  });

  it('draws the radar with the indicator names and both series', async () => {
    const c = county('台山市', 'bay', 80);
    const option = buildRadarOption({ method: 'efficacy', zoneAverages: [{ zone: 'bay', total: 80, indicators: [{ code: 'A', normalised: 85 }] }] }, c, { county: '台山市', zoneAverage: '大广海湾区平均' })!;
    view = await render(<AssessmentChart option={option} height={300} ariaLabel="radar" testId="radar" />);
    await settle(50);
    const texts = [...view.container.querySelectorAll('[data-testid="radar"] svg text')].map((t) => t.textContent ?? '');
    for (const name of ['地区生产总值增速', '经济增量', '重大项目引进', '台山市', '大广海湾区平均']) expect(texts).toContain(name);
  });
});
