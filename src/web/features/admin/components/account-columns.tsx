/** Columns of the account list, shared by 账户管理 and 角色分配. */
import { SafetyOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import type { Account } from '../../../../shared/api/auth-api.js';
import type { TranslateFn } from '../../../lib/i18n/i18n-context.js';
import type { Language } from '../../../lib/i18n/dictionary.js';
import { isAdminRole } from '../../../../shared/domain/roles.js';
import { accountState, maskPhone, roleName, sortRoles } from '../utils/account-format.js';
import { formatBeijing } from '../utils/beijing-time.js';

/** 正常 / 已锁定（至…）/ 已停用：reason, plus 待修改密码 when the password must be changed. */
export function AccountStateCell({ account, now, t }: { account: Account; now: Date; t: TranslateFn }) {
  const state = accountState(account, now);
  return (
    <span data-testid="account-state" style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
      {state.kind === 'active' ? <Tag color="success">{t('admin.state.active')}</Tag> : null}
      {state.kind === 'locked' ? (
        <>
          <Tag color="warning">{t('admin.state.locked')}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('admin.state.lockedUntil', { time: formatBeijing(state.until, { seconds: false }) })}
          </Typography.Text>
        </>
      ) : null}
      {state.kind === 'disabled' ? (
        <>
          <Tag color="default">{t('admin.state.disabled')}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="disabled-reason">
            {state.reason ?? t('admin.state.disabledNoReason')}
          </Typography.Text>
        </>
      ) : null}
      {account.mustChangePassword && state.kind !== 'disabled' ? <Tag color="processing">{t('admin.state.mustChange')}</Tag> : null}
    </span>
  );
}

/** Role names as tags; 未分配角色 when none. */
export function RoleTags({ roles, lang, t }: { roles: readonly string[]; lang: Language; t: TranslateFn }) {
  if (roles.length === 0) return <Typography.Text type="secondary">{t('admin.noRoles')}</Typography.Text>;
  return (
    <span data-testid="account-roles" style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {sortRoles(roles).map((role) => (
        <Tag key={role} color={isAdminRole(role) ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {roleName(role, lang)}
        </Tag>
      ))}
    </span>
  );
}

/** Login, name, unit, phone, roles, state, last login; `selfId` marks the signed-in account. */
export function accountColumns({ t, lang, now, selfId }: { t: TranslateFn; lang: Language; now: Date; selfId: number | null }): ColumnsType<Account> {
  const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  return [
    {
      title: t('admin.col.login'),
      dataIndex: 'login',
      width: 150,
      sorter: (a, b) => a.login.localeCompare(b.login),
      render: (login: string, a) => (
        <span style={{ display: 'flex', alignItems: 'center', minWidth: 0 }} title={login}>
          <Typography.Text strong ellipsis>
            {login}
          </Typography.Text>
          {a.totpEnabled ? (
            <Tooltip title={t('admin.totpOn')}>
              <SafetyOutlined style={{ marginInlineStart: 6, color: '#389e0d' }} aria-label={t('admin.totpOn')} />
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    {
      title: t('admin.col.name'),
      dataIndex: 'displayName',
      width: 130,
      render: (name: string, a) => (
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
          {name}
          {a.id === selfId ? <Tag style={{ marginInlineEnd: 0 }}>{t('admin.self')}</Tag> : null}
        </span>
      ),
    },
    { title: t('admin.col.unit'), dataIndex: 'unitName', width: 150, render: (unit: string | null) => unit ?? muted('—') },
    { title: t('admin.col.phone'), dataIndex: 'phone', width: 115, render: (phone: string | null) => maskPhone(phone) ?? muted('—') },
    { title: t('admin.col.roles'), dataIndex: 'roles', width: 140, render: (roles: string[]) => <RoleTags roles={roles} lang={lang} t={t} /> },
    { title: t('admin.col.state'), key: 'state', width: 150, render: (_, a) => <AccountStateCell account={a} now={now} t={t} /> },
    {
      title: t('admin.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
      render: (at: string | null) => (at ? <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(at, { seconds: false })}</span> : muted(t('admin.neverLoggedIn'))),
    },
  ];
}

/** Does the account match the search text (login, name, unit)? */
export function matchesAccount(account: Account, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [account.login, account.displayName, account.unitName ?? ''].some((s) => s.toLowerCase().includes(q));
}
