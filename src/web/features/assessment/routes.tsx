/**
 * Routes of the 差异化考核 pages (merged into the app route table): results, a county's
 * explanation, the scheme and values of a year, the indicator catalogue. Every page is a lazy
 * chunk (ECharts loads with the results and county pages only); the server enforces access,
 * `access` here only marks menu entries the user cannot open.
 */
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../../app/routes.js';

/** Menu icons drawn inline in antd's outlined style (no icon modules in the first chunk). */
function NavIcon({ children }: { children: ReactNode }) {
  return (
    <span className="anticon" role="img" aria-hidden="true">
      <svg viewBox="2 2 20 20" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round">
        {children}
      </svg>
    </span>
  );
}
const AssessmentIcon = () => (
  <NavIcon>
    <path d="M4 20h16M6.5 20v-6M11 20V8M15.5 20v-9M20 20V5" />
  </NavIcon>
);
const IndicatorIcon = () => (
  <NavIcon>
    <rect x="4" y="4" width="16" height="16" rx="1.5" />
    <path d="M8 9h8M8 12.5h8M8 16h5" />
  </NavIcon>
);

const read = { permission: 'assessment:read' } as const;

export const routes: AppRoute[] = [
  {
    path: '/assessment',
    titleKey: 'nav.assessment',
    menu: { icon: <AssessmentIcon /> },
    menuKey: '/assessment',
    access: read,
    Page: lazy(() => import('./components/results-page.js').then((m) => ({ default: m.ResultsPage }))),
  },
  {
    path: '/assessment/indicators',
    titleKey: 'nav.assessmentIndicators',
    menu: { icon: <IndicatorIcon /> },
    menuKey: '/assessment/indicators',
    access: read,
    Page: lazy(() => import('./components/indicators-page.js').then((m) => ({ default: m.IndicatorsPage }))),
  },
  {
    path: '/assessment/:year/counties/:county',
    titleKey: 'nav.assessmentCounty',
    menuKey: '/assessment',
    access: read,
    Page: lazy(() => import('./components/county-page.js').then((m) => ({ default: m.CountyPage }))),
  },
  {
    path: '/assessment/:year/scheme',
    titleKey: 'nav.assessmentScheme',
    menuKey: '/assessment',
    access: read,
    Page: lazy(() => import('./components/scheme-page.js').then((m) => ({ default: m.SchemePage }))),
  },
  {
    path: '/assessment/:year/values',
    titleKey: 'nav.assessmentValues',
    menuKey: '/assessment',
    access: read,
    Page: lazy(() => import('./components/values-page.js').then((m) => ({ default: m.ValuesPage }))),
  },
];
