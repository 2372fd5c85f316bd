/**
 * 差异化考核 on the demo database (模拟数据: simulated 2022 values for every entered indicator and
 * county, a saved, unpublished 2022 scheme), on a server of its own started here
 * (support/cockpit-demo-server.ts builds a fresh demo database per spec file, so publishing at the
 * end touches no other spec): the results table and ranking bars, 台山市's score explained step
 * by step with its radar, the scheme's three zone columns, a bad CSV import rejected row by row,
 * the indicator catalogue, and publishing, which locks the year.
 */
import type { Page } from '@playwright/test';
import { COUNTIES } from './pages/cockpit-pages.js';
import { AssessmentResultsPage, CountyExplanationPage } from './pages/assessment-pages.js';
import { demoGet, signInDemo, startDemoServer, type DemoServer } from './support/cockpit-demo-server.js';
import { expect, test } from './support/fixtures.js';

let server: DemoServer;
let planId = 1;

interface Results {
  published: boolean;
  schemeVersion: number;
  counties: { county: string; primaryZone: string; total: number | null; rankOverall: number | null; rankInZone: number | null; zoneSize: number; indicators: { code: string; contribution: number | null }[] }[];
  zoneAverages: { zone: string; total: number | null }[];
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startDemoServer();
  const plans = (await (await fetch(`${server.baseURL}/api/v1/plans`)).json()) as { items: { id: number }[] };
  planId = plans.items[0]!.id;
});

test.afterAll(async () => {
  await server?.stop();
});

/** The SVG the chart drew: its shapes and texts (ECharts' SVG renderer). */
async function chartShapes(page: Page, testId: string): Promise<{ shapes: number; texts: string[] }> {
  const svg = page.getByTestId(testId).locator('svg');
  await expect(svg).toBeVisible();
  return svg.evaluate((el) => ({
    shapes: el.querySelectorAll('path, rect').length,
    texts: [...el.querySelectorAll('text')].map((t) => t.textContent ?? ''),
  }));
}

test('考核结果 2022: seven counties with totals and ranks, ranking bars, weighting toggle, method documentation', async ({ page, capture }) => {
  test.setTimeout(90_000);
  await signInDemo(page, server, 'demo-office');
  const api = await demoGet<Results>(page.request, server, `/plans/${planId}/assessment/2022/results`);
  expect(api.published).toBe(false);
  const results = new AssessmentResultsPage(page);
  await results.open(server.baseURL, 2022);

  await expect(page.getByTestId('demo-badge')).toHaveText('模拟数据');
  await expect(page.getByTestId('demo-banner')).toContainText('模拟数据');
  await expect(page.getByTestId('assessment-year')).toContainText('2022年');
  await expect(results.rows).toHaveCount(7);
  for (const county of COUNTIES) {
    const row = results.row(county);
    const expected = api.counties.find((c) => c.county === county)!;
    await expect(row.getByTestId('county-total')).toHaveText(expected.total!.toFixed(2));
    await expect(row.getByTestId('county-rank')).toHaveText(String(expected.rankOverall));
    await expect(row.getByTestId('county-zone-rank')).toHaveText(`${expected.rankInZone}/${expected.zoneSize}`);
  }
  // Ranked best first: the first row holds rank 1.
  await expect(results.rows.first().getByTestId('county-rank')).toHaveText('1');
  await expect(results.row('台山市').getByTestId('county-profile')).toHaveText('核心区 7/17 · 湾区 10/17');
  await expect(page.getByTestId('draft-tag')).toContainText(`方案第${api.schemeVersion}版`);

  // The ranking bars are drawn: a bar per county and the counties' names.
  await expect.poll(async () => (await chartShapes(page, 'ranking-chart')).texts).toEqual(expect.arrayContaining(COUNTIES));
  expect((await chartShapes(page, 'ranking-chart')).shapes).toBeGreaterThanOrEqual(7);
  await expect(page.getByTestId('export-xlsx')).toHaveAttribute('href', `/api/v1/plans/${planId}/assessment/2022/results.xlsx`);

  // 分区视图: each zone's counties in their in-zone order, with the zone's average.
  const zoneView = page.getByTestId('zone-view');
  await expect(zoneView.getByTestId('zone-view-zone')).toHaveCount(3);
  for (const avg of api.zoneAverages) {
    const zone = zoneView.locator(`[data-testid="zone-view-zone"][data-zone="${avg.zone}"]`);
    await expect(zone.getByTestId('zone-view-average')).toHaveText(avg.total!.toFixed(2));
    const members = api.counties.filter((c) => c.primaryZone === avg.zone).sort((a, b) => a.rankInZone! - b.rankInZone!);
    await expect(zone.getByTestId('zone-view-county')).toHaveCount(members.length);
    await expect(zone.getByTestId('zone-view-county').first()).toContainText(members[0]!.county);
  }
  await expect(zoneView.locator('[data-zone="core"]').getByTestId('zone-view-county')).toHaveCount(4);
  await capture('assessment-01-results');

  // 权重方式 → 主体功能区: the table is recomputed with the primary-zone weights.
  const primary = await demoGet<Results>(page.request, server, `/plans/${planId}/assessment/2022/results?weighting=primary`);
  const recomputed = page.waitForResponse((r) => r.url().includes('/assessment/2022/results?weighting=primary') && r.status() === 200);
  await page.getByTestId('weighting-toggle').getByText('主体功能区').click();
  await recomputed;
  const taishan = primary.counties.find((c) => c.county === '台山市')!;
  await expect(results.row('台山市').getByTestId('county-total')).toHaveText(taishan.total!.toFixed(2));
  await page.getByTestId('weighting-toggle').getByText('混合').click();
  await expect(results.row('台山市').getByTestId('county-total')).toHaveText(api.counties.find((c) => c.county === '台山市')!.total!.toFixed(2));

  // 方法 → 目标完成率法 (the demo sets targets): recomputed the same way as the API.
  const attainment = await demoGet<Results>(page.request, server, `/plans/${planId}/assessment/2022/results?method=attainment`);
  await page.getByTestId('method-toggle').getByText('目标完成率法').click();
  for (const c of attainment.counties) await expect(results.row(c.county).getByTestId('county-total')).toHaveText(c.total === null ? '—' : c.total.toFixed(2));
  await page.getByTestId('method-toggle').getByText('功效系数法').click();
  await expect(page).toHaveURL(/method=efficacy/);

  // 计分方法说明, with the formulas and their numbers.
  await results.methodPanel.getByText('计分方法说明').click();
  const method = page.getByTestId('method-text');
  await expect(method).toContainText('s = 60 + 40 × (x − min) / (max − min)');
  await expect(method).toContainText('s = 60 + 40 × (max − x) / (max − min)');
  await expect(method).toContainText('max = min  →  s = 100');
  await expect(method).toContainText('score = Σ_i w_i × s_i / Σ_i w_i');
  await expect(method).toContainText('s = max(0, min(x / target, 1.2)) × 100');
  await expect(method).toContainText('x ≤ 0  →  s = 120');
  await expect(method).toContainText('不按0分计');
  await capture('assessment-02-results-method');
});

