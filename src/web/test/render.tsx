/** Minimal component-test rendering (no @testing-library): react-dom/client + act in happy-dom. */
import { ConfigProvider } from 'antd';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { I18nProvider } from '../lib/i18n/i18n-context.js';
import type { Language } from '../lib/i18n/dictionary.js';
import { afterAll, beforeAll } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  unmount: () => Promise<void>;
}

/** Render `ui` with the app's providers (language, antd, router at `path`) into the document. */
export async function render(ui: ReactNode, options: { lang?: Language; path?: string } = {}): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root | null = null;
  await act(async () => {
    root = createRoot(container);
    root.render(
      <I18nProvider initial={options.lang ?? 'zh'}>
        <ConfigProvider>
          <MemoryRouter initialEntries={[options.path ?? '/']}>{ui}</MemoryRouter>
        </ConfigProvider>
      </I18nProvider>,
    );
  });
  return {
    container,
    unmount: async () => {
      await act(async () => root?.unmount());
      container.remove();
    },
  };
}

/** Let pending effects, timers and promises settle inside act. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

/**
 * happy-dom does no layout: give every element a size for the tests of this file so ECharts has
 * room to draw (the SVG renderer draws real DOM). Restores the original properties afterwards.
 */
export function withElementSize(width: number, height: number): void {
  const sized = ['clientWidth', 'clientHeight'] as const;
  const original = sized.map((key) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, key));
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  });
  afterAll(() => {
    sized.forEach((key, i) => {
      const descriptor = original[i];
      if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
    });
  });
}
