/**
 * Access for pages that only make sense signed in (own account, administration): explains
 * what is missing — signing in, or a role — before the page asks the server for anything.
 * The server decides; this only avoids a request that cannot succeed and says why.
 */
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ErrorResult, Loading, StatusResult } from '../../../components/async-content.js';
import { LinkButton } from '../../../components/link-button.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { can, ROLE_NAMES, ROLES, type Permission } from '../../../../shared/domain/roles.js';
import { pendingStep, useMe } from '../api/auth.api.js';

const SIGN_IN_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/** 需要登录, with a button that comes back here. */
export function SignInResult({ message }: { message?: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <StatusResult
      status="info"
      title={<span data-testid="access-title">{t('auth.needLogin')}</span>}
      subTitle={<span data-testid="error-message">{message ?? t('account.signInFirst')}</span>}
      extra={
        <LinkButton type="primary" to={`/login?next=${next}`} data-testid="access-login">
          {t('auth.login')}
        </LinkButton>
      }
    />
  );
}

/** A failed request on a signed-in page: sign in again after a 401, otherwise the usual Result. */
export function PageError({ error, onRetry }: { error: Error; onRetry?: () => unknown }) {
  if (error instanceof ApiClientError && SIGN_IN_CODES.has(error.code)) return <SignInResult message={error.message} />;
  return <ErrorResult error={error} onRetry={onRetry} />;
}

/** Renders `children` for a signed-in, set-up account holding `permission` (if given). */
export function AccessGate({ permission, allowPending = false, children }: { permission?: Permission; allowPending?: boolean; children: ReactNode }) {
  const { t, lang } = useI18n();
  const me = useMe();
  if (!me.data) return me.error ? <PageError error={me.error} onRetry={me.refetch} /> : <Loading />;
  const account = me.data.account;
  if (!account) return <SignInResult />;
  // A pending account is on its way to the password change / TOTP set-up (see the layout).
  if (!allowPending && pendingStep(me.data)) return <Loading />;
  if (permission && !can(account.roles, permission)) {
    const holders = ROLES.filter((r) => can([r], permission)).map((r) => ROLE_NAMES[r][lang]);
    return <ErrorResult error={new ApiClientError(403, 'FORBIDDEN', t('account.forbiddenHint', { roles: holders.join(lang === 'zh' ? '、' : ', ') }))} />;
  }
  return <>{children}</>;
}
