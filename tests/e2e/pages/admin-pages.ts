/** Page models of the administration pages (账户管理, 角色分配, 安全策略, 审计日志) and the own-account pages. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell.js';

/** 账户管理 (/admin/accounts). */
export class AccountsPage {
  readonly shell: AppShell;
  readonly createButton: Locator;
  readonly table: Locator;
  readonly otpModal: Locator;
  readonly oneTimePassword: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.createButton = page.getByTestId('create-account');
    this.table = page.getByTestId('accounts-table');
    this.otpModal = page.getByTestId('otp-modal');
    this.oneTimePassword = page.getByTestId('one-time-password');
  }

  row(login: string): Locator {
    return this.page.getByTestId(`account-${login}`);
  }

  /** 新建账户 → the one-time password shown. */
  async create(input: { login: string; name: string; unit?: string; phone?: string }): Promise<string> {
    await this.createButton.click();
    const form = this.page.getByTestId('create-form');
    await form.getByLabel('用户名').fill(input.login);
    await form.getByLabel('姓名').fill(input.name);
    if (input.unit) await form.getByLabel('单位').fill(input.unit);
    if (input.phone) await form.getByLabel('电话').fill(input.phone);
    await this.page.getByTestId('create-submit').click();
    await expect(this.otpModal).toBeVisible();
    return (await this.oneTimePassword.textContent())!.trim();
  }

  async closeOtp(): Promise<void> {
    await this.page.getByTestId('otp-close').click();
    await expect(this.otpModal).toBeHidden();
  }
}

/** 角色分配 (/admin/roles). */
export class RolesPage {
  readonly shell: AppShell;
  readonly editor: Locator;
  readonly saveButton: Locator;
  readonly hints: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.editor = page.getByTestId('role-editor');
    this.saveButton = page.getByTestId('roles-save');
    this.hints = page.getByTestId('role-hints');
    this.error = page.getByTestId('role-error');
  }

  row(login: string): Locator {
    return this.page.getByTestId(`account-${login}`);
  }

  async edit(login: string): Promise<void> {
    await this.row(login).getByTestId('action-roles').click();
    await expect(this.editor).toBeVisible();
  }

  role(name: string): Locator {
    return this.editor.getByRole('checkbox', { name, exact: true });
  }
}

/** 审计日志 (/admin/audit). */
export class AuditPage {
  readonly shell: AppShell;
  readonly rows: Locator;
  readonly actionCodes: Locator;
  readonly total: Locator;
  readonly verifyButton: Locator;
  readonly verifyResult: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.rows = page.getByTestId('audit-table').locator('tbody tr.audit-row');
    this.actionCodes = page.getByTestId('audit-table').getByTestId('audit-action');
    this.total = page.getByTestId('audit-total');
    this.verifyButton = page.getByTestId('audit-verify');
    this.verifyResult = page.getByTestId('verify-result');
    this.exportButton = page.getByTestId('audit-export');
  }

  async open(query = ''): Promise<void> {
    await this.shell.open(`/admin/audit${query}`);
    await expect(this.rows.first()).toBeVisible();
  }

  /** Set the action prefix (and optionally the outcome) and 查询. */
  async filter(options: { action?: string; outcome?: '成功' | '失败' | '拒绝'; actor?: string }): Promise<void> {
    const filters = this.page.getByTestId('audit-filters');
    if (options.action !== undefined) {
      const input = filters.getByTestId('filter-action').locator('input');
      await input.fill(options.action);
      await input.press('Escape');
      await expect(input).toHaveValue(options.action);
    }
    if (options.actor !== undefined) await filters.getByTestId('filter-actor').fill(options.actor);
    if (options.outcome) {
      await filters.getByTestId('filter-outcome').click();
      await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').getByText(options.outcome, { exact: true }).click();
    }
    // The table keeps the previous page on screen until the new one arrives: wait for it.
    await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/admin/audit' && r.request().method() === 'GET'),
      filters.getByTestId('filter-apply').click(),
    ]);
  }

  /** Action codes of the rows shown. */
  async actions(): Promise<string[]> {
    return (await this.actionCodes.allTextContents()).map((s) => s.trim());
  }
}
