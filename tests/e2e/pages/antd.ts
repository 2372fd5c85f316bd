/** Helpers for antd widgets whose popups render outside the component. */
import type { Locator, Page } from '@playwright/test';

/** Open an antd Select and pick the option titled `option`. */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').getByText(option, { exact: true }).click();
}
