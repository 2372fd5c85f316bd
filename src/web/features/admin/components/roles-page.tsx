/**
 * 角色分配 (/admin/roles, 安全管理员): the account list with a role editor per account
 * (PUT /admin/users/:id/roles). Refusals — 三权分立, the last holder of an administrator role,
 * one's own roles — come from the server and are shown in the editor as it words them.
 */
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Input, message, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState, type HTMLAttributes } from 'react';
import type { Account } from '../../../../shared/api/auth-api.js';
import { Loading } from '../../../components/async-content.js';
import { PageHeader } from '../../../components/page-header.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCsrfToken, useMe } from '../../auth/api/auth.api.js';
import { AccessGate, PageError } from '../../auth/components/access-gate.js';
import { ACCOUNTS_KEY, useAccounts } from '../api/accounts.api.js';
import { roleNames } from '../utils/account-format.js';
import { accountColumns, matchesAccount } from './account-columns.js';
import { RoleEditorModal } from './role-editor.js';

function Roles() {
  const { t, lang } = useI18n();
  const selfId = useMe().data?.account?.id ?? null;
  const csrf = useCsrfToken();
  const accounts = useAccounts();
  const queryClient = useQueryClient();
  const [messageApi, messageHolder] = message.useMessage();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Account | null>(null);

  if (accounts.error && !accounts.data) return <PageError error={accounts.error} onRetry={accounts.refetch} />;
  if (!accounts.data) return <Loading />;

  const columns: ColumnsType<Account> = accountColumns({ t, lang, now: new Date(), selfId });
  columns.push({
    title: t('admin.col.actions'),
    key: 'actions',
    width: 110,
    fixed: 'right',
    render: (_, a) => (
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(a)} data-testid="action-roles">
        {t('admin.roles.edit')}
      </Button>
    ),
  });
  const rows = accounts.data.filter((a) => matchesAccount(a, query));

  return (
    <>
      {messageHolder}
      <PageHeader title={t('nav.admin.roles')} subtitle={t('admin.roles.subtitle')} />
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('admin.search')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 320 }} data-testid="account-search" />
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('admin.accounts.count', { n: rows.length, total: accounts.data.length })}</span>
        </Flex>
        <div data-testid="accounts-table">
          <Table<Account>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 1095 }}
            onRow={(a) => ({ 'data-testid': `account-${a.login}` }) as HTMLAttributes<HTMLElement>}
          />
        </div>
      </Card>
      <RoleEditorModal
        account={editing}
        accounts={accounts.data}
        selfId={selfId}
        csrf={csrf}
        onClose={() => setEditing(null)}
        onSaved={(a) => {
          setEditing(null);
          const names = roleNames(a.roles, lang);
          void messageApi.success(t('admin.roles.saved', { login: a.login, roles: names.length ? names.join(lang === 'zh' ? '、' : ', ') : t('admin.noRoles') }));
          void queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
        }}
      />
    </>
  );
}

/** Route `/admin/roles`. */
export function RolesPage() {
  return (
    <AccessGate permission="role:assign">
      <Roles />
    </AccessGate>
  );
}
