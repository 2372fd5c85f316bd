/** 规划概览 (/). */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell.js';

export class OverviewPage {
  readonly shell: AppShell;
  readonly title: Locator;
  readonly planCode: Locator;
  readonly downloadButton: Locator;
  readonly taskLinks: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.title = page.getByTestId('plan-title');
    this.planCode = page.getByTestId('plan-code');
    this.downloadButton = page.getByTestId('download-division');
    this.taskLinks = page.locator('[data-testid^="overview-task-"]');
  }

  async open(): Promise<void> {
    await this.shell.open('/');
    await expect(this.title).toBeVisible();
  }

  /** The figure shown on a count card (tasks, milestones, targets, units, counties, towns, diagnostics). */
  count(key: string): Locator {
    return this.page.getByTestId(`count-${key}`).locator('.figure-value');
  }

  goal(year: number): Locator {
    return this.page.getByTestId(`goal-${year}`);
  }

  category(no: number): Locator {
    return this.page.getByTestId(`category-${no}`);
  }
}
