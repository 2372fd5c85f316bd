/** 责任矩阵 (/matrix). */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell.js';

export class MatrixPage {
  readonly shell: AppShell;
  readonly rows: Locator;
  readonly count: Locator;
  readonly kindFilter: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.rows = page.getByTestId('matrix-table').locator('tbody tr[data-row-key]');
    this.count = page.getByTestId('matrix-count');
    this.kindFilter = page.getByTestId('kind-filter');
  }

  async open(): Promise<void> {
    await this.shell.open('/matrix');
    await expect(this.rows.first()).toBeVisible();
  }

  /** Unit names in row order. */
  async unitNames(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
  }

  row(unit: string): Locator {
    return this.page.getByTestId('matrix-table').locator(`tbody tr[data-row-key="${unit}"]`);
  }

  async filterKind(label: string | RegExp): Promise<void> {
    await this.kindFilter.getByText(label).click();
  }

  /** Click a load column header (牵头 / 配合 / 合计) to sort; the first click sorts descending. */
  async sortBy(header: string): Promise<void> {
    await this.page.getByTestId('matrix-table').locator('thead th', { hasText: new RegExp(`^${header}$`) }).click();
  }
}
