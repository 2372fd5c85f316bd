/**
 * Accounts (账户管理, 系统管理员) and their roles (角色分配, 安全管理员) over /api/v1/admin/users.
 * Every change returns the account as it now is; the list is refetched after each.
 */
import { useQuery } from '@tanstack/react-query';
import type { Account } from '../../../../shared/api/auth-api.js';
import type { Role } from '../../../../shared/domain/roles.js';
import { apiGet, apiPost, apiPut } from '../../../lib/api-client.js';

export const ACCOUNTS_KEY = ['admin', 'accounts'] as const;

/** A new account or a reset: the one-time password is in this answer and nowhere else. */
export interface OneTimePasswordResult {
  account: Account;
  oneTimePassword: string;
}

export interface NewAccountInput {
  login: string;
  displayName: string;
  unitName?: string | null;
  phone?: string | null;
}

/** GET /admin/users (phone numbers masked by the server). */
export async function fetchAccounts(signal?: AbortSignal): Promise<Account[]> {
  return (await apiGet<{ items: Account[] }>('/admin/users', { signal })).items;
}

/** All accounts. */
export function useAccounts() {
  return useQuery({ queryKey: ACCOUNTS_KEY, queryFn: ({ signal }) => fetchAccounts(signal), staleTime: 0 });
}

/** POST /admin/users */
export const createAccount = (input: NewAccountInput, csrf: string | null) => apiPost<OneTimePasswordResult>('/admin/users', input, csrf);

/** POST /admin/users/:id/disable (reason optional: the server records 管理员停用). */
export const disableAccount = (id: number, reason: string | undefined, csrf: string | null) => apiPost<Account>(`/admin/users/${id}/disable`, reason ? { reason } : {}, csrf);

/** POST /admin/users/:id/enable */
export const enableAccount = (id: number, csrf: string | null) => apiPost<Account>(`/admin/users/${id}/enable`, {}, csrf);

/** POST /admin/users/:id/unlock */
export const unlockAccount = (id: number, csrf: string | null) => apiPost<Account>(`/admin/users/${id}/unlock`, {}, csrf);

/** POST /admin/users/:id/reset-password */
export const resetPassword = (id: number, csrf: string | null) => apiPost<OneTimePasswordResult>(`/admin/users/${id}/reset-password`, {}, csrf);

/** PUT /admin/users/:id/roles */
export const setRoles = (id: number, roles: Role[], csrf: string | null) => apiPut<Account>(`/admin/users/${id}/roles`, { roles }, csrf);
