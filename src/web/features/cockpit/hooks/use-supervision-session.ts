/** The signed-in account as the supervision pages need it: permissions, unit, CSRF token. */
import type { Permission } from '../../../../shared/domain/roles.js';
import { hasPermission, useMe } from '../../auth/api/auth.api.js';
import type { Actor } from '../utils/supervision-rules.js';

export interface SupervisionSession extends Actor {
  /** True until /auth/me has answered. */
  loading: boolean;
  signedIn: boolean;
  csrf: string | null;
  can: (permission: Permission) => boolean;
}

export function useSupervisionSession(): SupervisionSession {
  const me = useMe();
  const data = me.data;
  const account = data?.account ?? null;
  const can = (permission: Permission) => hasPermission(data, permission);
  return {
    loading: me.isLoading,
    signedIn: !!account && !data?.mustChangePassword,
    unitName: account?.unitName ?? null,
    csrf: data?.csrfToken ?? null,
    can,
    canRespond: can('notice:respond'),
    canSupervise: can('supervise'),
    canInstruct: can('instruction:write'),
  };
}
