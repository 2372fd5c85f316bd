/** 任务详情 (/tasks/:no). */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell.js';

export class TaskDetailPage {
  readonly shell: AppShell;
  readonly title: Locator;
  readonly content: Locator;
  readonly bodyContent: Locator;
  readonly units: Locator;
  readonly milestones: Locator;
  readonly milestoneGroups: Locator;
  readonly marks: Locator;
  readonly targetRows: Locator;
  readonly tooltip: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.title = page.getByTestId('task-title');
    this.content = page.getByTestId('task-content');
    this.bodyContent = page.getByTestId('task-body-content');
    this.units = page.getByTestId('task-units');
    this.milestones = page.getByTestId('milestone');
    this.milestoneGroups = page.getByTestId('milestone-group');
    this.marks = page.getByTestId('target-mark');
    this.targetRows = page.getByTestId('task-targets').locator('tbody tr[data-row-key]');
    this.tooltip = page.getByTestId('target-tooltip');
  }

  async open(no: number | string): Promise<void> {
    await this.shell.open(`/tasks/${no}`);
  }

  /** Highlighted targets with this subject. */
  marksFor(subject: string): Locator {
    return this.page.locator(`mark[data-testid="target-mark"][data-subject="${subject}"]`);
  }

  async expectLoaded(no: number): Promise<void> {
    await expect(this.title).toContainText(`${no}`);
  }
}
