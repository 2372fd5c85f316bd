/** 重点任务 (/tasks): filters synced to the URL and the task table. */
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd.js';
import { AppShell } from './app-shell.js';

export class TasksPage {
  readonly shell: AppShell;
  readonly rows: Locator;
  readonly count: Locator;
  readonly search: Locator;
  readonly reset: Locator;
  readonly downloadButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.rows = page.getByTestId('tasks-table').locator('tbody tr[data-row-key]');
    this.count = page.getByTestId('task-count');
    this.search = page.getByTestId('filter-q').locator('input');
    this.reset = page.getByTestId('filter-reset');
    this.downloadButton = page.getByTestId('download-division');
  }

  async open(query = ''): Promise<void> {
    await this.shell.open(`/tasks${query}`);
    await expect(this.rows.first()).toBeVisible();
  }

  /** Task numbers of the rows shown, top to bottom. */
  async taskNumbers(): Promise<number[]> {
    return (await this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')))).map(Number);
  }

  /** Wait until the table shows exactly `n` tasks. */
  async expectCount(n: number): Promise<void> {
    await expect(this.count).toHaveAttribute('data-count', String(n));
    await expect(this.rows).toHaveCount(n);
  }

  async filterBy(filter: 'category' | 'zone' | 'county' | 'unit' | 'role' | 'year', option: string): Promise<void> {
    await chooseOption(this.page, this.page.getByTestId(`filter-${filter}`), option);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  taskLink(no: number): Locator {
    return this.page.getByTestId(`task-link-${no}`);
  }
}