test('台山市 explained: 7/17 core and 10/17 bay, the arithmetic per indicator, total = Σ contributions, radar against the zone', async ({ page, capture }) => {
  test.setTimeout(60_000);
  await signInDemo(page, server, 'demo-office');
  const results = new AssessmentResultsPage(page);
  await results.open(server.baseURL, 2022);
  await results.row('台山市').getByTestId('county-link').click();
  await expect(page).toHaveURL(new RegExp(`/assessment/2022/counties/${encodeURIComponent('台山市')}`));

  const county = new CountyExplanationPage(page);
  await expect(county.root).toBeVisible();
  await expect(county.profile).toContainText('7/17');
  await expect(county.profile).toContainText('10/17');
  await expect(page.getByTestId('county-primary-zone')).toHaveText('大广海湾区');
  await expect(county.indicatorRows.first()).toBeVisible();

  // Every scored indicator shows its formula with the numbers, e.g. 60 + 40 × (8.2 − 5.1) / (9.3 − 5.1) = 89.52.
  const formulas = await page.getByTestId('normalised-formula').allTextContents();
  expect(formulas.length).toBeGreaterThan(3);
  for (const formula of formulas) expect(formula).toMatch(/^(60 \+ 40 × \(.+ − .+\) \/ \(.+ − .+\) = \d+\.\d{2}|max = min = .+ → 100)$/);
  await expect(page.getByTestId('weight-formula').first()).toContainText('7/17 ×');

  // The total equals the sum of the contributions shown.
  const { shown, exact } = await county.contributionValues();
  const total = Number(await county.total.getAttribute('data-value'));
  expect(exact.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
  const shownTotal = Number((await county.total.textContent())!.trim());
  expect(Math.abs(shown.reduce((a, b) => a + b, 0) - shownTotal)).toBeLessThanOrEqual(0.005 * shown.length + 0.005);
  await expect(page.getByTestId('contribution-sum')).toHaveText(shownTotal.toFixed(2));
  await expect(page.getByTestId('total-formula')).toContainText(`= ${shownTotal.toFixed(2)}`);

  // The radar draws the county and its zone's average.
  await expect.poll(async () => (await chartShapes(page, 'county-radar')).shapes).toBeGreaterThan(2);
  await expect.poll(async () => (await chartShapes(page, 'county-radar')).texts).toEqual(expect.arrayContaining(['台山市', '大广海湾区平均']));
  await capture('assessment-03-county-taishan');

  // The same page by target attainment: each score as min(x / target, 1.2) × 100.
  await page.goto(`${server.baseURL}/assessment/2022/counties/${encodeURIComponent('台山市')}?method=attainment`);
  await expect(county.root).toBeVisible();
  await expect(page.getByTestId('normalised-formula').first()).toBeVisible();
  for (const formula of await page.getByTestId('normalised-formula').allTextContents()) expect(formula).toMatch(/^(min\(|max\(0, min\(|x = ).+(= \d+\.\d{2}|→ 120)$/);
  const attained = await county.contributionValues();
  expect(attained.exact.reduce((a, b) => a + b, 0)).toBeCloseTo(Number(await county.total.getAttribute('data-value')), 6);
  await capture('assessment-03b-county-taishan-attainment');
});

test('考核方案 2022: three zone columns with their sums, the saved version and its history', async ({ page, capture }) => {
  await signInDemo(page, server, 'demo-office');
  await page.goto(`${server.baseURL}/assessment/2022/scheme`);
  const header = page.locator('thead');
  await expect(header.getByTestId('zone-column-core')).toHaveText('都市核心区');
  await expect(header.getByTestId('zone-column-bay')).toHaveText('大广海湾区');
  await expect(header.getByTestId('zone-column-eco')).toHaveText('生态发展区');
  await expect(page.getByTestId('scheme-row').first()).toBeVisible();
  await expect(page.getByTestId('scheme-version')).toContainText('第1版');
  for (const zone of ['core', 'bay', 'eco']) await expect(page.getByTestId(`zone-sum-${zone}`)).toHaveText(/^\d+(\.\d+)?$/);
  await expect(page.getByTestId('scheme-history')).toContainText('第1版');
  await expect(page.getByTestId('scheme-save')).toBeVisible();
  await capture('assessment-04-scheme');
});

test('考核数据 2022: the grid of values; a bad CSV is rejected row by row and nothing is stored', async ({ page, capture, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 400/);
  await signInDemo(page, server, 'demo-office');
  const before = await demoGet<{ items: { county: string; code: string; value: number | null }[] }>(page.request, server, `/plans/${planId}/assessment/2022/values`);
  const indicators = await demoGet<{ items: { code: string; source: string; active: boolean }[] }>(page.request, server, '/assessment/indicators');
  const code = indicators.items.find((i) => i.source === 'entered' && i.active)!.code;
  await page.goto(`${server.baseURL}/assessment/2022/values`);
  await expect(page.getByTestId('values-row')).toHaveCount(7);
  await expect(page.getByTestId('values-row').first().getByTestId('value-cell').first()).not.toHaveText('—');

  const csv = [
    'year,division,indicator_code,value,target',
    `2022,台山市,${code},8.5,`,
    `2022,台山市,NO_SUCH_CODE,1,`,
    `2022,不存在县,${code},2,`,
    `2022,开平市,${code},abc,`,
    `2022,台山市,${code},9,`,
  ].join('\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'bad-values.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const rejected = page.getByTestId('import-rejected');
  await expect(rejected).toBeVisible();
  await expect(page.getByTestId('import-nothing-stored')).toContainText('没有保存任何数据');
  const rows = await page.getByTestId('import-error-rowno').allTextContents();
  expect(rows).toEqual(expect.arrayContaining(['第3行', '第4行', '第5行']));
  expect(rows.some((r) => r === '第6行' || r === '第2行')).toBe(true);
  await capture('assessment-05-values-import-rejected');

  const after = await demoGet<{ items: { county: string; code: string; value: number | null }[] }>(page.request, server, `/plans/${planId}/assessment/2022/values`);
  const value = (list: typeof before) => list.items.find((i) => i.county === '台山市' && i.code === code)?.value;
  expect(value(after)).toBe(value(before));

  // One cell edited in its dialog: saved at once, shown with its new origin.
  const cell = page.locator(`[data-testid="values-row"][data-county="台山市"] td`).nth(1);
  await cell.getByTestId('value-edit').click();
  await page.getByTestId('value-input').fill('4.75');
  await page.getByTestId('value-save').click();
  await expect(cell.getByTestId('value-cell')).toHaveAttribute('data-value', '4.75');
  const edited = await demoGet<typeof before>(page.request, server, `/plans/${planId}/assessment/2022/values`);
  expect(edited.items.find((i) => i.county === '台山市' && i.code === code)).toMatchObject({ value: 4.75, origin: { kind: 'form' } });
});

test('考核指标库: the catalogue with codes, directions, sources and groups', async ({ page, capture }) => {
  await signInDemo(page, server, 'demo-office');
  await page.goto(`${server.baseURL}/assessment/indicators`);
  await expect(page.getByTestId('indicator-row').first()).toBeVisible();
  await expect(page.getByTestId('indicator-group-filter')).toContainText('共性指标');
  await expect(page.locator('[data-testid="indicator-row"]').filter({ hasText: '逆向' }).first()).toBeVisible();
  await expect(page.locator('[data-testid="indicator-row"]').filter({ hasText: '系统自动计算' }).first()).toBeVisible();
  await capture('assessment-06-indicators');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: 'Indicator catalogue' })).toBeVisible();
  await expect(page.getByTestId('assessment-tabs')).toContainText('Results');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: '考核指标库' })).toBeVisible();
  await page.getByTestId('indicator-edit').first().click();
  await expect(page.getByTestId('indicator-form')).toBeVisible();
  await expect(page.getByTestId('indicator-name')).toHaveValue('地区生产总值增速');
  await capture('assessment-07-indicator-edit');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('indicator-form')).toBeHidden();
});

