/**
 * The report form's checks: a value outside its unit's range is flagged at once and kept out of
 * autosave; 保存 asks the server, whose 400 shows next to the field (task 7's 工业技改投资增速 =
 * 120%). A save on a stale version (someone else saved first) reloads the report and says so.
 */
import { expect, test } from './support/fixtures.js';
import { GXJ_REPORTER, openPeriodFor, signInAs } from './support/report-accounts.js';
import { ReportFormPage, ReportsListPage } from './pages/report-pages.js';

test.beforeEach(async ({ page, request }) => {
  await openPeriodFor(request, '2022-12', '市工业和信息化局');
  await signInAs(page.request, GXJ_REPORTER);
});

test('a percentage of 120 is flagged at once, and the server’s 400 shows next to the field', async ({ page, capture, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 400/);
  const list = new ReportsListPage(page);
  const form = new ReportFormPage(page);
  await list.open();
  await list.openReport('任务7 推动传统产业转型升级', '2022年', '2022年12月');
  await form.expectLoaded();
  await expect(form.title).toContainText('任务7');

  const growth = form.target('工业技改投资增速');
  await expect(growth).toContainText('不低于 5%');
  await form.targetInput('工业技改投资增速').fill('120');
  const local = growth.getByTestId('target-value-error');
  await expect(local).toHaveText('须在0到100之间');
  await expect(local).toHaveAttribute('data-source', 'local');
  await expect(form.autosave).toContainText('有1处内容需要改正');

  // A whole number for a count (个): a fraction is flagged too.
  await form.targetInput('工业互联应用标杆').fill('2.5');
  await expect(form.target('工业互联应用标杆').getByTestId('target-value-error')).toHaveText('须为整数（个）');
  await form.targetInput('工业互联应用标杆').fill('3');
  await expect(form.target('工业互联应用标杆').getByTestId('target-value-error')).toHaveCount(0);

  // 保存 sends it: the server refuses with 400 and its message lands under that input.
  const response = page.waitForResponse((r) => r.url().endsWith(`/api/v1/reports/${form.id()}`) && r.request().method() === 'PUT');
  await form.saveButton.click();
  expect((await response).status()).toBe(400);
  const fromServer = growth.getByTestId('target-value-error');
  await expect(fromServer).toHaveAttribute('data-source', 'server');
  await expect(fromServer).toHaveText('“工业技改投资增速”（%）百分比须在0到100之间');
  await expect(form.autosave).toContainText('有1处内容需要改正');
  await capture('report-13-value-400');

  // Fixed: the error goes and the draft autosaves.
  await form.targetInput('工业技改投资增速').fill('6.5');
  await expect(growth.getByTestId('target-value-error')).toHaveCount(0);
  await form.expectAutosaved();
  const stored = (await (await page.request.get(`/api/v1/reports/${form.id()}`)).json()) as { targets: { subject: string; reported: number | null }[] };
  expect(stored.targets.find((t) => t.subject === '工业技改投资增速')!.reported).toBe(6.5);
  expect(stored.targets.find((t) => t.subject === '工业互联应用标杆')!.reported).toBe(3);
});

test('an autosave on a stale version reloads the report and tells the user', async ({ page, capture, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 409/);
  const list = new ReportsListPage(page);
  const form = new ReportFormPage(page);
  await list.open();
  await list.openReport('任务17 推动制造业绿色发展', '2022年', '2022年12月');
  await form.expectLoaded();
  const id = form.id();

  // Someone else (another tab) saves first.
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const current = (await (await page.request.get(`/api/v1/reports/${id}`)).json()) as { version: number };
  const other = await page.request.put(`/api/v1/reports/${id}`, { data: { version: current.version, problems: '另一窗口填写的问题' }, headers: { 'x-csrf-token': me.csrfToken } });
  expect(other.status()).toBe(200);

  await form.field('nextSteps').fill('本窗口的下一步计划');
  await expect(form.conflictAlert).toBeVisible({ timeout: 15_000 });
  await expect(form.conflictAlert).toContainText('报告已被他人修改');
  await expect(form.conflictAlert).toContainText('已载入最新内容');
  await expect(form.field('problems')).toHaveValue('另一窗口填写的问题');
  await expect(form.field('nextSteps')).toHaveValue('');
  await capture('report-14-conflict');

  // Typing again saves on the new version.
  await form.field('nextSteps').fill('本窗口的下一步计划');
  await form.expectAutosaved();
});
