/** Display rules for accounts: state (正常 / 已锁定 / 已停用), role names, masked phone numbers. */
import type { Account } from '../../../../shared/api/auth-api.js';
import { ROLE_NAMES, ROLES, type Role } from '../../../../shared/domain/roles.js';
import type { Language } from '../../../lib/i18n/dictionary.js';

/** What the 状态 column shows; a disabled account is shown as disabled even while also locked. */
export type AccountState = { kind: 'active' } | { kind: 'locked'; until: string } | { kind: 'disabled'; reason: string | null };

/** The account's state at `now` (a lock whose time has passed no longer counts). */
export function accountState(account: Pick<Account, 'disabled' | 'disabledReason' | 'lockedUntil'>, now: Date): AccountState {
  if (account.disabled) return { kind: 'disabled', reason: account.disabledReason };
  if (account.lockedUntil && Date.parse(account.lockedUntil) > now.getTime()) return { kind: 'locked', until: account.lockedUntil };
  return { kind: 'active' };
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** A role's name in `lang`; an unknown identifier stays as written. */
export function roleName(role: string, lang: Language): string {
  return isRole(role) ? ROLE_NAMES[role][lang] : role;
}

/** Roles in the fixed order of ROLES (unknown ones last, as written), without duplicates. */
export function sortRoles<T extends string>(roles: readonly T[]): T[] {
  const rank = (r: string) => (isRole(r) ? ROLES.indexOf(r) : ROLES.length);
  return [...new Set(roles)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Role names in display order. */
export function roleNames(roles: readonly string[], lang: Language): string[] {
  return sortRoles(roles).map((r) => roleName(r, lang));
}

/** The audit trail stores the actor's roles comma-separated ('planOffice,leader'). */
export function parseRoleList(csv: string | null | undefined): string[] {
  return (csv ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

/**
 * A phone number as shown in lists: 138****5678. The server already masks; this keeps an
 * unmasked value from ever reaching the screen should that change.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.includes('*')) return phone;
  const digits = phone.replace(/[\s-]/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}
