/**
 * 账户管理 (/admin/accounts, 系统管理员): every account with its unit, masked phone, roles and
 * state; 新建账户 (the one-time password is shown once), and per account 停用 (with a reason),
 * 启用, 解锁 and 重置密码. Roles are not assigned here: that is the 安全管理员's (三权分立).
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, message, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState, type HTMLAttributes } from 'react';
import type { Account } from '../../../../shared/api/auth-api.js';
import { PageHeader } from '../../../components/page-header.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { hasPermission, useCsrfToken, useMe } from '../../auth/api/auth.api.js';
import { AccessGate, PageError } from '../../auth/components/access-gate.js';
import { Loading } from '../../../components/async-content.js';
import { ACCOUNTS_KEY, enableAccount, resetPassword, unlockAccount, useAccounts } from '../api/accounts.api.js';
import { accountState } from '../utils/account-format.js';
import { accountColumns, matchesAccount } from './account-columns.js';
import { CreateAccountModal, DisableAccountModal } from './account-dialogs.js';
import { OneTimePasswordModal, type OneTimePasswordShown } from './one-time-password-modal.js';

function Accounts() {
  const { t, lang } = useI18n();
  const errorMessage = useErrorMessage();
  const me = useMe().data;
  const csrf = useCsrfToken();
  const canManage = hasPermission(me, 'account:manage');
  const accounts = useAccounts();
  const queryClient = useQueryClient();
  const [messageApi, messageHolder] = message.useMessage();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [disabling, setDisabling] = useState<Account | null>(null);
  const [shown, setShown] = useState<OneTimePasswordShown | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
  const run = async (key: string, action: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setActionError(null);
    try {
      await action();
      void messageApi.success(done);
    } catch (e) {
      setActionError(errorMessage(e as Error));
    } finally {
      setBusy(null);
      await refresh();
    }
  };

  if (accounts.error && !accounts.data) return <PageError error={accounts.error} onRetry={accounts.refetch} />;
  if (!accounts.data) return <Loading />;

  const now = new Date();
  const columns: ColumnsType<Account> = accountColumns({ t, lang, now, selfId: me?.account?.id ?? null });
  if (canManage) {
    columns.push({
      title: t('admin.col.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, a) => {
        const state = accountState(a, now);
        return (
          <Space size={0} wrap>
            {a.disabled ? (
              <Button type="link" size="small" loading={busy === `enable-${a.id}`} onClick={() => void run(`enable-${a.id}`, () => enableAccount(a.id, csrf), t('admin.done.enabled', { login: a.login }))} data-testid="action-enable">
                {t('admin.action.enable')}
              </Button>
            ) : (
              <Button type="link" size="small" danger onClick={() => setDisabling(a)} data-testid="action-disable">
                {t('admin.action.disable')}
              </Button>
            )}
            {state.kind === 'locked' ? (
              <Button type="link" size="small" loading={busy === `unlock-${a.id}`} onClick={() => void run(`unlock-${a.id}`, () => unlockAccount(a.id, csrf), t('admin.done.unlocked', { login: a.login }))} data-testid="action-unlock">
                {t('admin.action.unlock')}
              </Button>
            ) : null}
            <Popconfirm
              title={t('admin.reset.confirmTitle', { login: a.login })}
              description={<div style={{ maxWidth: 280 }}>{t('admin.reset.confirm')}</div>}
              okText={t('admin.action.reset')}
              cancelText={t('account.cancel')}
              onConfirm={() =>
                run(
                  `reset-${a.id}`,
                  async () => {
                    const result = await resetPassword(a.id, csrf);
                    setShown({ kind: 'reset', ...result });
                  },
                  t('admin.done.reset', { login: a.login }),
                )
              }
            >
              <Button type="link" size="small" loading={busy === `reset-${a.id}`} data-testid="action-reset">
                {t('admin.action.reset')}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    });
  }

  const rows = accounts.data.filter((a) => matchesAccount(a, query));
  return (
    <>
      {messageHolder}
      <PageHeader
        title={t('nav.admin.accounts')}
        subtitle={t('admin.accounts.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-account">
              {t('admin.create.title')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('admin.search')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 320 }} data-testid="account-search" />
          <span style={{ color: 'rgba(0,0,0,0.45)' }} data-testid="account-count">
            {t('admin.accounts.count', { n: rows.length, total: accounts.data.length })}
          </span>
        </Flex>
        {actionError ? (
          <Alert type="error" showIcon title={<span data-testid="account-action-error">{actionError}</span>} closable={{ onClose: () => setActionError(null) }} style={{ marginBottom: 12 }} />
        ) : null}
        <div data-testid="accounts-table">
          <Table<Account>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 1135 }}
            onRow={(a) => ({ 'data-testid': `account-${a.login}` }) as HTMLAttributes<HTMLElement>}
          />
        </div>
      </Card>
      <CreateAccountModal
        open={creating}
        csrf={csrf}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setShown({ kind: 'created', ...result });
          void refresh();
        }}
      />
      <DisableAccountModal
        account={disabling}
        csrf={csrf}
        onClose={() => setDisabling(null)}
        onDisabled={(a) => {
          setDisabling(null);
          void messageApi.success(t('admin.done.disabled', { login: a.login }));
          void refresh();
        }}
      />
      <OneTimePasswordModal shown={shown} onClose={() => setShown(null)} />
    </>
  );
}

/** Route `/admin/accounts` (the list needs account:read; changes need account:manage). */
export function AccountsPage() {
  return (
    <AccessGate permission="account:read">
      <Accounts />
    </AccessGate>
  );
}
