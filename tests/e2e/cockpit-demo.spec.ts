/**
 * 驾驶舱 and 督办 on the demo database (模拟数据, simulated reports for 2022-01…11), served by a
 * second server started here: the cockpit's figures and their lists, the seven-county map, the
 * 「为什么？」 popover, 大屏, and the supervision loop — a 督办单 issued from a red task, received
 * and answered by the unit, closed by the plan office; a leader's 批示; the 问题台账; the
 * reporting-discipline table; the county and zone pages. Measures the cockpit's LCP.
 */
import type { Page } from '@playwright/test';
import { CockpitPage, COUNTIES, NoticesPage } from './pages/cockpit-pages.js';
import { demoGet, reporterLogin, signInDemo, startDemoServer, type DemoServer } from './support/cockpit-demo-server.js';
import { expect, test } from './support/fixtures.js';

let server: DemoServer;
let planId = 1;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startDemoServer();
  const health = (await (await fetch(`${server.baseURL}/api/health`)).json()) as { demo: boolean };
  expect(health.demo).toBe(true);
  const plans = (await (await fetch(`${server.baseURL}/api/v1/plans`)).json()) as { items: { id: number }[] };
  planId = plans.items[0]!.id;
});

test.afterAll(async () => {
  await server?.stop();
});

interface Cockpit {
  tiles: { tasks: { total: number; red: number[]; green: number[] }; reports: { expected: number; onTime: number; items: { status: string }[] }; notices: { open: number; blue: number[] }; problems: { open: number } };
  groups: { county: { key: string; taskNos: number[] }[] };
}

/** Watch Largest Contentful Paint from the first byte of every page in this context. */
async function observeLcp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number };
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

