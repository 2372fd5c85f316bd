/** Header entry for the session: who is signed in and 退出登录, or a 登录 link. */
import { LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { notifyError } from '../../../lib/notify.js';
import { logout, useMe } from '../api/auth.api.js';

const onDark = { color: 'rgba(255,255,255,0.85)' };

/** Signed-in name + sign-out, or sign-in. */
export function AccountMenu() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
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
    // Shown data may have depended on the session: reset it (active queries refetch).
    await queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== 'plans' });
  };

  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
      <span style={onDark} data-testid="account-name">
        <UserOutlined /> {account.displayName}
      </span>
      <Button type="text" icon={<LogoutOutlined />} style={onDark} onClick={() => void signOut()} data-testid="logout">
        {t('auth.logout')}
      </Button>
    </span>
  );
}
