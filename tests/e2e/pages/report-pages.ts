/** Page models of the reporting pages: 进展报告 (list, open form, report form), 我的待办, 审核, coverage. */
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd.js';
import { AppShell } from './app-shell.js';

/** Click the OK button of the open Popconfirm. */
export async function confirmPopconfirm(page: Page): Promise<void> {
  await page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();
}

export class ReportsListPage {
  readonly shell: AppShell;
  readonly openForm: Locator;
  readonly taskSelect: Locator;
  readonly yearSelect: Locator;
  readonly periodSelect: Locator;
  readonly openButton: Locator;
  readonly openError: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.openForm = page.getByTestId('open-report-form');
    this.taskSelect = page.getByTestId('pick-task');
    this.yearSelect = page.getByTestId('pick-year');
    this.periodSelect = page.getByTestId('pick-period');
    this.openButton = page.getByTestId('open-report');
    this.openError = page.getByTestId('open-report-error');
    this.table = page.getByTestId('report-table');
  }

  async open(): Promise<void> {
    await this.shell.open('/reports');
    await expect(this.openForm).toBeVisible();
  }

  /** Pick task and period in 新建/打开报告 and open the report. */
  async openReport(taskLabel: string, yearLabel: string, periodLabel: string): Promise<void> {
    await this.choose(taskLabel, yearLabel, periodLabel);
    await this.openButton.click();
  }

  /** Pick task, year and period in 新建/打开报告. */
  async choose(taskLabel: string, yearLabel: string, periodLabel: string): Promise<void> {
    await chooseOption(this.page, this.taskSelect, taskLabel);
    await chooseOption(this.page, this.yearSelect, yearLabel);
    await expect(this.periodSelect).not.toHaveClass(/ant-select-disabled/);
    await this.periodSelect.click();
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: periodLabel }).first().click();
    await expect(this.periodSelect).toContainText(periodLabel);
  }
}

export class ReportFormPage {
  readonly shell: AppShell;
  readonly form: Locator;
  readonly title: Locator;
  readonly header: Locator;
  readonly status: Locator;
  readonly milestones: Locator;
  readonly autosave: Locator;
  readonly notice: Locator;
  readonly returnReason: Locator;
  readonly readOnlyAlert: Locator;
  readonly conflictAlert: Locator;
  readonly evidenceInput: Locator;
  readonly evidenceItems: Locator;
  readonly saveButton: Locator;
  readonly submitButton: Locator;
  readonly approveButton: Locator;
  readonly acceptButton: Locator;
  readonly returnButton: Locator;
  readonly correctButton: Locator;
  readonly percent: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.form = page.getByTestId('report-form');
    this.title = page.getByTestId('report-title');
    this.header = page.getByTestId('report-header');
    this.status = this.header.getByTestId('report-status');
    this.milestones = page.getByTestId('report-milestone');
    this.autosave = page.getByTestId('autosave-state');
    this.notice = page.getByTestId('report-notice');
    this.returnReason = page.getByTestId('return-reason');
    this.readOnlyAlert = page.getByTestId('read-only-alert');
    this.conflictAlert = page.getByTestId('conflict-alert');
    this.evidenceInput = page.getByTestId('evidence-input');
    this.evidenceItems = page.getByTestId('evidence-item');
    this.saveButton = page.getByTestId('report-save');
    this.submitButton = page.getByTestId('report-submit');
    this.approveButton = page.getByTestId('report-approve');
    this.acceptButton = page.getByTestId('report-accept');
    this.returnButton = page.getByTestId('report-return');
    this.correctButton = page.getByTestId('report-correct');
    this.percent = page.getByTestId('field-percent');
  }

  /** The report's id from the URL. */
  id(): number {
    return Number(/\/reports\/(\d+)/.exec(this.page.url())?.[1]);
  }

  async expectLoaded(): Promise<void> {
    await expect(this.form).toBeVisible();
  }

  /** The row of a target (by subject). */
  target(subject: string): Locator {
    return this.page.locator(`[data-testid="report-target"][data-subject="${subject}"]`);
  }

  /** The value input of a target. */
  targetInput(subject: string): Locator {
    return this.target(subject).getByTestId('target-value');
  }

  async setMilestoneStatus(index: number, status: string): Promise<void> {
    await chooseOption(this.page, this.milestones.nth(index).getByTestId('milestone-status'), status);
  }

  field(key: 'problems' | 'coordination' | 'nextSteps'): Locator {
    return this.page.getByTestId(`field-${key}`);
  }

  /** Wait until autosave says the draft is stored. */
  async expectAutosaved(): Promise<void> {
    await expect(this.autosave).toContainText('已自动保存', { timeout: 15_000 });
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
    await confirmPopconfirm(this.page);
  }

  async approve(): Promise<void> {
    await this.approveButton.click();
    await confirmPopconfirm(this.page);
  }

  async accept(): Promise<void> {
    await this.acceptButton.click();
    await confirmPopconfirm(this.page);
  }

  /** 退回 with a reason through the modal. */
  async returnWith(reason: string): Promise<void> {
    await this.returnButton.click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('reason-input').fill(reason);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect(dialog).toBeHidden();
  }

  /** Editable inputs left in the form (none once read-only). */
  editableControls(): Locator {
    return this.form.locator('input:not([disabled]):not([type="file"]), textarea:not([disabled])');
  }
}

export class TodoPage {
  readonly shell: AppShell;
  readonly groups: Locator;
  readonly items: Locator;
  readonly inbox: Locator;
  readonly inboxItems: Locator;
  readonly unread: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.groups = page.getByTestId('todo-group');
    this.items = page.getByTestId('todo-item');
    this.inbox = page.getByTestId('inbox');
    this.inboxItems = page.getByTestId('inbox-item');
    this.unread = page.getByTestId('inbox-unread');
  }

  async open(): Promise<void> {
    await this.shell.open('/todo');
    await expect(this.inbox).toBeVisible();
  }

  group(kind: string): Locator {
    return this.page.locator(`[data-testid="todo-group"][data-kind="${kind}"]`);
  }
}

export class CoveragePage {
  readonly shell: AppShell;
  readonly table: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.table = page.getByTestId('coverage-table');
    this.alert = page.getByTestId('coverage-alert');
  }

  async open(year: number): Promise<void> {
    await this.shell.open(`/work-plans/coverage?year=${year}`);
    await expect(this.table).toBeVisible();
  }

  row(subject: string): Locator {
    return this.table.locator(`tr[data-target="${subject}"]`);
  }
}