test('驾驶舱: figures equal their lists, seven-county map, 为什么, 模拟数据, 大屏; LCP measured', async ({ page, capture, browser }) => {
  test.setTimeout(90_000);
  await signInDemo(page, server, 'demo-office');
  const api = await demoGet<Cockpit>(page.request, server, `/plans/${planId}/cockpit?year=2022`);
  await observeLcp(page);
  const cockpit = new CockpitPage(page);
  await cockpit.open(server.baseURL);

  // The demo database is labelled.
  await expect(cockpit.demoBadge).toHaveText('模拟数据');
  await expect(page.getByTestId('year-select')).toContainText('2022年');

  // Figures from the API.
  expect(await cockpit.tileValue('tasks')).toBe(api.tiles.tasks.total);
  expect(await cockpit.tileValue('tasks.red')).toBe(api.tiles.tasks.red.length);
  expect(await cockpit.tileValue('reports')).toBe(api.tiles.reports.expected);
  expect(await cockpit.tileValue('problems')).toBe(api.tiles.problems.open);
  await expect(cockpit.tile('reports.rate')).toHaveText(`${((api.tiles.reports.onTime / api.tiles.reports.expected) * 100).toFixed(1)}%`);

  // The map draws the seven counties (SVG renderer: labels are text nodes).
  await expect(cockpit.mapSvg).toBeVisible();
  await expect.poll(() => cockpit.mapTexts()).toEqual(expect.arrayContaining([...COUNTIES, '红灯', '绿灯']));
  expect((await cockpit.mapTexts()).filter((text) => COUNTIES.includes(text))).toHaveLength(7);
  for (const kind of ['trend', 'category', 'zone', 'county', 'unit']) await expect(page.getByTestId(`cockpit-${kind}`).locator('svg')).toBeVisible();

  // LCP of this first load after the server started (cold server, cold browser cache).
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  const firstLcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  console.log(`cockpit LCP, first load after the server started: ${Math.round(firstLcp)} ms`);
  expect(firstLcp).toBeGreaterThan(0);
  await capture('cockpit-01-cockpit');

  // Drill-down from a tile: the list has exactly as many rows as the figure.
  const red = await cockpit.tileValue('tasks.red');
  await cockpit.tile('tasks.red').click();
  await expect(cockpit.drawerTitle).toHaveText('红灯任务');
  expect(await cockpit.drawerCountValue()).toBe(red);
  await expect(cockpit.drawerRows).toHaveCount(red);
  await expect(cockpit.drawerRows.first().getByTestId('drill-task-link')).toHaveAttribute('href', /\/tasks\/\d+$/);
  // 「为什么？」 on a light: the rule and its inputs.
  await cockpit.drawerRows.first().getByTestId('why-button').click();
  const why = page.getByTestId('why-content');
  await expect(why.getByTestId('why-rule')).toHaveText('取各项中最差的灯');
  await expect(why.getByTestId('why-inputs')).toContainText('红灯项数');
  // …and what it rolled up: the task's red items with their own rules.
  await expect(why.getByTestId('why-parts')).toBeVisible();
  await capture('cockpit-02-drill-red-tasks', { keepPointer: true });
  await cockpit.closeDrawer();

  // Reports not sent: more than a page of rows; the count still equals the figure.
  const missing = await cockpit.tileValue('reports.missing');
  await cockpit.tile('reports.missing').click();
  await expect(cockpit.drawerTitle).toContainText('未报');
  expect(await cockpit.drawerCountValue()).toBe(missing);
  expect(missing).toBe(api.tiles.reports.items.filter((i) => i.status === 'missing').length);
  await cockpit.closeDrawer();

  // Map region → the county's tasks (as many as the county group lists), with a link to its page.
  await cockpit.map.locator('svg text', { hasText: '台山市' }).first().click();
  await expect(cockpit.drawerTitle).toHaveText('台山市：任务清单');
  expect(await cockpit.drawerCountValue()).toBe(api.groups.county.find((g) => g.key === '台山市')!.taskNos.length);
  await expect(page.getByTestId('drill-place-link')).toHaveAttribute('href', `/counties/${encodeURIComponent('台山市')}`);
  await cockpit.closeDrawer();

  // The map by zone make-up.
  await page.getByTestId('map-mode').getByText('按功能区构成').click();
  await expect.poll(() => cockpit.mapTexts()).toEqual(expect.arrayContaining(['都市核心区', '大广海湾区', '生态发展区']));

  // 大屏: dark, full screen (where the browser allows), and back.
  await page.getByTestId('wall-enter').click();
  await expect(cockpit.wall).toBeVisible();
  await expect(page.getByTestId('wall-title')).toHaveText('「三区并进」决策驾驶舱');
  await expect(cockpit.wall.getByTestId('demo-badge')).toHaveText('模拟数据');
  await expect(cockpit.wall.getByTestId('cockpit-map').locator('svg')).toBeVisible();
  const background = await cockpit.wall.evaluate((el) => getComputedStyle(el).backgroundImage);
  expect(background).toContain('gradient');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screenshots/cockpit-03-wall.png' });
  // A figure opens its list inside 大屏 too.
  await cockpit.wall.getByTestId('tile-tasks.green').click();
  expect(await cockpit.drawerCountValue()).toBe(api.tiles.tasks.green.length);
  await cockpit.closeDrawer();
  await page.getByTestId('wall-exit').click();
  await expect(cockpit.wall).toBeHidden();
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect(page.getByTestId('wall-enter')).toBeVisible();

  // English.
  await page.getByTestId('language-switch').click();
  await expect(cockpit.demoBadge).toHaveText('Simulated data');
  await expect(page.getByTestId('tile-tasks.red')).toContainText('Red');
  await page.getByTestId('language-switch').click();
  await expect(cockpit.demoBadge).toHaveText('模拟数据');

  // LCP of a fresh browser (empty cache) on the running server: PerformanceObserver
  // 'largest-contentful-paint' in the page, read once the charts are drawn.
  const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const other = await fresh.newPage();
    await signInDemo(other, server, 'demo-leader');
    await observeLcp(other);
    await other.goto(`${server.baseURL}/cockpit`);
    await expect(other.getByTestId('cockpit-map').locator('svg text', { hasText: '台山市' })).toBeVisible();
    await other.waitForLoadState('load');
    await other.waitForTimeout(500);
    const lcp = await other.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
    console.log(`cockpit LCP: ${Math.round(lcp)} ms`);
    test.info().annotations.push({ type: 'cockpit LCP', description: `${Math.round(lcp)} ms (first load after server start: ${Math.round(firstLcp)} ms)` });
    expect(lcp).toBeGreaterThan(0);
  } finally {
    await fresh.close();
  }
});

