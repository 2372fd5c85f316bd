/** Minimal component-test rendering (no @testing-library): react-dom/client + act in happy-dom. */
import { ConfigProvider } from 'antd';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { I18nProvider } from '../lib/i18n/i18n-context.js';
import type { Language } from '../lib/i18n/dictionary.js';

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
