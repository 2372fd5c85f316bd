/**
 * Routes of the administration pages (系统管理, merged into the app route table) and of the
 * signed-in account's own pages (修改密码, 动态验证码, reached from the account menu). Each
 * page is a lazy chunk; the menu shows an administration entry only to accounts whose roles
 * grant its permission (三权分立: each administrator sees the pages of their own role).
 */
import { lazy, Suspense } from 'react';
import type { AppRoute } from '../../app/routes.js';
import type { AdminIconName } from './components/admin-icons.js';

// The icons load with the first administration entry shown (public visitors never need them).
const LazyAdminIcon = lazy(() => import('./components/admin-icons.js'));

/** A menu icon, with an icon-sized blank while its chunk loads. */
function Icon({ name }: { name: AdminIconName }) {
  return (
    <Suspense fallback={<span style={{ display: 'inline-block', width: '1em', height: '1em' }} />}>
      <LazyAdminIcon name={name} />
    </Suspense>
  );
}

export const routes: AppRoute[] = [
  {
    path: '/admin/accounts',
    titleKey: 'nav.admin.accounts',
    menu: { icon: <Icon name="accounts" /> },
    menuKey: '/admin/accounts',
    access: { permission: 'account:manage' },
    Page: lazy(() => import('./components/accounts-page.js').then((m) => ({ default: m.AccountsPage }))),
  },
  {
    path: '/admin/roles',
    titleKey: 'nav.admin.roles',
    menu: { icon: <Icon name="roles" /> },
    menuKey: '/admin/roles',
    access: { permission: 'role:assign' },
    Page: lazy(() => import('./components/roles-page.js').then((m) => ({ default: m.RolesPage }))),
  },
  {
    path: '/admin/policy',
    titleKey: 'nav.admin.policy',
    menu: { icon: <Icon name="policy" /> },
    menuKey: '/admin/policy',
    access: { permission: 'policy:edit' },
    Page: lazy(() => import('./components/policy-page.js').then((m) => ({ default: m.PolicyPage }))),
  },
  {
    path: '/admin/audit',
    titleKey: 'nav.admin.audit',
    menu: { icon: <Icon name="audit" /> },
    menuKey: '/admin/audit',
    access: { permission: 'audit:read' },
    Page: lazy(() => import('./components/audit-page.js').then((m) => ({ default: m.AuditPage }))),
  },
  // Own account. RouteAccess has no 'authenticated' level: these need a session, not a
  // permission; the pages themselves ask for signing in.
  {
    path: '/account/password',
    titleKey: 'nav.account.password',
    menuKey: '/account/password',
    access: 'public',
    Page: lazy(() => import('../auth/components/change-password-page.js').then((m) => ({ default: m.ChangePasswordPage }))),
  },
  {
    path: '/account/totp',
    titleKey: 'nav.account.totp',
    menuKey: '/account/totp',
    access: 'public',
    Page: lazy(() => import('../auth/components/totp-setup-page.js').then((m) => ({ default: m.TotpSetupPage }))),
  },
];
