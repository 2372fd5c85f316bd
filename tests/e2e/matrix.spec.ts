import { expect, test } from './support/fixtures.js';
import { MatrixPage } from './pages/matrix-page.js';

test('责任矩阵 shows 40 units × 36 tasks, filters by kind and sorts by load', async ({ page, capture }) => {
  const matrix = new MatrixPage(page);
  await matrix.open();
  await expect(matrix.rows).toHaveCount(40);
  await expect(matrix.count).toHaveText('40 个单位');

  const ndrc = matrix.row('市发展改革局');
  await expect(ndrc.locator('[data-role="lead"]')).toHaveCount(6);
  await expect(ndrc.locator('[data-role="cooperate"]')).toHaveCount(11);
  await expect(ndrc.getByTestId('load-total')).toHaveText('17');
  await capture('06-matrix');

  await matrix.filterKind(/县级政府/);
  await expect(matrix.rows).toHaveCount(7);
  expect(await matrix.unitNames()).toEqual(['蓬江区政府', '江海区政府', '新会区政府', '台山市政府', '开平市政府', '鹤山市政府', '恩平市政府']);

  await matrix.sortBy('合计');
  const first = (await matrix.unitNames())[0];
  expect(first).toBe('鹤山市政府'); // 3 led + 27 supported
  await expect(matrix.row('鹤山市政府').getByTestId('load-total')).toHaveText('30');

  await matrix.filterKind(/全部/);
  await expect(matrix.rows).toHaveCount(40);
});
