/**
 * The application shell (ProLayout "mix" style built from antd): a header with the product
 * name, the current plan, the account menu and the language switch; a side menu generated from
 * the route table — plan pages first, then 系统管理 with only the administration pages the
 * account's roles grant; the page in a Suspense boundary (pages are lazy chunks). A signed-in
 * account that must first change its password or set up TOTP is taken to that page.
 */
import { GlobalOutlined, LockOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Spin, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorResult, StatusResult } from '../components/async-content.js';
import { useErrorMessage } from '../components/error-message.js';
import { LinkButton } from '../components/link-button.js';
import { routes as adminRoutes } from '../features/admin/routes.js';
import { hasPermission, ME_KEY, pendingStep, useMe } from '../features/auth/api/auth.api.js';
import { AccountMenu } from '../features/auth/components/account-menu.js';
import { DemoBanner } from './demo-banner.js';
import { usePlans } from '../features/plans/api/plans.api.js';
import { CurrentPlanProvider, useOptionalCurrentPlan } from '../features/plans/hooks/current-plan.js';
import { useI18n } from '../lib/i18n/i18n-context.js';
import { notifyError } from '../lib/notify.js';
import { ApiClientError } from '../lib/api-client.js';
import { onBackgroundQueryError } from '../lib/query-client.js';
import { appRoutes, matchAppRoute } from './routes.js';
import { SideNav, type SideNavGroup } from './side-nav.js';

const { Header, Sider, Content, Footer } = Layout;

const PlanSelect = lazy(() => import('./plan-select.js').then((m) => ({ default: m.PlanSelect })));

function PageFallback() {
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Tooltip title={t('app.switchLanguageTitle')}>
      <Button
        type="text"
        icon={<GlobalOutlined />}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        data-testid="language-switch"
        style={{ color: '#fff' }}
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
      >
        {t('app.switchLanguage')}
      </Button>
    </Tooltip>
  );
}

function PlanTitle() {
  const current = useOptionalCurrentPlan();
  if (!current) return null;
  const { plan, plans, selectPlan } = current;
  if (plans.length > 1) {
    return (
      <Suspense fallback={null}>
        <PlanSelect plans={plans} value={plan.id} onChange={selectPlan} />
      </Suspense>
    );
  }
  return (
    <span
      title={`${plan.title}（${plan.code}）`}
      style={{ color: 'rgba(255,255,255,0.85)', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      data-testid="header-plan-title"
    >
      {plan.title}
      <span style={{ color: 'rgba(255,255,255,0.55)', marginInlineStart: 8 }}>{plan.code}</span>
    </span>
  );
}

/** Answers that mean the cached session (`me`) is out of date. */
const SESSION_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'PASSWORD_CHANGE_REQUIRED', 'TOTP_SETUP_REQUIRED']);

/** Pages that only exist for a signed-in account (own account, administration). */
const isSignedInOnly = (path: string | undefined): boolean => adminRoutes.some((r) => r.path === path);

