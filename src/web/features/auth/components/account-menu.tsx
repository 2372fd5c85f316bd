/**
 * Header entry for the session: the signed-in name opens the account menu (roles, 修改密码,
 * 动态验证码); 退出登录 sits beside it. Signed out: a 登录 link. The menu's popover is a lazy
 * chunk loaded on the first click, keeping antd Popover out of the initial route.
 */
import { LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { loadFeatureStrings } from '../../../lib/i18n/dictionary.js';
import { notifyError } from '../../../lib/notify.js';
import { logout, useMe } from '../api/auth.api.js';

// The panel uses the administration strings, which load in their own chunk.
const AccountPanel = lazy(() => loadFeatureStrings().then(() => import('./account-panel.js')));

const onDark = { color: 'rgba(255,255,255,0.85)' };

/** Signed-in name (menu) + sign-out, or sign-in. `onSignedOut` runs after the session ended. */
export function AccountMenu({ onSignedOut }: { onSignedOut?: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [armed, setArmed] = useState(false);
  const account = me.data?.account;

  if (!account) {
    if (location.pathname === '/login') return null;
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Button type="text" icon={<LoginOutlined />} style={onDark} href={`/login?next=${next}`} onClick={(e) => {
        e.preventDefault();
        void navigate(`/login?next=${next}`);
      }} data-testid="login-link">
        {t('auth.login')}
      </Button>
    );
  }

  const signOut = async () => {
    try {
      await logout(me.data?.csrfToken ?? null);
    } catch (e) {
      void notifyError((e as Error).message);
    }
    setOpen(false);
    // Shown data may have depended on the session: reset it (active queries refetch).
    await queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== 'plans' });
    onSignedOut?.();
  };

  const nameButton = (
    <Button
      type="text"
      style={onDark}
      data-testid="account-name"
      aria-haspopup="dialog"
      aria-expanded={open}
      onClick={
        armed
          ? undefined
          : () => {
              setArmed(true);
              setOpen(true);
            }
      }
    >
      <UserOutlined /> {account.displayName} <span aria-hidden style={{ fontSize: 10, opacity: 0.75 }}>▼</span>
    </Button>
  );

  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
      {armed ? (
        <Suspense fallback={nameButton}>
          <AccountPanel account={account} open={open} onOpenChange={setOpen}>
            {nameButton}
          </AccountPanel>
        </Suspense>
      ) : (
        nameButton
      )}
      <Button type="text" icon={<LogoutOutlined />} style={onDark} onClick={() => void signOut()} data-testid="logout">
        {t('auth.logout')}
      </Button>
    </span>
  );
}