test('督办单: issued from a red task in the cockpit, received and answered by the unit, closed by the plan office', async ({ page, capture }) => {
  test.setTimeout(90_000);
  await signInDemo(page, server, 'demo-office');
  const cockpit = new CockpitPage(page);
  await cockpit.open(server.baseURL);
  const openBefore = await cockpit.tileValue('notices');

  // One click from the red task's row: the form comes prefilled (task, lead unit, the reason).
  await cockpit.tile('tasks.red').click();
  const row = cockpit.drawerRows.first();
  const taskNo = Number((await row.getByTestId('drill-task-link').textContent())!.replace(/\D/g, ''));
  await row.getByTestId('drill-issue').click();
  const notices = new NoticesPage(page);
  await expect(notices.form).toBeVisible();
  await expect(page.getByTestId('notice-task')).toContainText(`任务${taskNo}`);
  await expect(page.getByTestId('notice-content')).toHaveValue(new RegExp(`^任务${taskNo}“.+”亮红灯（取各项中最差的灯）`));
  const unit = (await page.getByTestId('notice-unit').textContent())!.trim().replace(/（.*）$/, '');
  expect(unit).toMatch(/局|政府|部|委/);
  await capture('cockpit-04-issue-notice');
  await page.getByTestId('notice-submit').click();
  await expect(notices.form).toBeHidden();
  await cockpit.closeDrawer();
  await expect.poll(() => cockpit.tileValue('notices')).toBe(openBefore + 1);
  await expect.poll(() => cockpit.tileValue('notices.blue')).toBeGreaterThanOrEqual(1);

  // The list shows it: blue, issued, to the task's lead unit.
  await notices.open(server.baseURL);
  const list = await demoGet<{ items: { id: number; taskNo: number; unit: string; source: string }[] }>(page.request, server, `/plans/${planId}/notices`);
  const issued = list.items.find((n) => n.taskNo === taskNo)!;
  expect(issued).toMatchObject({ unit, source: 'light' });
  const noticeRow = notices.row(issued.id);
  await expect(noticeRow.getByTestId('notice-level')).toHaveText('蓝色督办');
  await expect(noticeRow.getByTestId('notice-state')).toHaveText('已下发');
  await expect(noticeRow).toContainText(unit);

  // A second one from the list's own form.
  await notices.newButton.click();
  await page.getByTestId('notice-task').click();
  await page.keyboard.type('31');
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '任务31 ' }).first().click();
  await expect(page.getByTestId('notice-unit')).toContainText('市自然资源局');
  await page.getByTestId('notice-content').fill('请加快“三旧”改造项目用地报批，并反馈进度');
  await page.getByTestId('notice-submit').click();
  await expect(notices.form).toBeHidden();
  await expect(notices.rows).toHaveCount(2);
  await capture('cockpit-05-notices-office');

  // The unit: 签收, then 反馈.
  await signInDemo(page, server, await reporterLogin(page.request, server, planId, unit));
  await notices.open(server.baseURL);
  await expect(notices.rows).toHaveCount(1);
  await notices.row(issued.id).getByTestId('notice-receive').click();
  await expect(notices.row(issued.id).getByTestId('notice-state')).toHaveText('已签收');
  await notices.row(issued.id).getByTestId('notice-answer-button').click();
  await page.getByTestId('notice-answer-modal-input').fill('已召开专题会，明确整改措施，12月底前完成');
  await page.getByTestId('notice-answer-modal-ok').click();
  await expect(notices.row(issued.id).getByTestId('notice-state')).toHaveText('已反馈');
  await capture('cockpit-06-notices-unit');

  // The plan office closes it.
  await signInDemo(page, server, 'demo-office');
  await notices.open(server.baseURL);
  await notices.row(issued.id).getByTestId('notice-close').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(notices.row(issued.id).getByTestId('notice-state')).toHaveText('已办结');
});

