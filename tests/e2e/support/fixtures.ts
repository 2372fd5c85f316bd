/**
 * Shared e2e fixtures: every test fails on an uncaught page error or an unexpected console
 * error, and `capture(name)` keeps a full-page image in test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = path.join('test-results', 'screenshots');

interface Fixtures {
  /** Console errors matching one of these are expected (e.g. a deliberate 401). */
  allowConsoleErrors: (pattern: RegExp) => void;
  /** Save a full-page screenshot as test-results/screenshots/<name>.png. */
  capture: (name: string, options?: { keepPointer?: boolean }) => Promise<void>;
}

export const test = base.extend<Fixtures & { consoleGuard: void }>({
  consoleGuard: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      await use();
      const allowed = (page as Page & { __allowed?: RegExp[] }).__allowed ?? [];
      expect(errors.filter((e) => !allowed.some((pattern) => pattern.test(e)))).toEqual([]);
    },
    { auto: true },
  ],
  allowConsoleErrors: async ({ page }, use) => {
    await use((pattern) => {
      const p = page as Page & { __allowed?: RegExp[] };
      (p.__allowed ??= []).push(pattern);
    });
  },
  capture: async ({ page }, use) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await use(async (name, options = {}) => {
      const target = page;
      // Park the pointer so no stray tooltip shows, unless the tooltip is the point.
      if (!options.keepPointer) await target.mouse.move(1, 300);
      // From the top (the header is sticky), with fonts loaded, so the artefact shows what a user sees.
      await target.evaluate(async () => {
        window.scrollTo(0, 0);
        await document.fonts.ready;
      });
      await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    });
  },
});

export { expect };
