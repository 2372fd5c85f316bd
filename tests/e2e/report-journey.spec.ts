/**
 * The reporting journey for 2022-12 (a locked period the plan office reopens for 市工业和信息化局):
 * the reporter fills task 6's report with a PDF, submits; the unit head approves; the plan office
 * returns it with a reason; the reporter sees the reason, fixes and resubmits; the unit head
 * approves; the plan office accepts; the form is then read-only and an edit is refused.
 */
import { NEW_PASSWORD } from './support/auth.js';
import { expect, test } from './support/fixtures.js';
import { ensureAccount, GXJ_HEAD, GXJ_REPORTER, markActivated, openPeriodFor, signInAs, signInAsPlanOffice, SWJ_REPORTER } from './support/report-accounts.js';
import { ReportFormPage, ReportsListPage, TodoPage } from './pages/report-pages.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test('task 6, 2022-12: fill → submit → approve → returned → fix → resubmit → approve → accept → read-only', async ({ page, request, capture }) => {
  test.setTimeout(120_000);
  // The unit head exists before the submission, so the submission's message reaches them.
  await signInAs(request, GXJ_HEAD);
  await openPeriodFor(request, '2022-12', '市工业和信息化局');
  await openPeriodFor(request, '2022-12', '市商务局');
  const form = new ReportFormPage(page);
  const list = new ReportsListPage(page);
  const todo = new TodoPage(page);

  // 0. A cooperating unit (市商务局, 配合 on task 6) hands its input to the lead unit.
  await signInAs(page.request, SWJ_REPORTER);
  await page.goto('/contributions?task=6&period=2022-12');
  await expect(page.getByTestId('contribution-task')).toContainText('任务6 着力培育新兴产业集群');
  await expect(page.getByTestId('pick-period')).toContainText('2022年12月');
  await page.getByTestId('contribution-text').fill('配合举办新材料产业投资推介会，提供在谈外资项目线索12条。');
  await page.getByTestId('contribution-submit').click();
  await expect(page.getByTestId('contribution-saved')).toContainText('已提交给牵头单位');
  await capture('report-00-contribution');
  await page.request.post('/api/v1/auth/logout', { headers: { 'x-csrf-token': ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken } });

  // 1. The reporter's first sign-in, with the one-time password the CLI printed.
  const otp = ensureAccount(GXJ_REPORTER);
  if (otp) {
    await page.goto('/login?next=%2Freports');
    await page.getByLabel('用户名').fill(GXJ_REPORTER.login);
    await page.getByLabel('密码').fill(otp);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('change-password-form')).toBeVisible();
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await capture('report-01-first-login');
    await page.getByRole('button', { name: /修改密码并继续/ }).click();
    await expect(page).toHaveURL(/\/reports$/);
    markActivated(GXJ_REPORTER.login);
  } else {
    await signInAs(page.request, GXJ_REPORTER);
  }

  // 2. 新建/打开报告: task 6 (the unit leads it), 2022年, 2022年12月.
  await list.open();
  await expect(list.shell.accountName).toContainText('工信局填报员');
  await list.choose('任务6 着力培育新兴产业集群', '2022年', '2022年12月');
  await capture('report-02-open');
  await list.openButton.click();
  await form.expectLoaded();
  await expect(form.title).toHaveText('任务6 着力培育新兴产业集群');
  await expect(form.header.getByTestId('report-unit')).toHaveText('市工业和信息化局');
  await expect(form.header.getByTestId('report-period')).toHaveText('2022年12月');
  await expect(form.header.getByTestId('report-due')).toContainText('2023-01-09');
  await expect(form.status).toHaveText('草稿');
  await expect(form.header.getByTestId('report-author')).toContainText('工信局填报员');
  const reportId = form.id();
  const contribution = page.getByTestId('contribution-item');
  await expect(contribution).toHaveCount(1);
  await expect(contribution).toContainText('市商务局');
  await expect(contribution).toContainText('提供在谈外资项目线索12条');

  // 3. The 2022 milestone with its targets highlighted; status, narrative, values, overall texts.
  await expect(form.milestones).toHaveCount(1);
  await expect(form.milestones.first().locator('mark[data-subject="投资超亿元的产业项目"]')).toHaveText('至少50个投资超亿元的产业项目');
  await expect(form.target('投资超亿元的产业项目')).toContainText('不低于 50个');
  await form.setMilestoneStatus(0, '推进中');
  await form.milestones.first().getByTestId('milestone-narrative').fill('举办新材料产业投资推介会1场，新引进投资超亿元项目38个。');
  await form.targetInput('投资推介活动').fill('1');
  await form.targetInput('投资超亿元的产业项目').fill('38');
  await form.percent.fill('76');
  await form.field('problems').fill('部分项目用地指标不足，落地进度偏慢。');
  await form.field('coordination').fill('请市自然资源局协调重大项目用地指标。');
  await form.field('nextSteps').fill('加快在谈项目签约，推动已签约项目开工。');
  await form.expectAutosaved();

  // 4. Evidence: a small PDF, listed with its download link.
  await form.evidenceInput.setInputFiles({ name: '2022年12月引进项目清单.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(form.evidenceItems).toHaveCount(1);
  await expect(form.evidenceItems.first()).toContainText('2022年12月引进项目清单.pdf');
  await expect(form.evidenceItems.first()).toContainText('PDF');
  const href = await form.evidenceItems.first().getByTestId('evidence-link').getAttribute('href');
  expect((await page.request.get(href!)).status()).toBe(200);
  await capture('report-03-filled');

  // 5. Submit (Idempotency-Key sent): read-only, late (2022-12 was due on 2023-01-09).
  const submitted = page.waitForRequest((r) => r.url().endsWith(`/reports/${reportId}/submit`));
  await form.submit();
  expect((await submitted).headers()['idempotency-key']).toMatch(/^web-[0-9a-f]{32}$/);
  await expect(form.status).toHaveText('已提交');
  await expect(form.header.getByTestId('late-tag')).toHaveText('逾期');
  await expect(form.readOnlyAlert).toContainText('等待单位审核人审核');
  await expect(form.editableControls()).toHaveCount(0);
  await capture('report-04-submitted');

  // 6. The unit head finds it in 我的待办 (待审核) and approves it.
  await signInAs(page.request, GXJ_HEAD);
  await todo.open();
  const approveItem = todo.group('approve').getByTestId('todo-item').filter({ hasText: '任务6' });
  await expect(approveItem).toHaveCount(1);
  await expect(approveItem).toContainText('2022年12月');
  await expect(todo.unread).toContainText('1');
  await expect(todo.inboxItems.first()).toContainText('待审核：任务6');
  await capture('report-05-head-todo');
  await approveItem.getByTestId('todo-action').click();
  await form.expectLoaded();
  await expect(form.target('投资超亿元的产业项目').getByTestId('target-value-text')).toHaveText('38个');
  await form.approve();
  await expect(form.status).toHaveText('单位已审核');
  await expect(form.readOnlyAlert).toContainText('等待市发展改革局（规划办）采纳');

  // 7. The plan office sees it in 审核 (待采纳) and returns it with a reason.
  await signInAsPlanOffice(page);
  await page.goto('/reviews');
  const queued = page.getByTestId('review-table-office').locator('tbody tr').filter({ hasText: '任务6' });
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText('市工业和信息化局');
  await capture('report-06-office-queue');
  await queued.getByTestId('report-link').click();
  await form.expectLoaded();
  await form.returnWith('请补充引进项目清单的签约日期和投资额。');
  await expect(form.status).toHaveText('已退回');
  await capture('report-07-returned-by-office');

  // 8. The reporter sees the reason (message in the inbox, alert on the form), fixes and resubmits.
  await signInAs(page.request, GXJ_REPORTER);
  await todo.open();
  const message = todo.inboxItems.filter({ hasText: '已退回：任务6' });
  await expect(message).toContainText('请补充引进项目清单的签约日期和投资额。');
  await message.getByRole('link').click();
  await form.expectLoaded();
  await expect(form.returnReason).toHaveText('请补充引进项目清单的签约日期和投资额。');
  await expect(form.status).toHaveText('已退回');
  await capture('report-08-reporter-sees-reason');
  await form.targetInput('投资超亿元的产业项目').fill('40');
  await form.milestones.first().getByTestId('milestone-narrative').fill('举办新材料产业投资推介会1场，新引进投资超亿元项目40个（含补充核实的2个）。');
  await form.field('nextSteps').fill('已补充项目清单（含签约日期、投资额）；加快在谈项目签约。');
  await form.evidenceInput.setInputFiles({ name: '项目清单（补充签约日期）.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(form.evidenceItems).toHaveCount(2);
  await form.expectAutosaved();
  await form.submit();
  await expect(form.status).toHaveText('已提交');

  // 9. Approved again, then accepted.
  await signInAs(page.request, GXJ_HEAD);
  await page.goto(`/reports/${reportId}`);
  await form.approve();
  await expect(form.status).toHaveText('单位已审核');
  await signInAsPlanOffice(page);
  await page.goto(`/reports/${reportId}`);
  await form.accept();
  await expect(form.status).toHaveText('已采纳');
  await capture('report-09-accepted');

  // 10. The reporter: read-only, with 更正 offered; an edit is refused by the server.
  const csrf = await signInAs(page.request, GXJ_REPORTER);
  await page.goto(`/reports/${reportId}`);
  await form.expectLoaded();
  await expect(form.status).toHaveText('已采纳');
  await expect(form.readOnlyAlert).toContainText('不能再修改');
  await expect(form.editableControls()).toHaveCount(0);
  await expect(form.saveButton).toHaveCount(0);
  await expect(form.submitButton).toHaveCount(0);
  await expect(form.correctButton).toBeVisible();
  await expect(form.target('投资超亿元的产业项目').getByTestId('target-value-text')).toHaveText('40个');
  await expect(page.getByTestId('text-nextSteps')).toContainText('已补充项目清单');
  const current = (await (await page.request.get(`/api/v1/reports/${reportId}`)).json()) as { version: number };
  const edit = await page.request.put(`/api/v1/reports/${reportId}`, { data: { version: current.version, problems: '改' }, headers: { 'x-csrf-token': csrf } });
  expect(edit.status()).toBe(409);
  expect(((await edit.json()) as { error: { message: string } }).error.message).toContain('已采纳');
  await capture('report-10-read-only');

  // 11. The task's report history lists it.
  await page.getByTestId('task-reports-link').click();
  const rows = page.getByTestId('task-reports-table').locator('tbody tr[data-row-key]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('2022年12月');
  await expect(rows.first()).toContainText('已采纳');
  await expect(rows.first()).toContainText('逾期');
  await capture('report-11-task-history');

  // 12. 更正: a new revision (draft) carrying the accepted content; both stay listed.
  await rows.first().getByTestId('report-link').click();
  await form.correctButton.click();
  await page.getByRole('dialog').getByTestId('reason-input').fill('统计口径调整：项目数按签约口径');
  await page.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(page).not.toHaveURL(new RegExp(`/reports/${reportId}$`));
  await expect(form.status).toHaveText('草稿');
  await expect(page.getByTestId('correction-alert')).toContainText('统计口径调整');
  await expect(form.header.getByTestId('report-revision')).toContainText('第2版');
  await expect(form.targetInput('投资超亿元的产业项目')).toHaveValue('40');
  await expect(page.getByTestId('revision-item')).toHaveCount(2);
  await expect(page.getByTestId('revision-item').first()).toContainText('已采纳');
  await capture('report-12-correction');
});
