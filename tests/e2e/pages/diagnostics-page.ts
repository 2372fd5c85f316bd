/** 导入诊断 (/diagnostics): needs a signed-in plan office or leader account. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell.js';

export class DiagnosticsPage {
  readonly shell: AppShell;
  readonly rows: Locator;
  readonly severityFilter: Locator;
  readonly accessTitle: Locator;
  readonly loginButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.rows = page.getByTestId('diagnostics-table').locator('tbody tr[data-row-key]');
    this.severityFilter = page.getByTestId('severity-filter');
    this.accessTitle = page.getByTestId('access-title');
    this.loginButton = page.getByTestId('access-login');
  }

  async open(query = ''): Promise<void> {
    await this.shell.open(`/diagnostics${query}`);
  }

  async expectTable(): Promise<void> {
    await expect(this.rows.first()).toBeVisible();
  }

  async filterSeverity(label: string | RegExp): Promise<void> {
    await this.severityFilter.getByText(label).click();
  }

  rowsOf(severity: 'error' | 'warning' | 'info'): Locator {
    return this.page.getByTestId('diagnostics-table').locator(`tbody tr.diagnostic-${severity}`);
  }
}
