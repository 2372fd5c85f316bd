/**
 * 登录 (/login?next=…): user name + password (+ the 6-digit code when the server asks for
 * it), then — on a first sign-in, after a reset or with an expired password — the required
 * password change, then the TOTP set-up if the security policy requires one. Server messages
 * (Chinese, with attempts left or lock time) are shown as they come.
 */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useErrorMessage } from '../../../components/error-message.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { fetchMe, login, ME_KEY, safeNext, TOTP_PATH, useMe } from '../api/auth.api.js';
import { ChangePasswordForm } from './change-password-form.js';

interface LoginValues {
  login: string;
  password: string;
  totp?: string;
}

/** Route `/login`. */
export function LoginPage() {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const queryClient = useQueryClient();
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const [askTotp, setAskTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [lastPassword, setLastPassword] = useState<string | undefined>();

  const finish = async () => {
    // Everything cached may now read differently (permissions): start afresh.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'plans' && q.queryKey[0] !== ME_KEY[0] });
    // The session as the server now sees it: the login answer does not say whether the
    // policy requires a TOTP set-up, GET /auth/me does.
    const fresh = await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 0 });
    setLastPassword(undefined);
    if (fresh.mustSetUpTotp) void navigate(`${TOTP_PATH}?next=${encodeURIComponent(next)}`, { replace: true });
    else void navigate(next, { replace: true });
  };

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const result = await login({ login: values.login.trim(), password: values.password, totp: values.totp || undefined });
      queryClient.setQueryData(ME_KEY, result);
      if (result.mustChangePassword) setLastPassword(values.password);
      else await finish();
    } catch (e) {
      if (e instanceof ApiClientError && e.code === 'TOTP_REQUIRED') setAskTotp(true);
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  const current = me.data;
  let body;
  if (current?.account && current.mustChangePassword) {
    body = (
      <>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="change-password-title">
          {t('auth.changeTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('account.password.forcedHint', { name: current.account.displayName, login: current.account.login })}</Typography.Paragraph>
        <ChangePasswordForm csrfToken={current.csrfToken} initialCurrent={lastPassword} submitLabel={t('auth.changeSubmit')} onDone={() => void finish()} />
      </>
    );
  } else if (current?.account && current.mustSetUpTotp) {
    return <Navigate to={`${TOTP_PATH}?next=${encodeURIComponent(next)}`} replace />;
  } else {
    body = (
      <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {current?.account ? <Alert type="info" showIcon title={t('auth.signedInAs', { name: current.account.displayName })} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="auth-error" /> : null}
        <Form.Item name="login" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('auth.username') }) }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {askTotp ? (
          <Form.Item
            name="totp"
            label={t('auth.totp')}
            extra={t('auth.totpHint')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpHint') }]}
          >
            <Input prefix={<SafetyOutlined />} inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
    );
  }
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 32 }}>
      <Card style={{ width: 440, maxWidth: '100%' }}>{body}</Card>
    </div>
  );
}
