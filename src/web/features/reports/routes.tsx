/**
 * Routes of the reporting pages (merged into the app route table). Every page is a lazy chunk;
 * this file holds only the entries and their menu icons, so the initial bundle stays small.
 * The server enforces access; `access` here only marks menu entries the user cannot open.
 */
import { AuditOutlined, CarryOutOutlined, FileTextOutlined, ProjectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes.js';

const read = { permission: 'report:read' } as const;

export const routes: AppRoute[] = [
  {
    path: '/todo',
    titleKey: 'nav.todo',
    menu: { icon: <CarryOutOutlined /> },
    menuKey: '/todo',
    access: read,
    Page: lazy(() => import('./components/todo-page.js').then((m) => ({ default: m.TodoPage }))),
  },
  {
    path: '/reports',
    titleKey: 'nav.reports',
    menu: { icon: <FileTextOutlined /> },
    menuKey: '/reports',
    access: read,
    Page: lazy(() => import('./components/reports-page.js').then((m) => ({ default: m.ReportsPage }))),
  },
  {
    path: '/reports/:id',
    titleKey: 'nav.report',
    menuKey: '/reports',
    access: read,
    Page: lazy(() => import('./components/report-page.js').then((m) => ({ default: m.ReportPage }))),
  },
  {
    path: '/contributions',
    titleKey: 'nav.contribution',
    menuKey: '/reports',
    access: { permission: 'report:write' },
    Page: lazy(() => import('./components/contribution-page.js').then((m) => ({ default: m.ContributionPage }))),
  },
  {
    path: '/tasks/:no/reports',
    titleKey: 'nav.taskReports',
    menuKey: '/reports',
    access: read,
    Page: lazy(() => import('./components/task-reports-page.js').then((m) => ({ default: m.TaskReportsPage }))),
  },
  {
    path: '/reviews',
    titleKey: 'nav.reviews',
    menu: { icon: <AuditOutlined /> },
    menuKey: '/reviews',
    access: read,
    Page: lazy(() => import('./components/reviews-page.js').then((m) => ({ default: m.ReviewsPage }))),
  },
  {
    path: '/work-plans',
    titleKey: 'nav.workPlans',
    menu: { icon: <ProjectOutlined /> },
    menuKey: '/work-plans',
    access: read,
    Page: lazy(() => import('./components/work-plans-page.js').then((m) => ({ default: m.WorkPlansPage }))),
  },
  // Before '/work-plans/:id', which would also match it.
  {
    path: '/work-plans/coverage',
    titleKey: 'nav.coverage',
    menuKey: '/work-plans',
    access: read,
    Page: lazy(() => import('./components/coverage-page.js').then((m) => ({ default: m.CoveragePage }))),
  },
  {
    path: '/work-plans/:id',
    titleKey: 'nav.workPlan',
    menuKey: '/work-plans',
    access: read,
    Page: lazy(() => import('./components/work-plan-page.js').then((m) => ({ default: m.WorkPlanPage }))),
  },
];
