/** antd Result for a failed query (loaded lazily: Result's illustrations are ~10 KiB gzip). */
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ApiClientError } from '../lib/api-client.js';
import { useErrorMessage } from './error-message.js';
import { useI18n } from '../lib/i18n/i18n-context.js';
import { LinkButton } from './link-button.js';

const SIGN_IN_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'PASSWORD_CHANGE_REQUIRED', 'TOTP_SETUP_REQUIRED']);

/** Access errors: sign in (or finish setting up the account) or, if signed in, not allowed. */
function AccessResult({ error }: { error: ApiClientError }) {
  const { t } = useI18n();
  const location = useLocation();
  const message = useErrorMessage();
  const next = encodeURIComponent(location.pathname + location.search);
  const needsSignIn = SIGN_IN_CODES.has(error.code);
  const title = error.code === 'PASSWORD_CHANGE_REQUIRED' ? t('auth.passwordPending') : needsSignIn ? t('auth.needLogin') : t('auth.forbidden');
  return (
    <Result
      status="403"
      title={<span data-testid="access-title">{title}</span>}
      subTitle={<span data-testid="error-message">{needsSignIn ? t('auth.needLoginHint', { message: message(error).replace(/[。.]$/, '') }) : message(error)}</span>}
      extra={[
        needsSignIn ? (
          <LinkButton key="login" type="primary" to={`/login?next=${next}`} data-testid="access-login">
            {t('auth.login')}
          </LinkButton>
        ) : null,
        <LinkButton key="home" to="/">
          {t('app.backHome')}
        </LinkButton>,
      ]}
    />
  );
}

/** 404 for missing resources, 401/403 explain access, otherwise an error with retry. */
export function ErrorResult({ error, onRetry }: { error: Error; onRetry?: () => unknown }) {
  const { t } = useI18n();
  const message = useErrorMessage();
  if (error instanceof ApiClientError && (error.status === 401 || error.status === 403)) return <AccessResult error={error} />;
  const status = error instanceof ApiClientError && error.status === 404 ? '404' : 'error';
  return (
    <Result
      status={status}
      title={status === '404' ? t('app.notFound') : t('app.errorTitle')}
      subTitle={<span data-testid="error-message">{message(error)}</span>}
      extra={[
        onRetry && status !== '404' ? (
          <Button key="retry" type="primary" onClick={() => void onRetry()}>
            {t('app.retry')}
          </Button>
        ) : null,
        <LinkButton key="home" to="/">
          {t('app.backHome')}
        </LinkButton>,
      ]}
    />
  );
}

/** A Result with arbitrary status/title/subtitle/extra (not found, no plan, crashes). */
export function StatusResult({ status, title, subTitle, extra }: { status: 'info' | '404' | 'error'; title: ReactNode; subTitle?: ReactNode; extra?: ReactNode }) {
  return <Result status={status} title={title} subTitle={subTitle} extra={extra} />;
}
