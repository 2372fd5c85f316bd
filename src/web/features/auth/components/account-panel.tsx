/** The account menu's popover (loaded on first use): who is signed in, with which roles, and links to 修改密码 / 动态验证码. */
import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { Popover } from 'antd';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import type { Account } from '../../../../shared/api/auth-api.js';
import { ROLE_NAMES } from '../../../../shared/domain/roles.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { PASSWORD_PATH, TOTP_PATH } from '../api/auth.api.js';

const linkStyle = { display: 'flex', alignItems: 'center', gap: 8, padding: '6px 8px', borderRadius: 6 };

/** Popover around `children` (the name button). */
export default function AccountPanel({ account, open, onOpenChange, children }: { account: Account; open: boolean; onOpenChange: (open: boolean) => void; children: ReactElement }) {
  const { t, lang } = useI18n();
  const roles = account.roles.map((r) => ROLE_NAMES[r]?.[lang] ?? r).join(lang === 'zh' ? '、' : ', ');
  const content = (
    <div style={{ minWidth: 220 }} data-testid="account-popover">
      <div style={{ padding: '0 8px 8px', borderBottom: '1px solid rgba(5,5,5,0.06)', marginBottom: 4 }}>
        <div style={{ fontWeight: 600 }}>
          {account.displayName} <span style={{ color: 'rgba(0,0,0,0.45)', fontWeight: 400 }}>{account.login}</span>
        </div>
        <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{roles || t('admin.noRoles')}</div>
      </div>
      <Link to={PASSWORD_PATH} className="side-nav-link" style={{ ...linkStyle, color: 'inherit' }} onClick={() => onOpenChange(false)} data-testid="menu-change-password">
        <KeyOutlined /> {t('nav.account.password')}
      </Link>
      <Link to={TOTP_PATH} className="side-nav-link" style={{ ...linkStyle, color: 'inherit' }} onClick={() => onOpenChange(false)} data-testid="menu-totp">
        <SafetyOutlined /> {t('nav.account.totp')}
        <span style={{ marginInlineStart: 'auto', fontSize: 12, color: account.totpEnabled ? '#389e0d' : 'rgba(0,0,0,0.45)' }}>{account.totpEnabled ? t('account.totp.on') : t('account.totp.off')}</span>
      </Link>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={onOpenChange} arrow={false}>
      {children}
    </Popover>
  );
}
