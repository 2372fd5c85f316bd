/** 差异化考核 pages: results (/assessment), a county's explanation, scheme, values, indicator catalogue. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AssessmentResultsPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly chart: Locator;
  readonly methodPanel: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('assessment-results-page');
    this.rows = page.getByTestId('result-row');
    this.chart = page.getByTestId('ranking-chart');
    this.methodPanel = page.getByTestId('method-panel');
  }

  async open(baseURL: string, year: number): Promise<void> {
    await this.page.goto(`${baseURL}/assessment?year=${year}`);
    await expect(this.root).toBeVisible();
  }

  row(county: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('county-link').filter({ hasText: county }) });
  }
}

export class CountyExplanationPage {
  readonly root: Locator;
  readonly profile: Locator;
  readonly total: Locator;
  readonly contributions: Locator;
  readonly radar: Locator;
  readonly indicatorRows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('assessment-county-page');
    this.profile = this.root.getByTestId('county-profile');
    this.total = this.root.getByTestId('county-total');
    this.contributions = this.root.getByTestId('indicator-contribution');
    this.radar = this.root.getByTestId('county-radar');
    this.indicatorRows = this.root.getByTestId('indicator-row');
  }

  /** The contributions as shown (2 decimals) and at full precision (data-value). */
  async contributionValues(): Promise<{ shown: number[]; exact: number[] }> {
    const shown: number[] = [];
    const exact: number[] = [];
    for (const cell of await this.contributions.all()) {
      const text = (await cell.textContent())!.trim();
      if (text === '—') continue;
      shown.push(Number(text));
      exact.push(Number(await cell.getAttribute('data-value')));
    }
    return { shown, exact };
  }
}
