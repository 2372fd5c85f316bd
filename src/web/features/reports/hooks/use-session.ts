/** The signed-in account as the reporting pages need it: unit, CSRF token, permissions. */
import type { Permission } from '../../../../shared/domain/roles.js';
import { hasPermission, useMe } from '../../auth/api/auth.api.js';

export interface Session {
  /** True until /auth/me has answered. */
  loading: boolean;
  signedIn: boolean;
  unitName: string | null;
  displayName: string | null;
  csrf: string | null;
  can: (permission: Permission) => boolean;
}

export function useSession(): Session {
  const me = useMe();
  const data = me.data;
  const account = data?.account ?? null;
  return {
    loading: me.isLoading,
    signedIn: !!account && !data?.mustChangePassword,
    unitName: account?.unitName ?? null,
    displayName: account?.displayName ?? null,
    csrf: data?.csrfToken ?? null,
    can: (permission) => hasPermission(data, permission),
  };
}
