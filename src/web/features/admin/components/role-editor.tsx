/**
 * 分配角色 for one account: business roles and the three administrator roles as checkboxes.
 * While ticking, the editor warns of what the server will refuse (三权分立, own roles, the last
 * holder of an administrator role); on 保存 the server decides and its refusal is shown as is.
 */
import { Alert, Checkbox, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Account } from '../../../../shared/api/auth-api.js';
import { ADMIN_ROLES, ROLE_NAMES, ROLES, type Role } from '../../../../shared/domain/roles.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { setRoles } from '../api/accounts.api.js';
import { sortRoles } from '../utils/account-format.js';
import { describeRoleProblem, roleChangeProblems, sameRoles } from '../utils/role-rules.js';

const BUSINESS_ROLES = ROLES.filter((r) => !(ADMIN_ROLES as readonly Role[]).includes(r));

function RoleEditor({ account, accounts, selfId, csrf, onClose, onSaved }: { account: Account; accounts: Account[]; selfId: number | null; csrf: string | null; onClose: () => void; onSaved: (account: Account) => void }) {
  const { t, lang } = useI18n();
  const errorMessage = useErrorMessage();
  const [selected, setSelected] = useState<Role[]>(account.roles);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = !sameRoles(selected, account.roles);
  const hints = roleChangeProblems(account, selected, accounts, selfId).map((p) => describeRoleProblem(p, lang));

  const toggle = (role: Role, on: boolean) => {
    setError(null);
    setSelected((current) => sortRoles(on ? [...current, role] : current.filter((r) => r !== role)));
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await setRoles(account.id, sortRoles(selected), csrf));
    } catch (e) {
      setError(errorMessage(e as Error));
    } finally {
      setBusy(false);
    }
  };

  const box = (role: Role) => (
    <Checkbox key={role} checked={selected.includes(role)} onChange={(e) => toggle(role, e.target.checked)} data-testid={`role-${role}`}>
      {ROLE_NAMES[role][lang]}
    </Checkbox>
  );

  return (
    <Modal
      open
      title={t('admin.roles.editTitle', { name: account.displayName, login: account.login })}
      okText={t('admin.roles.save')}
      cancelText={t('account.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: !changed, ...{ 'data-testid': 'roles-save' } }}
      width={560}
    >
      <div data-testid="role-editor">
        <Typography.Text strong>{t('admin.roles.business')}</Typography.Text>
        <Flex wrap gap={8} style={{ margin: '8px 0 16px' }}>
          {BUSINESS_ROLES.map(box)}
        </Flex>
        <Typography.Text strong>{t('admin.roles.admins')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }}>
          {t('admin.roles.adminsHint')}
        </Typography.Paragraph>
        <Flex wrap gap={8} style={{ margin: '8px 0 16px' }}>
          {ADMIN_ROLES.map(box)}
        </Flex>
        {hints.length ? (
          <Alert
            type="warning"
            showIcon
            data-testid="role-hints"
            title={hints.length === 1 ? hints[0] : t('admin.roles.hintsTitle')}
            description={
              hints.length > 1 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {hints.map((h) => (
                    <li key={h}>{h}</li>
                  ))}
                </ul>
              ) : undefined
            }
            style={{ marginBottom: error ? 12 : 0 }}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={<span data-testid="role-error">{error}</span>} description={t('admin.roles.refused')} /> : null}
      </div>
    </Modal>
  );
}

/** The editor for `account`, or nothing. */
export function RoleEditorModal(props: { account: Account | null; accounts: Account[]; selfId: number | null; csrf: string | null; onClose: () => void; onSaved: (account: Account) => void }) {
  return props.account ? <RoleEditor key={props.account.id} {...props} account={props.account} /> : null;
}
