/**
 * Routes of the cockpit and supervision pages (merged into the app route table). Every page is a
 * lazy chunk — ECharts and the map load only with the cockpit — and this file holds only the
 * entries and their menu icons. The server enforces access; `access` only marks menu entries.
 */
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../../app/routes.js';

/**
 * Menu icons drawn inline in antd's outlined style: five short SVGs instead of five icon
 * modules keep the shared initial bundle ~1.5 KiB lighter (the menu is on every first page).
 */
function NavIcon({ children }: { children: ReactNode }) {
  return (
    <span className="anticon" role="img" aria-hidden="true">
      <svg viewBox="2 2 20 20" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round">
        {children}
      </svg>
    </span>
  );
}
const CockpitIcon = () => (
  <NavIcon>
    <rect x="3" y="4" width="18" height="12" rx="1.5" />
    <path d="M8 20h8M12 16v4M7 12.5l3-3 3 2 4-4" />
  </NavIcon>
);
const NoticeIcon = () => (
  <NavIcon>
    <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15zM10 21h4" />
  </NavIcon>
);
const InstructionIcon = () => (
  <NavIcon>
    <path d="M4 5h16v11H9.5L5 20v-4H4zM8 9h8M8 12.5h5" />
  </NavIcon>
);
const ProblemIcon = () => (
  <NavIcon>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5v5.5M12 16.4v.1" />
  </NavIcon>
);
const DisciplineIcon = () => (
  <NavIcon>
    <path d="M8 4h8v5a4 4 0 0 1-8 0zM8 6H5a3 3 0 0 0 3 4M16 6h3a3 3 0 0 1-3 4M12 13v4M8.5 20.5h7M10 17h4" />
  </NavIcon>
);

const read = { permission: 'report:read' } as const;

export const routes: AppRoute[] = [
  {
    path: '/cockpit',
    titleKey: 'nav.cockpit',
    menu: { icon: <CockpitIcon /> },
    menuKey: '/cockpit',
    access: read,
    Page: lazy(() => import('./components/cockpit-page.js').then((m) => ({ default: m.CockpitPage }))),
  },
  {
    path: '/notices',
    titleKey: 'nav.notices',
    menu: { icon: <NoticeIcon /> },
    menuKey: '/notices',
    access: read,
    Page: lazy(() => import('./components/notices-page.js').then((m) => ({ default: m.NoticesPage }))),
  },
  {
    path: '/instructions',
    titleKey: 'nav.instructions',
    menu: { icon: <InstructionIcon /> },
    menuKey: '/instructions',
    access: read,
    Page: lazy(() => import('./components/instructions-page.js').then((m) => ({ default: m.InstructionsPage }))),
  },
  {
    path: '/problems',
    titleKey: 'nav.problems',
    menu: { icon: <ProblemIcon /> },
    menuKey: '/problems',
    access: { permission: 'supervision:read' },
    Page: lazy(() => import('./components/problems-page.js').then((m) => ({ default: m.ProblemsPage }))),
  },
  {
    path: '/discipline',
    titleKey: 'nav.discipline',
    menu: { icon: <DisciplineIcon /> },
    menuKey: '/discipline',
    access: read,
    Page: lazy(() => import('./components/discipline-page.js').then((m) => ({ default: m.DisciplinePage }))),
  },
  {
    path: '/counties/:name',
    titleKey: 'nav.county',
    menuKey: '/cockpit',
    access: read,
    Page: lazy(() => import('./components/place-pages.js').then((m) => ({ default: m.CountyPage }))),
  },
  {
    path: '/zones/:code',
    titleKey: 'nav.zone',
    menuKey: '/cockpit',
    access: read,
    Page: lazy(() => import('./components/place-pages.js').then((m) => ({ default: m.ZonePage }))),
  },
];
