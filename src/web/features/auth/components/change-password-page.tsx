/**
 * 修改密码 (/account/password[?next=…]): the signed-in account changes its own password. An
 * account that must change it (first login, reset, expiry) is sent here by the layout and goes
 * on — to the TOTP set-up if the policy requires one — once the server accepts the new one.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { fetchMe, ME_KEY, safeNext, TOTP_PATH, useMe } from '../api/auth.api.js';
import { AccessGate } from './access-gate.js';
import { ChangePasswordForm } from './change-password-form.js';

function ChangePassword() {
  const { t } = useI18n();
  const me = useMe().data!;
  const account = me.account!;
  const forced = me.mustChangePassword;
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);

  const onDone = async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 0 });
    if (!forced) {
      setDone(true);
      return;
    }
    if (fresh.mustSetUpTotp) void navigate(`${TOTP_PATH}?next=${encodeURIComponent(next)}`, { replace: true });
    else void navigate(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={forced ? t('auth.changeTitle') : t('account.password.title')} subtitle={t('account.password.subtitle', { name: account.displayName, login: account.login })} />
      <Card style={{ maxWidth: 520 }} data-testid="change-password-page">
        {forced ? <Alert type="warning" showIcon title={t('account.password.forcedHint', { name: account.displayName, login: account.login })} style={{ marginBottom: 16 }} /> : null}
        {done ? (
          <Alert type="success" showIcon title={t('account.password.changed')} style={{ marginBottom: 16 }} data-testid="password-changed" closable={{ onClose: () => setDone(false) }} />
        ) : null}
        <ChangePasswordForm csrfToken={me.csrfToken} submitLabel={forced ? t('auth.changeSubmit') : t('account.password.submit')} onDone={() => void onDone()} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('account.password.note')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}

/** Route `/account/password`. */
export function ChangePasswordPage() {
  return (
    <AccessGate allowPending>
      <ChangePassword />
    </AccessGate>
  );
}
