import { NEW_PASSWORD, signIn } from './support/auth.js';
import { expect, test } from './support/fixtures.js';
import { DiagnosticsPage } from './pages/diagnostics-page.js';

test('导入诊断 asks to sign in, then lists the 13 findings with the 东成镇 warning', async ({ page, capture, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 401/);
  const diagnostics = new DiagnosticsPage(page);
  await diagnostics.open();
  await expect(diagnostics.accessTitle).toHaveText('需要登录');
  await expect(page.getByTestId('error-message')).toContainText('请先登录');
  await expect(diagnostics.loginButton).toBeVisible();

  await signIn(page.request);
  await page.reload();
  await diagnostics.expectTable();
  await expect(diagnostics.rows).toHaveCount(13);
  await expect(diagnostics.shell.accountName).toContainText('规划办');

  const dongcheng = diagnostics.rows.filter({ hasText: '东城镇' });
  await expect(dongcheng).toHaveCount(1);
  await expect(dongcheng).toContainText('警告');
  await expect(dongcheng).toContainText('division.townNameDiffers');
  await expect(dongcheng).toContainText('原文第192行');
  await expect(dongcheng).toContainText('已匹配为“东成镇”（440785109000）');
  await expect(dongcheng).toContainText('核对是否应写作“东成镇”');
  await capture('07-diagnostics');

  await diagnostics.filterSeverity(/警告/);
  await expect(diagnostics.rows).toHaveCount(8);
  await expect(diagnostics.rowsOf('info')).toHaveCount(0);
  await expect(page).toHaveURL(/severity=warning/);
  await diagnostics.filterSeverity(/提示/);
  await expect(diagnostics.rows).toHaveCount(5);

  await page.getByTestId('logout').click();
  await expect(diagnostics.accessTitle).toHaveText('需要登录');
});

test('signing in through the login page returns to the diagnostics', async ({ page, capture, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 401/);
  await signIn(page.request); // make sure the one-time password has been changed
  await page.request.post('/api/v1/auth/logout', { headers: { 'x-csrf-token': (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken } });
  const diagnostics = new DiagnosticsPage(page);
  await diagnostics.open();
  await diagnostics.loginButton.click();
  await expect(page).toHaveURL(/\/login\?next=%2Fdiagnostics/);
  await expect(page.getByTestId('login-form')).toBeVisible();
  await capture('10-login');
  await page.getByLabel('用户名').fill('planoffice');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('auth-error')).toContainText('用户名或密码错误');
  await page.getByLabel('密码').fill(NEW_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/diagnostics$/);
  await diagnostics.expectTable();
  await expect(diagnostics.rows).toHaveCount(13);
});