test('领导批示: a leader writes one on a task, the lead unit answers, the plan office closes it', async ({ page, capture }) => {
  test.setTimeout(90_000);
  await signInDemo(page, server, 'demo-leader');
  await page.goto(`${server.baseURL}/instructions`);
  await page.getByTestId('instruction-new').click();
  await page.getByTestId('instruction-task').click();
  await page.keyboard.type('31');
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '任务31 ' }).first().click();
  await expect(page.getByTestId('instruction-form')).toContainText('市自然资源局');
  await page.getByTestId('instruction-text').fill('请市自然资源局牵头，加快“三旧”改造进度，年底前完成目标。');
  await page.getByTestId('instruction-submit').click();
  const row = page.getByTestId('instruction-row').first();
  await expect(row.getByTestId('instruction-state')).toHaveText('待反馈');
  await expect(row).toContainText('市领导（演示）');

  await signInDemo(page, server, await reporterLogin(page.request, server, planId, '市自然资源局'));
  await page.goto(`${server.baseURL}/instructions`);
  await page.getByTestId('instruction-row').first().getByTestId('instruction-respond').click();
  await page.getByTestId('instruction-response-modal-input').fill('已制定攻坚方案，每周调度');
  await page.getByTestId('instruction-response-modal-ok').click();
  await expect(page.getByTestId('instruction-row').first().getByTestId('instruction-state')).toHaveText('已反馈');

  await signInDemo(page, server, 'demo-office');
  await page.goto(`${server.baseURL}/instructions`);
  await page.getByTestId('instruction-row').first().getByTestId('instruction-close').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(page.getByTestId('instruction-row').first().getByTestId('instruction-state')).toHaveText('已办结');
  await capture('cockpit-07-instructions');
});

test('问题台账: status filter and the plan office’s edit; 已解决 needs a resolution', async ({ page, capture }) => {
  await signInDemo(page, server, 'demo-office');
  await page.goto(`${server.baseURL}/problems`);
  const filter = page.getByTestId('problem-status-filter');
  await expect(filter).toContainText('待协调');
  const first = page.getByTestId('problem-row').first();
  const id = await first.getAttribute('data-id');
  await first.getByTestId('problem-edit').click();
  await page.getByTestId('problem-status').getByText('已解决').click();
  await page.getByTestId('problem-save').click();
  await expect(page.getByTestId('problem-resolution-error')).toHaveText('标记为已解决时请填写解决情况');
  await page.getByTestId('problem-status').getByText('协调中').click();
  await page.getByTestId('problem-owner').fill('规划科 张三');
  await page.getByTestId('problem-save').click();
  await expect(page.getByTestId('problem-form')).toBeHidden();
  await filter.getByText(/^协调中/).click();
  await expect(page.getByTestId('problem-row')).toHaveCount(1);
  await expect(page.locator(`[data-testid="problem-row"][data-id="${id}"]`)).toContainText('规划科 张三');
  await filter.getByText(/^全部/).click();
  await capture('cockpit-08-problems');
});

test('报送纪律, 市(区) and 功能区 pages', async ({ page, capture }) => {
  test.setTimeout(60_000);
  await signInDemo(page, server, 'demo-leader');
  const status = await demoGet<{ discipline: { unit: string; late: number }[] }>(page.request, server, `/plans/${planId}/status?year=2022`);
  await page.goto(`${server.baseURL}/discipline`);
  await expect(page.getByTestId('discipline-row')).toHaveCount(status.discipline.length);
  await expect(page.getByTestId('demo-banner')).toContainText('模拟数据');
  const top = page.getByTestId('discipline-row').first();
  const unit = (await top.getAttribute('data-unit'))!;
  const late = status.discipline.find((d) => d.unit === unit)!.late;
  await top.getByTestId('discipline-late').click();
  expect(Number(await page.getByTestId('drill-count').getAttribute('data-count'))).toBe(late);
  await expect(page.getByTestId('drill-row')).toHaveCount(late);
  await page.locator('.ant-drawer-close').click();
  await capture('cockpit-09-discipline');

  await page.goto(`${server.baseURL}/counties/${encodeURIComponent('台山市')}`);
  await expect(page.getByTestId('county-page')).toBeVisible();
  await expect(page.getByTestId('county-towns')).toContainText('大广海湾区');
  await expect(page.getByTestId('place-task-row').first()).toBeVisible();
  await expect(page.getByTestId('place-coverage')).toBeVisible();
  await capture('cockpit-10-county');

  await page.goto(`${server.baseURL}/zones/bay`);
  await expect(page.getByTestId('zone-page')).toContainText('大广海湾区');
  await expect(page.getByTestId('zone-counties')).toContainText('台山市');
  await expect(page.getByTestId('place-task-row').first()).toBeVisible();
  await capture('cockpit-11-zone');
});