function Shell() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const errorMessage = useErrorMessage();
  const route = matchAppRoute(location.pathname);
  const me = useMe();

  useEffect(() => {
    onBackgroundQueryError((error) => void notifyError(t('app.backgroundError', { message: errorMessage(error) })));
    return () => onBackgroundQueryError(null);
  }, [t, errorMessage]);

  useEffect(() => {
    document.title = `${route ? `${t(route.titleKey)} · ` : ''}${t('app.name')}`;
  }, [route, t]);

  // First things first: a pending account changes its password / sets up TOTP before anything else.
  const pending = pendingStep(me.data);
  useEffect(() => {
    if (!pending || location.pathname === pending || location.pathname === '/login') return;
    void navigate(`${pending}?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }, [pending, location.pathname, location.search, navigate]);

  // The server may know better than the cached session (policy changed, session timed out): ask again.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const error = event.action.error;
        if (error instanceof ApiClientError && SESSION_CODES.has(error.code) && queryClient.getQueryData<{ account: unknown }>(ME_KEY)?.account) {
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
        }
      }),
    [queryClient],
  );

  const narrow = screens.lg === false;
  const lockSuffix = (
    <Tooltip title={t('auth.restricted')}>
      <LockOutlined aria-label={t('auth.restricted')} />
    </Tooltip>
  );
  const toItem = (r: (typeof appRoutes)[number], suffix?: ReactNode) => ({ key: r.path, to: r.path, icon: r.menu!.icon, label: t(r.titleKey), suffix });
  const menuGroups: SideNavGroup[] = [
    {
      key: 'plan',
      items: appRoutes
        .filter((r) => r.menu && !adminRoutes.some((a) => a.path === r.path))
        .map((r) => toItem(r, r.access !== 'public' && !hasPermission(me.data, r.access.permission) ? lockSuffix : null)),
    },
    {
      key: 'admin',
      title: t('nav.admin'),
      // 三权分立: each administrator sees only the pages of their own role.
      items: adminRoutes.filter((r) => r.menu && r.access !== 'public' && hasPermission(me.data, r.access.permission)).map((r) => toItem(r)),
    },
  ];
  const onSignedOut = () => {
    if (isSignedInOnly(route?.path)) void navigate('/', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, position: 'sticky', top: 0, zIndex: 20 }}>
        <Button
          type="text"
          aria-label="menu"
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={() => setCollapsed((c) => !c)}
          style={{ color: '#fff' }}
        />
        <Link to="/" style={{ display: 'flex', alignItems: 'baseline', gap: 8, color: '#fff', whiteSpace: 'nowrap' }} data-testid="product-name">
          <span style={{ fontSize: 18, fontWeight: 600 }}>{t('app.name')}</span>
          <span style={{ fontSize: 13, opacity: 0.65 }}>Sanqu</span>
        </Link>
        <div style={{ flex: 1, minWidth: 0, display: 'flex', justifyContent: 'center' }}>{narrow ? null : <PlanTitle />}</div>
        <AccountMenu onSignedOut={onSignedOut} />
        <LanguageSwitch />
      </Header>
      <DemoBanner />
      <Layout>
        <Sider
          theme="light"
          width={208}
          collapsedWidth={narrow ? 0 : 64}
          collapsed={collapsed}
          breakpoint="lg"
          onBreakpoint={(broken) => setCollapsed(broken)}
          trigger={null}
          style={{ borderInlineEnd: '1px solid rgba(5,5,5,0.06)' }}
        >
          <SideNav groups={menuGroups} selectedKey={route?.menuKey} collapsed={collapsed} ariaLabel={t('app.name')} />
        </Sider>
        <Layout>
          <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </Content>
          <Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', fontSize: 12, padding: '12px 24px 20px' }}>{t('app.footer')}</Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}

/** Layout route: loads the plan list, then renders the shell around the matched page. */
export function AppLayout() {
  const { t } = useI18n();
  const plans = usePlans();
  if (plans.error && !plans.data) {
    return <ErrorResult error={plans.error} onRetry={plans.refetch} />;
  }
  if (!plans.data) return <PageFallback />;
  return (
    <CurrentPlanProvider
      plans={plans.data}
      fallback={<StatusResult status="info" title={t('app.noPlan')} subTitle={t('app.noPlanHint')} />}
    >
      <Shell />
    </CurrentPlanProvider>
  );
}

/** Catch-all page. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <StatusResult
      status="404"
      title={t('app.notFound')}
      subTitle={t('app.notFoundHint')}
      extra={
        <LinkButton to="/" type="primary">
          {t('app.backHome')}
        </LinkButton>
      }
    />
  );
}

/** Router error element: a crash inside a page shows a Result instead of a blank screen. */
export function RouteErrorPage() {
  const { t } = useI18n();
  return <StatusResult status="error" title={t('app.crashed')} extra={<Button onClick={() => window.location.reload()}>{t('app.retry')}</Button>} />;
}
