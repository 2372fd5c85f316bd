/** 三区分布 (/zones). */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell.js';

export class ZonesPage {
  readonly shell: AppShell;
  readonly townTags: Locator;
  readonly extensionMarks: Locator;
  readonly extensionTowns: Locator;
  readonly map: Locator;
  readonly mapSvg: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.townTags = page.getByTestId('town-tag');
    this.extensionMarks = page.getByTestId('extension-mark');
    this.extensionTowns = page.getByTestId('extension-town');
    this.map = page.getByTestId('zone-map');
    this.mapSvg = this.map.locator('svg');
  }

  async open(): Promise<void> {
    await this.shell.open('/zones');
    await expect(this.townTags.first()).toBeVisible();
  }

  stat(key: 'zones' | 'counties' | 'towns' | 'extensions'): Locator {
    return this.page.getByTestId(`zones-count-${key}`).locator('.ant-statistic-content-value');
  }

  zoneCard(code: 'core' | 'bay' | 'eco'): Locator {
    return this.page.getByTestId(`zone-${code}`);
  }

  /** Texts drawn in the map's SVG (county labels and legend). */
  async mapTexts(): Promise<string[]> {
    return this.mapSvg.locator('text').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
  }
}
