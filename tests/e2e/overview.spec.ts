import { expect, test } from './support/fixtures.js';
import { OverviewPage } from './pages/overview-page.js';

test('规划概览 shows the document header, counts, goals and the 36 tasks by category', async ({ page, capture }) => {
  const overview = new OverviewPage(page);
  await overview.open();

  await expect(overview.title).toHaveText('江门市加快构建“三区并进”区域发展新格局实施方案');
  await expect(overview.planCode).toHaveText('江府〔2020〕8号');
  await expect(page.getByText('江门市人民政府', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('2020-02-28').first()).toBeVisible();
  await expect(overview.shell.productName).toContainText('「三区并进」实施监测平台');
  await expect(overview.shell.planTitle).toContainText('江府〔2020〕8号');

  await expect(overview.count('tasks')).toHaveText('36');
  await expect(overview.count('milestones')).toHaveText('106');
  await expect(overview.count('targets')).toHaveText('84');
  await expect(overview.count('units')).toHaveText('40');
  await expect(overview.count('counties')).toHaveText('7');
  await expect(overview.count('towns')).toHaveText('73');
  await expect(overview.count('diagnostics')).toHaveText('13');

  for (const year of [2022, 2025, 2035]) {
    await expect(overview.goal(year)).toContainText(`${year}年目标`);
    await expect(overview.goal(year)).toContainText('原文第19行');
  }
  await expect(overview.goal(2035)).toContainText('基本公共服务均等化');

  await expect(overview.taskLinks).toHaveCount(36);
  await expect(overview.category(1)).toContainText('强化都市核心区引领带动能力');
  await expect(overview.category(5)).toContainText('10 项任务');
  await expect(overview.downloadButton).toHaveAttribute('href', /\/api\/v1\/plans\/\d+\/export\/division-of-labour\.xlsx$/);
  await capture('01-overview');

  await page.getByTestId('overview-task-6').click();
  await expect(page).toHaveURL(/\/tasks\/6$/);
  await expect(page.getByTestId('task-title')).toHaveText('任务6：着力培育新兴产业集群');
});
