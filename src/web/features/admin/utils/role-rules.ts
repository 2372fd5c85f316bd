/**
 * The role rules the server enforces (account.service `setRoles`), mirrored so the role editor
 * can warn while the 安全管理员 ticks boxes. The server stays the judge: its refusal is what the
 * editor shows after saving; these hints only say it in advance, in the same words.
 *   - 三权分立: an administrator role (系统/安全/审计管理员) is never combined with another role;
 *   - nobody changes their own roles;
 *   - the last enabled holder of an administrator role keeps it.
 */
import type { Account } from '../../../../shared/api/auth-api.js';
import { isAdminRole, type Role } from '../../../../shared/domain/roles.js';
import { translate, type Language } from '../../../lib/i18n/dictionary.js';
import { roleName, sortRoles } from './account-format.js';

export type RoleProblem =
  | { kind: 'twoAdmins'; roles: Role[] }
  | { kind: 'adminNotAlone'; role: Role }
  | { kind: 'ownAccount' }
  | { kind: 'lastHolder'; role: Role; displayName: string };

/** 三权分立 problems of a role set (at most one, as the server reports the first). */
export function roleSetProblem(roles: readonly Role[]): RoleProblem | null {
  const admins = sortRoles(roles.filter(isAdminRole));
  if (admins.length > 1) return { kind: 'twoAdmins', roles: admins };
  if (admins.length === 1 && new Set(roles).size > 1) return { kind: 'adminNotAlone', role: admins[0]! };
  return null;
}

/**
 * Everything the server would refuse about giving `account` the roles `next`, judged against
 * the account list the editor was opened from (`selfId` = the signed-in account).
 */
export function roleChangeProblems(account: Pick<Account, 'id' | 'displayName' | 'roles' | 'disabled'>, next: readonly Role[], accounts: readonly Pick<Account, 'roles' | 'disabled'>[], selfId: number | null): RoleProblem[] {
  const problems: RoleProblem[] = [];
  if (account.id === selfId) problems.push({ kind: 'ownAccount' });
  const set = roleSetProblem(next);
  if (set) problems.push(set);
  if (!account.disabled) {
    for (const role of account.roles.filter(isAdminRole)) {
      const holders = accounts.filter((a) => !a.disabled && a.roles.includes(role)).length;
      if (!next.includes(role) && holders <= 1) problems.push({ kind: 'lastHolder', role, displayName: account.displayName });
    }
  }
  return problems;
}

/** The problem in words; in Chinese exactly as the server words it. */
export function describeRoleProblem(problem: RoleProblem, lang: Language): string {
  switch (problem.kind) {
    case 'twoAdmins':
      return translate(lang, 'admin.roles.problem.twoAdmins', { roles: problem.roles.map((r) => roleName(r, lang)).join(translate(lang, 'admin.roles.and')) });
    case 'adminNotAlone':
      return translate(lang, 'admin.roles.problem.adminNotAlone', { role: roleName(problem.role, lang) });
    case 'ownAccount':
      return translate(lang, 'admin.roles.problem.ownAccount');
    case 'lastHolder':
      return translate(lang, 'admin.roles.problem.lastHolder', { name: problem.displayName, role: roleName(problem.role, lang) });
  }
}

/** Are two role sets the same (order aside)? */
export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((r) => y.has(r));
}
