import { describe, expect, it } from 'vitest';
import { accountState, maskPhone, parseRoleList, roleName, roleNames, sortRoles } from './account-format.js';

const now = new Date('2026-05-01T08:00:00Z');
const base = { disabled: false, disabledReason: null, lockedUntil: null };

describe('accountState', () => {
  it('is active without lock or disablement', () => {
    expect(accountState(base, now)).toEqual({ kind: 'active' });
  });

  it('is locked until a future time only', () => {
    expect(accountState({ ...base, lockedUntil: '2026-05-01T08:30:00Z' }, now)).toEqual({ kind: 'locked', until: '2026-05-01T08:30:00Z' });
    expect(accountState({ ...base, lockedUntil: '2026-05-01T07:59:59Z' }, now)).toEqual({ kind: 'active' });
  });

  it('shows disabled (with its reason) before locked', () => {
    expect(accountState({ disabled: true, disabledReason: '超过90天未使用', lockedUntil: '2026-05-01T09:00:00Z' }, now)).toEqual({ kind: 'disabled', reason: '超过90天未使用' });
    expect(accountState({ ...base, disabled: true }, now)).toEqual({ kind: 'disabled', reason: null });
  });
});

describe('role names', () => {
  it('names roles in Chinese and English, unknown ones as written', () => {
    expect(roleName('reporter', 'zh')).toBe('填报员');
    expect(roleName('securityAdmin', 'en')).toBe('Security administrator');
    expect(roleName('mayor', 'zh')).toBe('mayor');
  });

  it('orders roles as ROLES does and drops duplicates', () => {
    expect(sortRoles(['leader', 'planOffice', 'x', 'reporter', 'leader'])).toEqual(['planOffice', 'reporter', 'leader', 'x']);
    expect(roleNames(['unitHead', 'reporter'], 'zh')).toEqual(['填报员', '单位审核人']);
    expect(roleNames([], 'zh')).toEqual([]);
  });

  it('parses the audit trail’s comma-separated roles', () => {
    expect(parseRoleList('planOffice,leader')).toEqual(['planOffice', 'leader']);
    expect(parseRoleList('')).toEqual([]);
    expect(parseRoleList(null)).toEqual([]);
    expect(parseRoleList(' auditAdmin , ')).toEqual(['auditAdmin']);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138****5678', '138****5678'],
    ['0750-3501234', '075****1234'],
    ['12345', '****'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('keeps a missing number missing', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBeNull();
  });
});
