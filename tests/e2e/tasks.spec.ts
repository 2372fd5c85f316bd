import { expect, test } from './support/fixtures.js';
import { TasksPage } from './pages/tasks-page.js';

test('重点任务 lists all 36 tasks with their responsibilities', async ({ page, capture }) => {
  const tasks = new TasksPage(page);
  await tasks.open();
  await tasks.expectCount(36);
  expect(await tasks.taskNumbers()).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
  const row6 = tasks.rows.filter({ hasText: '着力培育新兴产业集群' });
  await expect(row6).toContainText('市工业和信息化局');
  await expect(row6).toContainText('强化都市核心区引领带动能力');
  await expect(row6).toContainText('2020—2022年');
  await expect(tasks.count).toContainText('36 / 36');
  await capture('02-tasks');
});

test('filtering by county 台山市 (and role) shrinks the table and lives in the URL', async ({ page, capture }) => {
  const tasks = new TasksPage(page);
  await tasks.open();
  await tasks.filterBy('county', '台山市');
  await expect(page).toHaveURL(/[?&]county=%E5%8F%B0%E5%B1%B1%E5%B8%82/);
  await tasks.expectCount(28);
  const shown = await tasks.taskNumbers();
  expect(shown).toContain(10); // 稳步推动广海湾片区建设: 台山市政府 leads
  expect(shown).not.toContain(9); // 银湖湾滨海新区: 新会区 only
  expect(shown).not.toContain(14);

  await tasks.filterBy('role', '牵头');
  await tasks.expectCount(4);
  expect(await tasks.taskNumbers()).toEqual([2, 5, 10, 24]);
  await capture('03-tasks-filtered-taishan');

  // The URL is the state: reloading keeps the filters.
  await page.reload();
  await tasks.expectCount(4);
  await tasks.reset.click();
  await tasks.expectCount(36);
  await expect(page).toHaveURL(/\/tasks$/);
});

test('text search 智慧城市 finds tasks 2 and 3; category links from the URL work', async ({ page }) => {
  const tasks = new TasksPage(page);
  await tasks.open();
  await tasks.searchFor('智慧城市');
  await tasks.expectCount(2);
  expect(await tasks.taskNumbers()).toEqual([2, 3]);
  await expect(page).toHaveURL(/q=%E6%99%BA%E6%85%A7%E5%9F%8E%E5%B8%82/);

  await tasks.open('?category=3');
  await tasks.expectCount(7);
  expect(await tasks.taskNumbers()).toEqual([14, 15, 16, 17, 18, 19, 20]);

  await tasks.taskLink(17).click();
  await expect(page.getByTestId('task-title')).toHaveText('任务17：推动制造业绿色发展');
});
