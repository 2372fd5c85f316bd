import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../shared/domain/roles.js';
import { describeRoleProblem, roleChangeProblems, roleSetProblem, sameRoles, type RoleProblem } from './role-rules.js';

const account = (id: number, roles: Role[], extra: { disabled?: boolean; displayName?: string } = {}) => ({
  id,
  roles,
  disabled: extra.disabled ?? false,
  displayName: extra.displayName ?? `用户${id}`,
});

describe('roleSetProblem (三权分立)', () => {
  it.each<[Role[], RoleProblem | null]>([
    [[], null],
    [['reporter'], null],
    [['reporter', 'unitHead', 'leader', 'planOffice'], null],
    [['systemAdmin'], null],
    [['systemAdmin', 'securityAdmin'], { kind: 'twoAdmins', roles: ['systemAdmin', 'securityAdmin'] }],
    [['auditAdmin', 'systemAdmin', 'reporter'], { kind: 'twoAdmins', roles: ['systemAdmin', 'auditAdmin'] }],
    [['reporter', 'auditAdmin'], { kind: 'adminNotAlone', role: 'auditAdmin' }],
  ])('%j → %j', (roles, expected) => {
    expect(roleSetProblem(roles)).toEqual(expected);
  });
});

describe('describeRoleProblem', () => {
  it('words 三权分立 exactly as the server does', () => {
    expect(describeRoleProblem({ kind: 'twoAdmins', roles: ['systemAdmin', 'securityAdmin'] }, 'zh')).toBe('三权分立：同一账户不能同时担任系统管理员和安全管理员');
    expect(describeRoleProblem({ kind: 'twoAdmins', roles: ['systemAdmin', 'securityAdmin', 'auditAdmin'] }, 'zh')).toBe('三权分立：同一账户不能同时担任系统管理员和安全管理员和审计管理员');
    expect(describeRoleProblem({ kind: 'adminNotAlone', role: 'auditAdmin' }, 'zh')).toBe('三权分立：审计管理员不能兼任其他角色');
    expect(describeRoleProblem({ kind: 'ownAccount' }, 'zh')).toBe('不能修改自己的角色');
    expect(describeRoleProblem({ kind: 'lastHolder', role: 'securityAdmin', displayName: '安全管理员' }, 'zh')).toBe('“安全管理员”是唯一的安全管理员，不能撤销该角色；请先为他人授予该角色');
  });

  it('has English wording too', () => {
    expect(describeRoleProblem({ kind: 'twoAdmins', roles: ['systemAdmin', 'auditAdmin'] }, 'en')).toBe('Separation of duties: one account cannot be both System administrator and Audit administrator');
    expect(describeRoleProblem({ kind: 'ownAccount' }, 'en')).toBe('You cannot change your own roles');
  });
});

describe('roleChangeProblems', () => {
  const sec = account(2, ['securityAdmin'], { displayName: '安全管理员' });
  const target = account(9, ['reporter']);
  const list = [account(1, ['systemAdmin']), sec, account(3, ['auditAdmin']), target];

  it('finds nothing wrong with an ordinary change', () => {
    expect(roleChangeProblems(target, ['reporter', 'unitHead'], list, 2)).toEqual([]);
  });

  it('refuses the signed-in account’s own roles', () => {
    expect(roleChangeProblems(sec, ['securityAdmin'], list, 2)).toEqual([{ kind: 'ownAccount' }]);
  });

  it('reports 三权分立', () => {
    expect(roleChangeProblems(target, ['systemAdmin', 'auditAdmin'], list, 2)).toEqual([{ kind: 'twoAdmins', roles: ['systemAdmin', 'auditAdmin'] }]);
  });

  it('keeps the last enabled holder of an administrator role', () => {
    const sys = list[0]!;
    expect(roleChangeProblems(sys, ['reporter'], list, 2)).toEqual([{ kind: 'lastHolder', role: 'systemAdmin', displayName: '用户1' }]);
    // A second enabled holder lifts the rule; a disabled one does not.
    expect(roleChangeProblems(sys, [], [...list, account(10, ['systemAdmin'])], 2)).toEqual([]);
    expect(roleChangeProblems(sys, [], [...list, account(10, ['systemAdmin'], { disabled: true })], 2)).toHaveLength(1);
    // A disabled account may lose it.
    expect(roleChangeProblems({ ...sys, disabled: true }, [], list, 2)).toEqual([]);
  });
});

describe('sameRoles', () => {
  it('ignores order', () => {
    expect(sameRoles(['reporter', 'leader'], ['leader', 'reporter'])).toBe(true);
    expect(sameRoles(['reporter'], ['reporter', 'leader'])).toBe(false);
    expect(sameRoles([], [])).toBe(true);
  });
});
