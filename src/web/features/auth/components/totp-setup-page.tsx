/**
 * 动态验证码 (/account/totp[?next=…]): set up the TOTP second factor. The server makes a secret
 * (POST /auth/totp/setup, not stored yet); the user types it — shown in groups of four — or the
 * otpauth:// link into an authenticator app, then confirms with the app's 6-digit code
 * (POST /auth/totp/enable), which stores it. An account the policy obliges is sent here by the
 * layout after sign-in and continues to where it was going.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { Fields } from '../../../components/ui/panel.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { enableTotp, fetchMe, ME_KEY, safeNext, setupTotp, useMe } from '../api/auth.api.js';
import { describeOtpauth, groupSecret, normaliseTotpCode } from '../utils/totp-secret.js';
import { AccessGate, PageError } from './access-gate.js';
import { CopyButton } from './copy-button.js';

const mono = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace" };

function TotpSetup() {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const me = useMe().data!;
  const account = me.account!;
  const forced = me.mustSetUpTotp;
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Bumped by 重新设置: a new secret replaces the one in the app only once confirmed.
  const [round, setRound] = useState(account.totpEnabled && !forced ? 0 : 1);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setup = useQuery({
    queryKey: ['totp-setup', account.id, round],
    queryFn: () => setupTotp(me.csrfToken),
    enabled: round > 0,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  const confirm = async () => {
    const digits = normaliseTotpCode(code);
    if (!digits || !setup.data) {
      setError(t('auth.totpHint'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await enableTotp({ secret: setup.data.secret, code: digits }, me.csrfToken);
      await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 0 });
      if (forced) {
        void navigate(next, { replace: true });
        return;
      }
      setRound(0);
      setCode('');
    } catch (e) {
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  const header = <PageHeader title={t('account.totp.title')} subtitle={t('account.totp.subtitle', { login: account.login })} />;

  if (round === 0) {
    return (
      <>
        {header}
        <Card style={{ maxWidth: 720 }} data-testid="totp-page">
          <Alert
            type="success"
            showIcon
            icon={<SafetyCertificateOutlined />}
            title={<span data-testid="totp-enabled">{t('account.totp.enabled')}</span>}
            description={t('account.totp.enabledHint')}
          />
          <Button style={{ marginTop: 16 }} onClick={() => setRound(1)} data-testid="totp-restart">
            {t('account.totp.restart')}
          </Button>
        </Card>
      </>
    );
  }

  let secretBlock;
  if (setup.error) secretBlock = <PageError error={setup.error} onRetry={setup.refetch} />;
  else if (!setup.data) secretBlock = <Loading />;
  else {
    const info = describeOtpauth(setup.data.otpauthUri);
    secretBlock = (
      <Flex vertical gap={12} style={{ color: 'rgba(0,0,0,0.88)' }}>
        <Fields
          items={[
            { key: 'label', label: t('account.totp.accountLabel'), value: <span style={mono}>{info?.label ?? account.login}</span> },
            { key: 'kind', label: t('account.totp.kind'), value: t('account.totp.kindValue', { digits: info?.digits ?? 6, period: info?.period ?? 30 }) },
          ]}
        />
        <div>
          <Typography.Text type="secondary">{t('account.totp.secret')}</Typography.Text>
          <Flex align="center" gap={12} wrap style={{ marginTop: 4 }}>
            <span data-testid="totp-secret" data-secret={setup.data.secret} style={{ ...mono, fontSize: 20, fontWeight: 600, letterSpacing: 1, wordSpacing: 4, padding: '4px 12px', background: '#f5f7fa', border: '1px solid #e5e8ef', borderRadius: 6 }}>
              {groupSecret(setup.data.secret)}
            </span>
            <CopyButton text={setup.data.secret} label={t('account.totp.copySecret')} />
          </Flex>
        </div>
        <div>
          <Typography.Text type="secondary">{t('account.totp.uri')}</Typography.Text>
          <Flex align="flex-start" gap={12} style={{ marginTop: 4 }}>
            <code data-testid="totp-uri" style={{ ...mono, fontSize: 12, flex: 1, minWidth: 0, overflowWrap: 'anywhere', padding: '6px 10px', background: '#f5f7fa', border: '1px solid #e5e8ef', borderRadius: 6 }}>
              {setup.data.otpauthUri}
            </code>
            <CopyButton text={setup.data.otpauthUri} label={t('account.totp.copyUri')} />
          </Flex>
        </div>
      </Flex>
    );
  }

  return (
    <>
      {header}
      <Card style={{ maxWidth: 820 }} data-testid="totp-page">
        {forced ? <Alert type="warning" showIcon title={t('account.totp.forced')} style={{ marginBottom: 16 }} data-testid="totp-forced" /> : null}
        {account.totpEnabled && !forced ? <Alert type="info" showIcon title={t('account.totp.replacing')} style={{ marginBottom: 16 }} /> : null}
        <Steps
          orientation="vertical"
          current={setup.data ? 2 : 1}
          items={[
            { title: t('account.totp.step1'), content: <Typography.Paragraph type="secondary">{t('account.totp.step1Hint')}</Typography.Paragraph> },
            {
              title: t('account.totp.step2'),
              content: (
                <div style={{ paddingBlock: 8 }}>
                  <Typography.Paragraph type="secondary">{t('account.totp.step2Hint')}</Typography.Paragraph>
                  {secretBlock}
                </div>
              ),
            },
            {
              title: t('account.totp.step3'),
              content: (
                <div style={{ paddingBlock: 8 }}>
                  <Typography.Paragraph type="secondary">{t('account.totp.step3Hint')}</Typography.Paragraph>
                  {error ? <Alert type="error" showIcon title={<span data-testid="totp-error">{error}</span>} style={{ marginBottom: 12 }} /> : null}
                  <Flex gap={8} wrap>
                    <Input
                      aria-label={t('auth.totp')}
                      value={code}
                      onChange={(e) => setCode(e.target.value)}
                      onPressEnter={() => void confirm()}
                      inputMode="numeric"
                      autoComplete="one-time-code"
                      maxLength={7}
                      placeholder="123456"
                      size="large"
                      style={{ ...mono, width: 160, letterSpacing: 2 }}
                      disabled={!setup.data}
                      data-testid="totp-code"
                    />
                    <Button type="primary" size="large" loading={busy} disabled={!setup.data} onClick={() => void confirm()} data-testid="totp-enable">
                      {t('account.totp.enable')}
                    </Button>
                    {account.totpEnabled && !forced ? (
                      <Button size="large" onClick={() => setRound(0)}>
                        {t('account.cancel')}
                      </Button>
                    ) : null}
                  </Flex>
                </div>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

/** Route `/account/totp`. */
export function TotpSetupPage() {
  return (
    <AccessGate allowPending>
      <TotpSetup />
    </AccessGate>
  );
}
