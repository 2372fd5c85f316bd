import { expect, test } from './support/fixtures.js';
import { OverviewPage } from './pages/overview-page.js';

test('the interface switches to English, remembers it, and switches back', async ({ page, capture }) => {
  const overview = new OverviewPage(page);
  await overview.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(overview.shell.navLink('规划概览')).toBeVisible();

  await overview.shell.switchLanguage();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(overview.shell.navLink('Overview')).toBeVisible();
  await expect(overview.shell.navLink('Key tasks')).toBeVisible();
  await expect(overview.shell.productName).toContainText('Three-Zone Plan Monitor');
  await expect(overview.downloadButton).toHaveText(/Download division of labour \(Excel\)/);
  await expect(page.getByRole('heading', { name: 'Overall goals' })).toBeVisible();
  // Document content stays verbatim.
  await expect(overview.planCode).toHaveText('江府〔2020〕8号');
  await capture('08-overview-en');

  await page.reload();
  await expect(overview.shell.navLink('Overview')).toBeVisible();
  await overview.shell.navLink('Key tasks').click();
  await expect(page.getByRole('columnheader', { name: 'Key item' })).toBeVisible();
  await capture('09-tasks-en');

  await overview.shell.switchLanguage();
  await expect(overview.shell.navLink('重点任务')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '重点事项' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