/** The demo reporter of 台山市's county government. */
async function taishanReporter(page: Page): Promise<string> {
  const units = await demoGet<{ items: { name: string; kind: string }[] }>(page.request, server, `/plans/${planId}/units`);
  const index = units.items.findIndex((u) => u.name.startsWith('台山市') && u.kind === 'countyGovernment');
  expect(index).toBeGreaterThanOrEqual(0);
  return `demo-u${String(index + 1).padStart(2, '0')}-tb`;
}

test('发布 2022 (this spec’s own demo database): a county sees nothing before, its results after; the year is locked, changes answer 409 with the reason', async ({ page, capture, allowConsoleErrors }) => {
  test.setTimeout(90_000);
  allowConsoleErrors(/status of (403|409)/);
  // Before publishing, a county's account is told the results are not published yet.
  const county = await taishanReporter(page);
  await signInDemo(page, server, county);
  await page.goto(`${server.baseURL}/assessment?year=2022`);
  await expect(page.getByTestId('error-message')).toHaveText('该年度考核结果尚未发布');
  await expect(page.getByTestId('publish-button')).toHaveCount(0);

  await signInDemo(page, server, 'demo-office');
  const results = new AssessmentResultsPage(page);
  await results.open(server.baseURL, 2022);
  await expect(results.rows).toHaveCount(7);
  await page.getByTestId('publish-button').click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('锁定');
  await page.getByTestId('publish-ok').click();
  await expect(page.getByTestId('published-tag')).toContainText('已发布');
  await expect(page.getByTestId('publish-button')).toHaveCount(0);
  await expect(page.locator('.ant-modal-confirm')).toBeHidden();
  await capture('assessment-08-published');

  await page.goto(`${server.baseURL}/assessment/2022/scheme`);
  await expect(page.getByTestId('scheme-locked')).toContainText('已锁定');
  await expect(page.getByTestId('scheme-save')).toHaveCount(0);

  // The server refuses a change with a Chinese reason, and the values page says the year is locked.
  const me = (await (await page.request.get(`${server.baseURL}/api/v1/auth/me`)).json()) as { csrfToken: string };
  const put = await page.request.put(`${server.baseURL}/api/v1/plans/${planId}/assessment/2022/values`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { county: '台山市', code: 'COMMON_GDP_GROWTH', value: 1 },
  });
  expect(put.status()).toBe(409);
  expect(((await put.json()) as { error: { message: string } }).error.message).toMatch(/发布/);
  await page.goto(`${server.baseURL}/assessment/2022/values`);
  await expect(page.getByTestId('values-locked')).toBeVisible();
  await expect(page.getByTestId('value-edit')).toHaveCount(0);
  await capture('assessment-09-values-locked');

  // Published: the county now sees the table and its own explanation, read only.
  await signInDemo(page, server, county);
  await page.goto(`${server.baseURL}/assessment?year=2022`);
  await expect(results.rows).toHaveCount(7);
  await expect(page.getByTestId('published-tag')).toContainText('已发布');
  await results.row('台山市').getByTestId('county-link').click();
  const explanation = new CountyExplanationPage(page);
  await expect(explanation.root).toBeVisible();
  await expect(explanation.profile).toHaveText('核心区 7/17 · 湾区 10/17');
  await page.goto(`${server.baseURL}/assessment/2022/scheme`);
  await expect(page.getByTestId('scheme-locked')).toBeVisible();
  await expect(page.getByTestId('scheme-save')).toHaveCount(0);
  await capture('assessment-10-county-after-publish');
});
