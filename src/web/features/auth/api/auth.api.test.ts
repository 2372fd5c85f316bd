import { describe, expect, it } from 'vitest';
import type { Me } from '../../../../shared/api/auth-api.js';
import { hasPermission, pendingStep, safeNext } from './auth.api.js';

const account = { id: 1, login: 'sysadmin', displayName: '系统管理员', unitName: null, phone: null, roles: ['systemAdmin' as const], disabled: false, disabledReason: null, lockedUntil: null, mustChangePassword: false, totpEnabled: false, lastLoginAt: null, createdAt: '2026-01-01T00:00:00Z' };
const me = (extra: Partial<Me> = {}): Me => ({ account, csrfToken: 't', mustChangePassword: false, mustSetUpTotp: false, ...extra });

describe('safeNext', () => {
  it.each([
    [null, '/'],
    ['/admin/accounts', '/admin/accounts'],
    ['/tasks?zone=core', '/tasks?zone=core'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/login?next=/x', '/'],
    ['/account/password', '/'],
    ['/account/totp?next=/', '/'],
  ])('%s → %s', (raw, expected) => {
    expect(safeNext(raw)).toBe(expected);
  });
});

describe('pendingStep', () => {
  it('sends a pending account to the password change first, then to the TOTP set-up', () => {
    expect(pendingStep(undefined)).toBeNull();
    expect(pendingStep({ ...me(), account: null })).toBeNull();
    expect(pendingStep(me())).toBeNull();
    expect(pendingStep(me({ mustChangePassword: true, mustSetUpTotp: true }))).toBe('/account/password');
    expect(pendingStep(me({ mustSetUpTotp: true }))).toBe('/account/totp');
  });
});

describe('hasPermission', () => {
  it('follows the role table, and grants nothing while the account is pending', () => {
    expect(hasPermission(me(), 'account:manage')).toBe(true);
    expect(hasPermission(me(), 'audit:read')).toBe(false);
    expect(hasPermission(me({ mustChangePassword: true }), 'account:manage')).toBe(false);
    expect(hasPermission(undefined, 'account:manage')).toBe(false);
  });
});
