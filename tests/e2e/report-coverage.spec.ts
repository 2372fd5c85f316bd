/**
 * County work plans and their coverage of the city targets: 开平市 plans 800亩 of 新增“三旧”改造面积
 * through the work-plan page and submits it, 鹤山市 700亩 through the API; the plan office sees
 * 1,500 of 3,000亩 (50%) with a 缺口 of 1,500亩, then accepts 开平市's plan from its messages.
 */
import { expect, test } from './support/fixtures.js';
import { HESHAN_REPORTER, KAIPING_REPORTER, signInAs, signInAsPlanOffice } from './support/report-accounts.js';
import { confirmPopconfirm, CoveragePage } from './pages/report-pages.js';

const SUBJECT = '新增“三旧”改造面积';

interface WorkPlan {
  id: number;
  version: number;
  milestones: { milestoneId: number; targets: { targetId: number; subject: string }[] }[];
}

test('county shares add up against the city target, with the shortfall shown as 缺口', async ({ page, request, capture }) => {
  test.setTimeout(90_000);

  // 鹤山市 (API): 700亩, submitted.
  const hsCsrf = await signInAs(request, HESHAN_REPORTER);
  const hs = (await (await request.post('/api/v1/plans/1/work-plans', { data: { year: 2022 }, headers: { 'x-csrf-token': hsCsrf } })).json()) as WorkPlan;
  const hsMilestone = hs.milestones.find((m) => m.targets.some((t) => t.subject === SUBJECT))!;
  const hsTarget = hsMilestone.targets.find((t) => t.subject === SUBJECT)!;
  const hsSaved = await request.put(`/api/v1/work-plans/${hs.id}`, {
    data: { version: hs.version, milestones: [{ milestoneId: hsMilestone.milestoneId, action: '推进旧厂房、旧村庄改造', shares: [{ targetId: hsTarget.targetId, share: 700 }] }] },
    headers: { 'x-csrf-token': hsCsrf },
  });
  expect(hsSaved.status(), await hsSaved.text()).toBe(200);
  const submitted = await request.post(`/api/v1/work-plans/${hs.id}/submit`, { data: { version: ((await hsSaved.json()) as WorkPlan).version }, headers: { 'x-csrf-token': hsCsrf } });
  expect(submitted.status()).toBe(200);

  // 开平市 (UI): open the 2022 plan, enter the action and 800亩, save, submit.
  await signInAs(page.request, KAIPING_REPORTER);
  await page.goto('/work-plans');
  await page.getByTestId('work-plan-open').click();
  await expect(page.getByTestId('work-plan-title')).toHaveText('开平市政府2022年度工作计划');
  // A county holds many tasks: show the work items with targets to share.
  await page.getByTestId('work-plan-filter').getByText(/有量化目标/).click();
  const share = page.locator(`[data-testid="work-plan-share"][data-subject="${SUBJECT}"]`);
  await expect(share).toContainText('市级目标 3,000亩');
  const milestone = page.getByTestId('work-plan-milestone').filter({ has: share });
  await milestone.getByTestId('work-plan-action').fill('推进三埠、长沙街道旧厂房改造');
  await share.getByTestId('work-plan-share-input').fill('800');
  await page.getByTestId('work-plan-save').click();
  await expect(page.getByTestId('work-plan-notice')).toContainText('已保存');
  await capture('report-15-work-plan');
  await page.getByTestId('work-plan-submit').click();
  await confirmPopconfirm(page);
  await expect(page.getByTestId('work-plan-status')).toHaveText('已提交');

  // The plan office: coverage for 2022.
  await signInAsPlanOffice(page);
  const coverage = new CoveragePage(page);
  await coverage.open(2022);
  await expect(page.getByRole('heading', { name: '2022年任务分解覆盖情况' })).toBeVisible();
  const row = coverage.row(SUBJECT);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('3,000亩');
  await expect(row.locator('[data-testid="coverage-county"][data-unit="开平市政府"]')).toContainText('800亩');
  await expect(row.locator('[data-testid="coverage-county"][data-unit="开平市政府"]')).toContainText('已提交');
  await expect(row.locator('[data-testid="coverage-county"][data-unit="鹤山市政府"]')).toContainText('700亩');
  await expect(row.getByTestId('coverage-total')).toHaveText('1,500亩');
  await expect(row.getByTestId('coverage-ratio')).toContainText('50%');
  await expect(row.getByTestId('coverage-gap')).toHaveText('缺口 1,500亩');
  await expect(row).toHaveAttribute('data-shortfall', 'true');
  await expect(coverage.alert).toContainText('存在缺口');
  await capture('report-16-coverage');

  // Only the short ones.
  await page.getByTestId('coverage-only-short').click();
  await expect(page).toHaveURL(/short=1/);
  await expect(coverage.table.locator('tr[data-shortfall="false"]')).toHaveCount(0);
  await expect(row).toHaveCount(1);

  // The plan office accepts 开平市's plan, found among the plans sent to it.
  await page.goto('/work-plans');
  await page.getByTestId('submitted-work-plans').getByRole('link', { name: /开平市政府2022年度工作计划/ }).click();
  await expect(page.getByTestId('work-plan-title')).toHaveText('开平市政府2022年度工作计划');
  await page.getByTestId('work-plan-accept').click();
  await confirmPopconfirm(page);
  await expect(page.getByTestId('work-plan-status')).toHaveText('已采纳');
  await coverage.open(2022);
  await expect(coverage.row(SUBJECT).locator('[data-testid="coverage-county"][data-unit="开平市政府"]')).toContainText('已采纳');
});
