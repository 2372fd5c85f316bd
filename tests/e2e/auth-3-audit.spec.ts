/**
 * 审计日志: auditadmin signs in for the first time and sees the login, account and role events
 * (made here through the API so the file also runs alone), filters by action, expands a row
 * to its before/after, verifies the hash chain and downloads the Excel export, read back with
 * exceljs.
 */
import ExcelJS from 'exceljs';
import { expect, test } from './support/fixtures.js';
import { apiSession, initialPassword, NEW_PASSWORD, submitLogin, submitPasswordChange, uniqueLogin } from './support/auth-helpers.js';
import { AuditPage } from './pages/admin-pages.js';

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
};

test('auditadmin sees login/account/role events, filters by action, verifies the chain and exports Excel', async ({ page, capture, allowConsoleErrors }) => {
  allowConsoleErrors(/status of (400|401)/);
  test.setTimeout(90_000); // a whole journey: several sign-ins (Argon2 hashing) and pages
  // Events to look for: an account created by sysadmin, given 填报员 by secadmin, and a failed login.
  const login = uniqueLogin('shenji');
  const sys = await apiSession('sysadmin');
  const created = await sys.api.post('/api/v1/admin/users', { data: { login, displayName: '王审计对象' }, headers: { 'x-csrf-token': sys.csrf } });
  expect(created.status(), await created.text()).toBe(200);
  const accountId = ((await created.json()) as { account: { id: number } }).account.id;
  await sys.dispose();
  const sec = await apiSession('secadmin');
  const assigned = await sec.api.put(`/api/v1/admin/users/${accountId}/roles`, { data: { roles: ['reporter'] }, headers: { 'x-csrf-token': sec.csrf } });
  expect(assigned.status(), await assigned.text()).toBe(200);
  await sec.dispose();

  // auditadmin: first login, then only the audit trail in 系统管理.
  await page.goto('/login?next=%2Fadmin%2Faudit');
  await submitLogin(page, 'auditadmin', initialPassword('auditadmin'));
  await submitPasswordChange(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByTestId('side-menu-group-admin').getByRole('link')).toHaveText(['审计日志']);

  const audit = new AuditPage(page);
  await expect(audit.rows.first()).toBeVisible();
  // Newest first: auditadmin's own login and password change are on top.
  const actions = await audit.actions();
  expect(actions.slice(0, 5)).toEqual(expect.arrayContaining(['auth.login', 'account.changePassword']));
  for (const action of ['auth.login', 'account.create', 'account.roles']) expect(actions, action).toContain(action);
  await expect(audit.rows.filter({ hasText: 'auditadmin' }).first()).toContainText('审计管理员');
  await expect(audit.rows.first()).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await capture('admin-06-audit');

  // Filter by action prefix: only account.* rows; the filter lives in the URL.
  await audit.filter({ action: 'account.' });
  await expect(page).toHaveURL(/action=account\./);
  await expect(audit.rows.first()).toBeVisible();
  for (const action of await audit.actions()) expect(action).toMatch(/^account\./);

  // The role assignment, expanded: roles before [] and after ["reporter"].
  await audit.filter({ action: 'account.roles' });
  const roleRow = audit.rows.filter({ hasText: `account ${accountId}` });
  await expect(roleRow).toHaveCount(1);
  await expect(roleRow).toContainText('secadmin');
  await expect(roleRow).toContainText('成功');
  await roleRow.getByRole('button', { name: /展开行|Expand row/ }).click();
  const change = page.getByTestId('audit-change');
  await expect(change.locator('tr[data-change="changed"]')).toContainText('roles');
  await expect(change.locator('tr[data-change="changed"]')).toContainText('[]');
  await expect(change.locator('tr[data-change="changed"]')).toContainText('["reporter"]');
  await capture('admin-07-audit-expanded');

  // Failed logins (the wrong password of the login journey, when run together).
  await audit.filter({ action: 'auth.login', outcome: '失败' });
  await expect(page).toHaveURL(/outcome=failure/);
  await expect(audit.rows.first()).toBeVisible();
  await expect(audit.rows.first().getByTestId('outcome-failure')).toHaveText('失败');

  // 校验哈希链: intact.
  await audit.verifyButton.click();
  await expect(audit.verifyResult).toHaveAttribute('data-ok', 'true');
  await expect(audit.verifyResult).toContainText(/哈希链完整：已校验 \d+ 条记录/);
  await capture('admin-08-audit-verified');

  // 导出 Excel with the account.* filter: the header row and every matching row.
  await page.getByTestId('filter-reset').click();
  await expect(page).not.toHaveURL(/outcome=/);
  await expect(page.getByTestId('filter-action').locator('input')).toHaveValue('');
  await audit.filter({ action: 'account.' });
  const total = Number((await audit.total.textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThanOrEqual(3);
  await expect(audit.exportButton).toHaveAttribute('href', /\/api\/v1\/admin\/audit\/export\.xlsx\?action=account\.$/);
  const [download] = await Promise.all([page.waitForEvent('download'), audit.exportButton.click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText)));
  expect(rows[0]!.slice(0, 9)).toEqual(['序号', '时间', '操作人', '角色', '来源IP', '操作', '对象', '结果', '说明']);
  const body = rows.slice(1);
  expect(body).toHaveLength(total);
  for (const cells of body) expect(cells[5]).toMatch(/^account\./);
  const exportedRole = body.find((cells) => cells[5] === 'account.roles' && cells[6] === `account ${accountId}`);
  expect(exportedRole, 'the role assignment is exported').toBeDefined();
  expect(exportedRole![2]).toBe('secadmin');
  expect(exportedRole![7]).toBe('成功');
});
