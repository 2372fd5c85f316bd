/** The shell around every page: header (product, plan, account, language) and side navigation. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppShell {
  readonly productName: Locator;
  readonly planTitle: Locator;
  readonly languageSwitch: Locator;
  readonly sideMenu: Locator;
  readonly loginLink: Locator;
  readonly accountName: Locator;

  constructor(readonly page: Page) {
    this.productName = page.getByTestId('product-name');
    this.planTitle = page.getByTestId('header-plan-title');
    this.languageSwitch = page.getByTestId('language-switch');
    this.sideMenu = page.getByTestId('side-menu');
    this.loginLink = page.getByTestId('login-link');
    this.accountName = page.getByTestId('account-name');
  }

  /** Open `path` and wait for the shell. */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.sideMenu).toBeVisible();
  }

  /** The side-menu link called `name`. */
  navLink(name: string | RegExp): Locator {
    return this.sideMenu.getByRole('link', { name });
  }

  async switchLanguage(): Promise<void> {
    await this.languageSwitch.click();
  }
}
