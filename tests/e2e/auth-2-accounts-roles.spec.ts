/**
 * 账户管理 and 角色分配 (三权分立): sysadmin creates an account and sees its one-time password
 * once, disables/enables it and resets its password; secadmin signs in for the first time,
 * assigns 填报员 to it, and is refused two administrator roles with the 三权分立 message.
 */
import { expect, test } from './support/fixtures.js';
import { initialPassword, signInThroughUi, submitLogin, submitPasswordChange, uniqueLogin, NEW_PASSWORD } from './support/auth-helpers.js';
import { AccountsPage, RolesPage } from './pages/admin-pages.js';

test('sysadmin creates an account (one-time password shown once); secadmin assigns 填报员 and is refused two admin roles', async ({ page, capture, allowConsoleErrors }) => {
  allowConsoleErrors(/status of (400|401|403|409)/);
  test.setTimeout(90_000); // a whole journey: several sign-ins (Argon2 hashing) and pages
  const login = uniqueLogin('tianbao');
  const accounts = new AccountsPage(page);

  await signInThroughUi(page, 'sysadmin');
  await accounts.shell.navLink('账户管理').click();
  await expect(accounts.row('sysadmin')).toBeVisible();
  await expect(accounts.row('planoffice').getByTestId('account-roles')).toHaveText('规划办');
  await capture('admin-01-accounts');

  const password = await accounts.create({ login, name: '李填报', unit: '台山市人民政府', phone: '13812345678' });
  expect(password).toMatch(/^\S{16}$/);
  await expect(page.getByRole('dialog', { name: '账户已创建' })).toBeVisible();
  await expect(accounts.otpModal).toContainText('一次性密码只显示这一次');
  await expect(accounts.otpModal).toContainText('首次登录时必须修改');
  await expect(page.getByTestId('otp-copy')).toBeVisible();
  await capture('admin-02-one-time-password');
  await accounts.closeOtp();
  await expect(accounts.oneTimePassword).toHaveCount(0);

  const row = accounts.row(login);
  await expect(row).toContainText('李填报');
  await expect(row).toContainText('台山市人民政府');
  await expect(row).toContainText('138****5678');
  await expect(row).not.toContainText('13812345678');
  await expect(row).toContainText('未分配角色');
  await expect(row.getByTestId('account-state')).toContainText('正常');
  await expect(row.getByTestId('account-state')).toContainText('待修改密码');
  await expect(row).toContainText('从未登录');

  // 停用 with a reason, then 启用.
  await row.getByTestId('action-disable').click();
  await page.getByTestId('disable-reason').fill('岗位调整');
  await page.getByTestId('disable-submit').click();
  await expect(row.getByTestId('account-state')).toContainText('已停用');
  await expect(row.getByTestId('disabled-reason')).toHaveText('岗位调整');
  await row.getByTestId('action-enable').click();
  await expect(row.getByTestId('account-state')).toContainText('正常');

  // 重置密码: a new one-time password, shown once.
  await row.getByTestId('action-reset').click();
  await page.getByRole('button', { name: '重置密码' }).last().click();
  await expect(page.getByRole('dialog', { name: '密码已重置' })).toBeVisible();
  const reset = (await accounts.oneTimePassword.textContent())!.trim();
  expect(reset).toMatch(/^\S{16}$/);
  expect(reset).not.toBe(password);
  await accounts.closeOtp();

  // sysadmin cannot disable itself: the server's refusal is shown as it comes.
  await accounts.row('sysadmin').getByTestId('action-disable').click();
  await page.getByTestId('disable-submit').click();
  await expect(page.getByTestId('disable-error')).toHaveText('不能停用自己的账户');
  await page.getByRole('dialog', { name: /停用账户/ }).getByRole('button', { name: /^取\s*消$/ }).click();
  await page.getByTestId('logout').click();
  await expect(accounts.shell.loginLink).toBeVisible();

  // secadmin: first login (one-time password → 修改密码), then only its own pages.
  await page.goto('/login');
  await submitLogin(page, 'secadmin', initialPassword('secadmin'));
  await expect(page.getByTestId('change-password-title')).toBeVisible();
  await submitPasswordChange(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('side-menu-group-admin').getByRole('link')).toHaveText(['角色分配', '安全策略']);

  const roles = new RolesPage(page);
  await roles.shell.navLink('角色分配').click();
  await roles.edit(login);
  await roles.role('填报员').check();
  await roles.saveButton.click();
  await expect(roles.editor).toBeHidden();
  await expect(roles.row(login).getByTestId('account-roles')).toHaveText('填报员');
  await capture('admin-03-roles');

  // Two administrator roles: warned while ticking, refused by the server, nothing changed.
  await roles.edit(login);
  await roles.role('填报员').uncheck();
  await roles.role('系统管理员').check();
  await roles.role('审计管理员').check();
  await expect(roles.hints).toContainText('三权分立：同一账户不能同时担任系统管理员和审计管理员');
  await roles.saveButton.click();
  await expect(roles.error).toHaveText('三权分立：同一账户不能同时担任系统管理员和审计管理员');
  await capture('admin-04-roles-refused');
  await page.getByRole('dialog', { name: /分配角色/ }).getByRole('button', { name: /^取\s*消$/ }).click();
  await expect(roles.row(login).getByTestId('account-roles')).toHaveText('填报员');

  // Own roles: the server refuses, and says so.
  await roles.edit('secadmin');
  await expect(roles.hints).toContainText('不能修改自己的角色');
  await roles.role('市领导').check();
  await roles.saveButton.click();
  await expect(roles.error).toHaveText('不能修改自己的角色');
  await page.getByRole('dialog', { name: /分配角色/ }).getByRole('button', { name: /^取\s*消$/ }).click();

  // 安全策略: units on every field; a change is saved (and audited).
  await roles.shell.navLink('安全策略').click();
  const history = page.getByTestId('policy-passwordHistory');
  await expect(history).toHaveValue('5');
  await expect(page.getByTestId('policy-form')).toContainText('分钟');
  await expect(page.getByTestId('policy-form')).toContainText('小时');
  await capture('admin-05-policy');
  await history.fill('6');
  await page.getByTestId('policy-save').click();
  await expect(page.getByText('安全策略已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('policy-passwordHistory')).toHaveValue('6');

  // English: the same page, with units in English.
  await roles.shell.switchLanguage();
  await expect(page.getByRole('heading', { name: 'Security policy' })).toBeVisible();
  await expect(page.getByTestId('side-menu-group-admin')).toContainText('Administration');
  await expect(page.getByTestId('policy-form')).toContainText('minutes');
  await capture('admin-09-policy-en');
});
