import { expect, test } from './support/fixtures.js';
import { TaskDetailPage } from './pages/task-detail-page.js';

test('task 6 highlights 投资超亿元的产业项目 in its milestones and explains it', async ({ page, capture }) => {
  const task = new TaskDetailPage(page);
  await task.open(6);
  await expect(task.title).toHaveText('任务6：着力培育新兴产业集群');
  await expect(task.content).toContainText('加强与粤港澳大湾区城市群的产业对接');
  await expect(page.getByText('原文第280行').first()).toBeVisible();

  // The body paragraph differs from Annex 2: the difference is marked.
  await expect(task.bodyContent).toContainText('正文与附件2表述不同');
  await expect(task.bodyContent.locator('ins')).toHaveText('粤港澳');

  // Milestones by year, each with its source line.
  await expect(task.milestoneGroups).toHaveText(['2020年', '2021年', '2022年']);
  await expect(task.milestones).toHaveCount(3);
  await expect(task.milestones.first()).toContainText('原文第286行');

  // Typed targets highlighted inside the text, from the importer's spans.
  const projects = task.marksFor('投资超亿元的产业项目');
  await expect(projects).toHaveCount(3);
  await expect(projects.first()).toHaveText('至少50个投资超亿元的产业项目');
  await expect(task.marks).toHaveCount(6);
  await capture('04-task-6');
  await projects.first().hover();
  await expect(task.tooltip).toBeVisible();
  await expect(task.tooltip).toContainText('投资超亿元的产业项目');
  await expect(task.tooltip).toContainText('不低于');
  await expect(task.tooltip).toContainText('50个');
  await expect(task.tooltip).toContainText('原文第286行');
  await capture('04b-task-6-target-tooltip', { keepPointer: true });

  await expect(task.targetRows).toHaveCount(6);
  await expect(task.units.getByTestId('unit-lead')).toHaveText(['市工业和信息化局']);
  await expect(task.units.getByTestId('unit-cooperate')).toHaveCount(8);
  await expect(task.units).toContainText('原文第292行');
});

test('task 3 shows 等市有关部门, task 13 its general line, task 5 a range target', async ({ page }) => {
  const task = new TaskDetailPage(page);
  await task.open(3);
  await expect(task.title).toHaveText('任务3：建设新型智慧城市');
  await expect(task.units.getByTestId('others-tag')).toHaveText('等市有关部门');

  await page.getByTestId('task-next').click();
  await expect(task.title).toHaveText('任务4：大力提升城市品质');

  await task.open(13);
  await expect(task.milestoneGroups.first()).toHaveText('总体要求 / 常态工作');
  await expect(task.milestoneGroups.last()).toHaveText('2020—2022年');
  await expect(task.units).toContainText('分别牵头');

  await task.open(5);
  const leaders = task.marksFor('主导产业龙头企业');
  await expect(leaders).toHaveText('1-2个主导产业龙头企业');
  await leaders.hover();
  await expect(task.tooltip).toContainText('区间');
  await expect(task.tooltip).toContainText('1–2个');
});

test('an unknown task shows the server’s message', async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 404/);
  const task = new TaskDetailPage(page);
  await task.open(99);
  await expect(page.getByTestId('error-message')).toHaveText('任务 99不存在');
});
