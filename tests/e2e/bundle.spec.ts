import { gzipSync } from 'node:zlib';
import { expect, test } from './support/fixtures.js';
import { OverviewPage } from './pages/overview-page.js';

const BUDGET = 200 * 1024;

test('the initial route loads at most 200 KiB gzip of JS + CSS and no chart code', async ({ page }) => {
  const loaded: { url: string; body: Buffer }[] = [];
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') loaded.push({ url: response.url(), body: await response.body() });
  });
  const overview = new OverviewPage(page);
  await overview.open();
  await expect(overview.taskLinks).toHaveCount(36);
  await page.waitForLoadState('networkidle');

  const gzipped = loaded.reduce((sum, file) => sum + gzipSync(file.body, { level: 9 }).length, 0);
  test.info().annotations.push({ type: 'initial route', description: `${loaded.length} files, ${(gzipped / 1024).toFixed(1)} KiB gzip` });
  console.log(`initial route: ${loaded.length} JS/CSS files, ${(gzipped / 1024).toFixed(1)} KiB gzip`);
  expect(gzipped).toBeLessThanOrEqual(BUDGET);
  // ECharts (and the map) belong to the zones page's lazy chunk only.
  for (const file of loaded) expect(file.body.includes('registerMap'), file.url).toBe(false);
});
