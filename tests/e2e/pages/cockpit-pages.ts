/** 驾驶舱 (/cockpit) and the supervision pages (/notices, /instructions, /problems, /discipline). */
import { expect, type Locator, type Page } from '@playwright/test';

export const COUNTIES = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'];

export class CockpitPage {
  readonly root: Locator;
  readonly demoBadge: Locator;
  readonly map: Locator;
  readonly mapSvg: Locator;
  readonly drawerTitle: Locator;
  readonly drawerCount: Locator;
  readonly drawerRows: Locator;
  readonly wall: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('cockpit-page');
    this.demoBadge = page.getByTestId('demo-badge');
    this.map = page.getByTestId('cockpit-map');
    this.mapSvg = this.map.locator('svg');
    this.drawerTitle = page.getByTestId('drill-title');
    this.drawerCount = page.getByTestId('drill-count');
    this.drawerRows = page.getByTestId('drill-body').getByTestId('drill-row');
    this.wall = page.getByTestId('cockpit-wall');
  }

  async open(baseURL: string, query = ''): Promise<void> {
    await this.page.goto(`${baseURL}/cockpit${query}`);
    await expect(this.tile('tasks')).toBeVisible();
  }

  /** A clickable figure (tile-<key>, e.g. tasks.red, reports.missing, notices.blue). */
  tile(key: string): Locator {
    return this.page.getByTestId(`tile-${key}`);
  }

  async tileValue(key: string): Promise<number> {
    return Number(await this.tile(key).getAttribute('data-value'));
  }

  /** Texts drawn in the map's SVG (county labels and legend). */
  async mapTexts(): Promise<string[]> {
    return this.mapSvg.locator('text').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
  }

  async drawerCountValue(): Promise<number> {
    return Number(await this.drawerCount.getAttribute('data-count'));
  }

  async closeDrawer(): Promise<void> {
    await this.page.locator('.ant-drawer-close').first().click();
    await expect(this.drawerTitle).toBeHidden();
  }
}

export class NoticesPage {
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('notice-row');
    this.newButton = page.getByTestId('notice-new');
    this.form = page.getByTestId('issue-notice-form');
  }

  async open(baseURL: string): Promise<void> {
    await this.page.goto(`${baseURL}/notices`);
    await expect(this.page.getByTestId('notice-table')).toBeVisible();
  }

  row(id: number): Locator {
    return this.page.locator(`[data-testid="notice-row"][data-id="${id}"]`);
  }
}
