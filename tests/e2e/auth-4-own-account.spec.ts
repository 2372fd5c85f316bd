/**
 * The signed-in account's own pages: 修改密码 from the account menu (policy problems listed,
 * a wrong current password shown under its field) and 动态验证码 (secret in groups of four, the
 * otpauth link, a wrong then a right code); and, while the policy requires TOTP, a unit head is
 * taken to the set-up right after the first-login password change.
 */
import { expect, test } from './support/fixtures.js';
import { apiSession, NEW_PASSWORD, submitLogin, submitPasswordChange, totpCode, uniqueLogin } from './support/auth-helpers.js';

/** A new account with `roles`, created by sysadmin and granted by secadmin; returns its one-time password. */
async function newAccount(login: string, displayName: string, roles: string[]): Promise<string> {
  const sys = await apiSession('sysadmin');
  const created = await sys.api.post('/api/v1/admin/users', { data: { login, displayName }, headers: { 'x-csrf-token': sys.csrf } });
  expect(created.status(), await created.text()).toBe(200);
  const { account, oneTimePassword } = (await created.json()) as { account: { id: number }; oneTimePassword: string };
  await sys.dispose();
  const sec = await apiSession('secadmin');
  const assigned = await sec.api.put(`/api/v1/admin/users/${account.id}/roles`, { data: { roles }, headers: { 'x-csrf-token': sec.csrf } });
  expect(assigned.status(), await assigned.text()).toBe(200);
  await sec.dispose();
  return oneTimePassword;
}

test('修改密码 from the account menu lists the policy problems; 动态验证码 is set up with the app’s code', async ({ page, capture, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 400/);
  const login = uniqueLogin('zhang');
  const oneTime = await newAccount(login, '张自助', ['reporter']);
  await page.goto('/login');
  await submitLogin(page, login, oneTime);
  await submitPasswordChange(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/$/);

  // 修改密码, reached from the account menu.
  await page.getByTestId('account-name').click();
  await expect(page.getByTestId('account-popover')).toContainText('填报员');
  await capture('auth-04-account-menu', { keepPointer: true });
  await page.getByTestId('menu-change-password').click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
  await submitPasswordChange(page, `${login}-Aa1!`, NEW_PASSWORD);
  await expect(page.getByTestId('password-problems')).toContainText('密码不能包含用户名');
  await submitPasswordChange(page, 'Another-Pass-2026!', 'not-my-password');
  await expect(page.getByTestId('change-password-form')).toContainText('当前密码不正确');
  await capture('auth-05-change-password');
  await submitPasswordChange(page, 'Another-Pass-2026!', NEW_PASSWORD);
  await expect(page.getByTestId('password-changed')).toBeVisible();

  // 动态验证码: the secret in groups of four and the otpauth link, then the app's code.
  await page.getByTestId('account-name').click();
  await page.getByTestId('menu-totp').click();
  await expect(page).toHaveURL(/\/account\/totp$/);
  const secretEl = page.getByTestId('totp-secret');
  await expect(secretEl).toHaveText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  const secret = (await secretEl.getAttribute('data-secret'))!;
  expect((await secretEl.textContent())!.replace(/ /g, '')).toBe(secret);
  await expect(page.getByTestId('totp-uri')).toHaveText(new RegExp(`^otpauth://totp/.+${login}\\?secret=${secret}&`));
  await expect(page.getByTestId('totp-code')).toBeEnabled();
  await capture('auth-06-totp-setup');
  await page.getByTestId('totp-code').fill('000000' === totpCode(secret) ? '111111' : '000000');
  await page.getByTestId('totp-enable').click();
  await expect(page.getByTestId('totp-error')).toContainText('动态验证码不正确');
  await page.getByTestId('totp-code').fill(totpCode(secret));
  await page.getByTestId('totp-enable').click();
  await expect(page.getByTestId('totp-enabled')).toHaveText('已启用动态验证码');
});

test('while the policy requires TOTP, a unit head goes from the password change to the TOTP set-up, then on', async ({ page, capture }) => {
  const login = uniqueLogin('shenhe');
  const oneTime = await newAccount(login, '赵审核', ['unitHead']);
  const sec = await apiSession('secadmin');
  const policyOf = async () => (await (await sec.api.get('/api/v1/admin/policy')).json()) as Record<string, unknown>;
  const policy = await policyOf();
  const put = (totpRequired: boolean) => sec.api.put('/api/v1/admin/policy', { data: { ...policy, totpRequired }, headers: { 'x-csrf-token': sec.csrf } });
  expect((await put(true)).status()).toBe(200);
  try {
    await page.goto('/login?next=%2Ftasks');
    await submitLogin(page, login, oneTime);
    await submitPasswordChange(page, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/account\/totp\?next=%2Ftasks$/);
    await expect(page.getByTestId('totp-forced')).toContainText('安全策略要求您启用动态验证码');
    // Elsewhere is not reachable until it is done.
    await page.goto('/zones');
    await expect(page).toHaveURL(/\/account\/totp\?next=%2Fzones$/);
    await expect(page.getByTestId('totp-code')).toBeEnabled();
    await capture('auth-07-totp-required');
    const secret = (await page.getByTestId('totp-secret').getAttribute('data-secret'))!;
    await page.getByTestId('totp-code').fill(totpCode(secret));
    await page.getByTestId('totp-enable').click();
    await expect(page).toHaveURL(/\/zones$/);
    await expect(page.getByTestId('account-name')).toContainText('赵审核');
  } finally {
    // secadmin itself now needs TOTP before it may change the policy back.
    const setup = (await (await sec.api.post('/api/v1/auth/totp/setup', { headers: { 'x-csrf-token': sec.csrf } })).json()) as { secret: string };
    const enabled = await sec.api.post('/api/v1/auth/totp/enable', { data: { secret: setup.secret, code: totpCode(setup.secret) }, headers: { 'x-csrf-token': sec.csrf } });
    expect(enabled.status(), await enabled.text()).toBe(200);
    expect((await put(false)).status()).toBe(200);
    expect((await policyOf()).totpRequired).toBe(false);
    await sec.dispose();
  }
});
