/** Root component: language, antd theme/locale, react-query and the router. */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { useState } from 'react';
import { BrowserRouter, useRoutes, type RouteObject } from 'react-router';
import { I18nProvider, useI18n } from '../lib/i18n/i18n-context.js';
import { createQueryClient } from '../lib/query-client.js';
import { AppLayout, NotFoundPage, RouteErrorPage } from './app-layout.js';
import { RouteErrorBoundary } from './route-error-boundary.js';
import { appRoutes } from './routes.js';

/**
 * antd's ES locale files are ESM with a default export at runtime, but TypeScript (nodenext)
 * sees them as CommonJS and types the default import as the module object: accept both.
 */
function interopDefault(module: Locale | { default: Locale }): Locale {
  return 'default' in module ? module.default : module;
}
const zhCN = interopDefault(zhCNModule);
const enUS = interopDefault(enUSModule);

/**
 * Route objects built from the route table. Declarative routing (BrowserRouter + useRoutes)
 * rather than a data router: the app loads data with react-query, and the data router's
 * loader/action machinery would add ~5 KiB gzip to the initial bundle.
 */
export function buildRouteObjects(): RouteObject[] {
  return [
    {
      element: <AppLayout />,
      children: [
        ...appRoutes.map(({ path, Page }) => ({
          path,
          element: (
            <RouteErrorBoundary fallback={<RouteErrorPage />}>
              <Page />
            </RouteErrorBoundary>
          ),
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

const theme = {
  token: {
    colorPrimary: '#1d5fbf',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
  components: { Layout: { headerBg: '#0f2a4f', headerHeight: 56, siderBg: '#fff' } },
};

function AppRoutes() {
  const [routes] = useState(buildRouteObjects);
  return useRoutes(routes);
}

function LocalisedApp({ queryClient }: { queryClient: QueryClient }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </ConfigProvider>
  );
}

/** The web app. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider>
      <LocalisedApp queryClient={queryClient} />
    </I18nProvider>
  );
}
