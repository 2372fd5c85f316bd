/**
 * Sign-in (登录) against /api/v1/auth: who am I, log in (with the 6-digit code when the account
 * uses TOTP), the password change required at first login, the TOTP set-up, log out, and where
 * a pending account must go first. The session is an httpOnly cookie; the CSRF token from `me`
 * goes with every state-changing request.
 */
import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../shared/api/auth-api.js';
import type { Permission } from '../../../../shared/domain/roles.js';
import { can } from '../../../../shared/domain/roles.js';
import { apiGet, apiPost } from '../../../lib/api-client.js';

export const ME_KEY = ['me'] as const;

/** GET /auth/me (always 200; `account` is null when signed out). */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiGet<Me>('/auth/me', { signal });
}

/** The signed-in account, if any. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

/** POST /auth/login */
export function login(body: { login: string; password: string; totp?: string }): Promise<Me> {
  return apiPost<Me>('/auth/login', body);
}

/** POST /auth/password (allowed while the change is pending). */
export function changePassword(body: { currentPassword: string; newPassword: string }, csrfToken: string | null): Promise<{ ok: true }> {
  return apiPost('/auth/password', body, csrfToken);
}

/** POST /auth/totp/setup: a fresh secret (not stored until a code from it is confirmed). */
export function setupTotp(csrfToken: string | null): Promise<{ secret: string; otpauthUri: string }> {
  return apiPost('/auth/totp/setup', {}, csrfToken);
}

/** POST /auth/totp/enable: store the secret once the app shows a matching 6-digit code. */
export function enableTotp(body: { secret: string; code: string }, csrfToken: string | null): Promise<{ ok: true }> {
  return apiPost('/auth/totp/enable', body, csrfToken);
}

/** POST /auth/logout */
export function logout(csrfToken: string | null): Promise<{ ok: true }> {
  return apiPost('/auth/logout', {}, csrfToken);
}

/** Does the signed-in account (fully set up) hold `permission`? Decides what to show, nothing more. */
export function hasPermission(me: Me | undefined, permission: Permission): boolean {
  if (!me?.account || me.mustChangePassword || me.mustSetUpTotp) return false;
  return can(me.account.roles, permission);
}

/** The signed-in account's CSRF token (null when signed out). */
export function useCsrfToken(): string | null {
  return useMe().data?.csrfToken ?? null;
}

/** Own-account pages; a pending account (password change / TOTP set-up) is sent to them. */
export const PASSWORD_PATH = '/account/password';
export const TOTP_PATH = '/account/totp';

/**
 * Where a signed-in account must go before anything else, if anywhere: the password change
 * first (first login, reset, expiry), then the TOTP set-up the policy requires.
 */
export function pendingStep(me: Me | undefined): typeof PASSWORD_PATH | typeof TOTP_PATH | null {
  if (!me?.account) return null;
  if (me.mustChangePassword) return PASSWORD_PATH;
  if (me.mustSetUpTotp) return TOTP_PATH;
  return null;
}

/** A safe in-app path to return to after signing in (never another origin, never back to a sign-in step). */
export function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/login') || raw.startsWith(PASSWORD_PATH) || raw.startsWith(TOTP_PATH)) return '/';
  return raw;
}
