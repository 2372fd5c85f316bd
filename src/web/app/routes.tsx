/**
 * The route table: one entry per page with its path, menu entry, title and access. Pages are
 * React.lazy chunks so the initial bundle holds only the shell; charts and the map live in the
 * chunks of the pages that use them.
 */
import { ApartmentOutlined, AlertOutlined, DashboardOutlined, EnvironmentOutlined, OrderedListOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from '../../shared/domain/roles.js';
import { loadFeatureStrings, type DictKey } from '../lib/i18n/dictionary.js';
import { routes as adminRoutes } from '../features/admin/routes.js';
import { routes as reportRoutes } from '../features/reports/routes.js';
import { routes as cockpitRoutes } from '../features/cockpit/routes.js';
import { routes as assessmentRoutes } from '../features/assessment/routes.js';

/**
 * Who may open a page: 'public' (plan data the transparency portal may show too) or a
 * permission from src/shared/domain/roles.ts. The server enforces access; the web app only uses
 * this to mark entries the current user cannot open and to explain why.
 */
export type RouteAccess = 'public' | { permission: Permission };

export interface AppRoute {
  path: string;
  titleKey: DictKey;
  /** Menu entry; pages without one highlight their parent's entry (`menuKey`). */
  menu?: { icon: ReactNode };
  menuKey: string;
  access: RouteAccess;
  Page: LazyExoticComponent<ComponentType>;
}

export const appRoutes: AppRoute[] = [
  {
    path: '/',
    titleKey: 'nav.overview',
    menu: { icon: <DashboardOutlined /> },
    menuKey: '/',
    access: 'public',
    Page: lazy(() => import('../features/plans/components/overview-page.js').then((m) => ({ default: m.OverviewPage }))),
  },
  {
    path: '/tasks',
    titleKey: 'nav.tasks',
    menu: { icon: <OrderedListOutlined /> },
    menuKey: '/tasks',
    access: 'public',
    Page: lazy(() => import('../features/tasks/components/tasks-page.js').then((m) => ({ default: m.TasksPage }))),
  },
  {
    path: '/tasks/:no',
    titleKey: 'nav.taskDetail',
    menuKey: '/tasks',
    access: 'public',
    Page: lazy(() => import('../features/tasks/components/task-detail-page.js').then((m) => ({ default: m.TaskDetailPage }))),
  },
  {
    path: '/zones',
    titleKey: 'nav.zones',
    menu: { icon: <EnvironmentOutlined /> },
    menuKey: '/zones',
    access: 'public',
    Page: lazy(() => import('../features/zones/components/zones-page.js').then((m) => ({ default: m.ZonesPage }))),
  },
  {
    path: '/matrix',
    titleKey: 'nav.matrix',
    menu: { icon: <ApartmentOutlined /> },
    menuKey: '/matrix',
    access: 'public',
    Page: lazy(() => import('../features/units/components/matrix-page.js').then((m) => ({ default: m.MatrixPage }))),
  },
  {
    path: '/diagnostics',
    titleKey: 'nav.diagnostics',
    menu: { icon: <AlertOutlined /> },
    menuKey: '/diagnostics',
    access: { permission: 'plan:diagnostics' },
    Page: lazy(() => import('../features/diagnostics/components/diagnostics-page.js').then((m) => ({ default: m.DiagnosticsPage }))),
  },
  {
    path: '/login',
    titleKey: 'nav.login',
    menuKey: '/login',
    access: 'public',
    Page: lazy(() => import('../features/auth/components/login-page.js').then((m) => ({ default: m.LoginPage }))),
  },
  ...[...cockpitRoutes, ...assessmentRoutes, ...reportRoutes, ...adminRoutes].map(afterFeatureStrings),
];

/** A feature page renders once the feature strings (their own chunk) are registered. */
function afterFeatureStrings(route: AppRoute): AppRoute {
  const Inner = route.Page;
  // React cannot resolve a lazy component to another lazy one: render it from a plain component.
  const WithStrings: ComponentType = () => <Inner />;
  return { ...route, Page: lazy(async () => loadFeatureStrings().then(() => ({ default: WithStrings }))) };
}

/** The route whose path pattern matches `pathname` (':param' segments match anything). */
export function matchAppRoute(pathname: string, routes: readonly Pick<AppRoute, 'path'>[] = appRoutes): AppRoute | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  return (routes as AppRoute[]).find((route) => {
    const pattern = route.path.split('/').filter(Boolean);
    return pattern.length === parts.length && pattern.every((seg, i) => seg.startsWith(':') || seg === parts[i]);
  });
}
