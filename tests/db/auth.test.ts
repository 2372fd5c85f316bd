import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/database.js';
import { savePolicy, DEFAULT_POLICY } from '../../src/server/modules/auth/security-policy.js';
import { totpCode } from '../../src/server/modules/auth/totp.js';
import { createTestAccount, loginAs, TEST_PASSWORD } from '../support/auth.js';
import { createSeededApp } from '../support/test-app.js';
import { testDialect } from '../support/test-db.js';

const MIN = 60_000;
const DAY = 86_400_000;

let app: FastifyInstance;
let db: Db;
let close: () => Promise<void>;
let now: Date;
const advance = (ms: number): void => {
  now = new Date(now.getTime() + ms);
};

beforeEach(async () => {
  now = new Date('2026-03-02T01:00:00.000Z');
  ({ app, db, close } = await createSeededApp(null, { clock: () => now }));
});
afterEach(async () => {
  await close();
});

const login = (login: string, password: string, totp?: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: totp ? { login, password, totp } : { login, password } });
const me = (cookie: string) => app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
const diagnostics = (headers: Record<string, string>) => app.inject({ url: '/api/v1/plans/1/diagnostics', headers });
const auditActions = async (): Promise<{ action: string; outcome: string; message: string | null }[]> =>
  db.kysely.selectFrom('audit_event').select(['action', 'outcome', 'message']).orderBy('seq').execute();

describe(`login and sessions (${testDialect})`, () => {
  it('logs in with an HttpOnly, SameSite=Lax session cookie kept in the database, and logs out server-side', async () => {
    await createTestAccount(db.kysely, 'office1', ['planOffice'], now);
    const res = await login('office1', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^sanqu_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure'); // plain HTTP here
    const cookie = setCookie.split(';')[0]!;
    expect((await me(cookie)).json().account.login).toBe('office1');
    expect(await db.kysely.selectFrom('session').select('id').execute()).toHaveLength(1);

    const csrf = res.json().csrfToken as string;
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(200);
    expect(await db.kysely.selectFrom('session').select('id').execute()).toHaveLength(0);
    expect((await me(cookie)).json().account).toBeNull();
    expect((await diagnostics({ cookie })).statusCode).toBe(401);
    expect((await auditActions()).map((a) => a.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']));
  });

  it('marks the cookie Secure behind a TLS-terminating proxy', async () => {
    const proxied = await createSeededApp(null, { clock: () => now, trustProxy: true });
    try {
      await createTestAccount(proxied.db.kysely, 'office2', ['planOffice'], now);
      const res = await proxied.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { login: 'office2', password: TEST_PASSWORD } });
      expect(String(res.headers['set-cookie'])).toContain('Secure');
    } finally {
      await proxied.close();
    }
  });

  it('refuses state-changing requests without the CSRF token, and audits the denial', async () => {
    await createTestAccount(db.kysely, 'office1', ['planOffice'], now);
    const s = await loginAs(app, 'office1');
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect((await auditActions()).at(-1)).toMatchObject({ action: 'access.denied', outcome: 'denied' });
    expect(await db.kysely.selectFrom('session').select('id').execute()).toHaveLength(1);
  });

  it('locks an account for 30 minutes after 5 consecutive failures; an administrator can unlock it', async () => {
    await createTestAccount(db.kysely, 'office1', ['planOffice'], now);
    await createTestAccount(db.kysely, 'sys1', ['systemAdmin'], now);
    for (let i = 1; i <= 4; i++) {
      const r = await login('office1', 'wrong-Password-1');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.details.attemptsLeft).toBe(5 - i);
    }
    const fifth = await login('office1', 'wrong-Password-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().error.message).toContain('锁定30分钟');
    expect((await login('office1', TEST_PASSWORD)).statusCode).toBe(423); // right password, still locked
    const actions = await auditActions();
    expect(actions.filter((a) => a.action === 'auth.login' && a.outcome === 'failure')).toHaveLength(6);
    expect(actions.filter((a) => a.action === 'account.lockout')).toHaveLength(1);

    advance(29 * MIN);
    expect((await login('office1', TEST_PASSWORD)).statusCode).toBe(423);
    advance(2 * MIN);
    expect((await login('office1', TEST_PASSWORD)).statusCode).toBe(200);

    // Lock again, then the system administrator unlocks at once.
    for (let i = 0; i < 5; i++) await login('office1', 'wrong-Password-1');
    expect((await login('office1', TEST_PASSWORD)).statusCode).toBe(423);
    const admin = await loginAs(app, 'sys1');
    const id = (await db.kysely.selectFrom('user_account').select('id').where('login', '=', 'office1').executeTakeFirstOrThrow()).id;
    const unlock = await app.inject({ method: 'POST', url: `/api/v1/admin/users/${id}/unlock`, headers: admin.headers });
    expect(unlock.statusCode).toBe(200);
    expect((await login('office1', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await auditActions()).some((a) => a.action === 'account.unlock')).toBe(true);
  });

  it('ends a session after 30 idle minutes (15 for administrators) and after 8 hours in any case', async () => {
    await createTestAccount(db.kysely, 'office1', ['planOffice'], now);
    await createTestAccount(db.kysely, 'audit1', ['auditAdmin'], now);
    const user = await loginAs(app, 'office1');
    const admin = await loginAs(app, 'audit1');
    advance(14 * MIN);
    expect((await diagnostics(user.headers)).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/admin/audit', headers: admin.headers })).statusCode).toBe(200);
    advance(16 * MIN); // 16 idle minutes
    expect((await diagnostics(user.headers)).statusCode).toBe(200);
    const expiredAdmin = await app.inject({ url: '/api/v1/admin/audit', headers: admin.headers });
    expect(expiredAdmin.statusCode).toBe(401);
    expect(expiredAdmin.json().error.code).toBe('SESSION_EXPIRED');
    advance(31 * MIN);
    const expiredUser = await diagnostics(user.headers);
    expect(expiredUser.json().error).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(expiredUser.json().error.message).toContain('30分钟');

    // Busy all day: every 20 minutes for 8 hours, then the absolute limit ends it.
    const busy = await loginAs(app, 'office1');
    for (let t = 0; t < 24; t++) {
      advance(20 * MIN);
      expect((await diagnostics(busy.headers)).statusCode).toBe(200);
    }
    advance(1 * MIN);
    const over = await diagnostics(busy.headers);
    expect(over.json().error.code).toBe('SESSION_EXPIRED');
    expect(over.json().error.message).toContain('8小时');
  });

  it('forces a password change at first login, after a reset and when the password is 90 days old', async () => {
    await createTestAccount(db.kysely, 'sys1', ['systemAdmin'], now);
    const admin = await loginAs(app, 'sys1');
    const created = await app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: admin.headers, payload: { login: 'newbie', displayName: '新同事', unitName: '市科技局', phone: '13812345678' } });
    expect(created.statusCode).toBe(200);
    const otp = created.json().oneTimePassword as string;
    expect(created.json().account.phone).toBe('138****5678');
    const first = await login('newbie', otp);
    expect(first.json().mustChangePassword).toBe(true);
    const s = { cookie: String(first.headers['set-cookie']).split(';')[0]!, csrf: first.json().csrfToken as string };
    const h = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    expect((await app.inject({ url: '/api/v1/admin/users', headers: h })).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: h, payload: { currentPassword: otp, newPassword: 'Password123' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('弱口令');
    const short = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: h, payload: { currentPassword: otp, newPassword: 'abc12' } });
    expect(short.json().error.details.problems).toEqual(['密码长度至少8位', '密码须包含大写字母、小写字母、数字、特殊字符中的至少3类']);
    const same = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: h, payload: { currentPassword: otp, newPassword: otp } });
    expect(same.json().error.message).toContain('最近5次');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: h, payload: { currentPassword: otp, newPassword: 'Kx7#harbour-2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await me(s.cookie)).json().mustChangePassword).toBe(false);

    // 91 days later (kept in use, so not disabled for inactivity) the password has expired.
    await db.kysely.updateTable('user_account').set({ password_changed_at: new Date(now.getTime() - 91 * DAY).toISOString() }).where('login', '=', 'newbie').execute();
    const later = await login('newbie', 'Kx7#harbour-2026');
    expect(later.json().mustChangePassword).toBe(true);
  });

  it('does not accept any of the last 5 passwords again', async () => {
    await createTestAccount(db.kysely, 'office1', ['planOffice'], now);
    const s = await loginAs(app, 'office1');
    const change = (currentPassword: string, newPassword: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: s.headers, payload: { currentPassword, newPassword } });
    const passwords = ['Aa1!first-pass', 'Aa1!second-pass', 'Aa1!third-pass', 'Aa1!fourth-pass'];
    let current = TEST_PASSWORD;
    for (const p of passwords) {
      expect((await change(current, p)).statusCode).toBe(200);
      current = p;
    }
    expect((await change(current, 'Aa1!second-pass')).json().error.message).toContain('最近5次');
    expect((await change(current, 'Aa1!fifth-pass')).statusCode).toBe(200);
    current = 'Aa1!fifth-pass';
    // TEST_PASSWORD is now 6 passwords back: allowed again.
    expect((await change(current, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('disables accounts unused for 90 days, except the last holder of an administrator role', async () => {
    await createTestAccount(db.kysely, 'office1', ['planOffice'], now);
    await createTestAccount(db.kysely, 'sec1', ['securityAdmin'], now);
    advance(91 * DAY);
    const res = await login('office1', TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
    expect(res.json().error.message).toContain('90天');
    expect((await login('sec1', TEST_PASSWORD)).statusCode).toBe(200);
    const row = await db.kysely.selectFrom('user_account').select(['disabled', 'disabled_reason']).where('login', '=', 'office1').executeTakeFirstOrThrow();
    expect(row).toEqual({ disabled: 1, disabled_reason: '超过90天未使用' });
  });

  it('requires a TOTP second factor of administrators when the policy says so', async () => {
    await createTestAccount(db.kysely, 'sys1', ['systemAdmin'], now);
    await createTestAccount(db.kysely, 'office1', ['planOffice'], now);
    await savePolicy(db.kysely, { ...DEFAULT_POLICY, totpRequired: true }, now);
    const s = await loginAs(app, 'sys1');
    expect((await me(s.cookie)).json().mustSetUpTotp).toBe(true);
    expect((await app.inject({ url: '/api/v1/admin/users', headers: s.headers })).json().error.code).toBe('TOTP_SETUP_REQUIRED');
    const { secret } = (await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: s.headers })).json() as { secret: string };
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: s.headers, payload: { secret, code: '000000' === totpCode(secret, now) ? '111111' : '000000' } });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: s.headers, payload: { secret, code: totpCode(secret, now) } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/admin/users', headers: s.headers })).statusCode).toBe(200);

    advance(5 * MIN);
    const without = await login('sys1', TEST_PASSWORD);
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('TOTP_REQUIRED');
    expect((await login('sys1', TEST_PASSWORD, totpCode(secret, new Date(now.getTime() - 10 * MIN)))).statusCode).toBe(401);
    expect((await login('sys1', TEST_PASSWORD, totpCode(secret, now))).statusCode).toBe(200);
    // Not required of a plan-office account.
    expect((await login('office1', TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe(`三权分立 through the API (${testDialect})`, () => {
  it('keeps administrator roles apart, forbids changing one’s own roles and protects the last holder', async () => {
    const sec = await createTestAccount(db.kysely, 'sec1', ['securityAdmin'], now);
    const sys = await createTestAccount(db.kysely, 'sys1', ['systemAdmin'], now);
    const user = await createTestAccount(db.kysely, 'user1', [], now);
    const secS = await loginAs(app, 'sec1');
    const sysS = await loginAs(app, 'sys1');
    const roles = (id: number, r: string[], s = secS) => app.inject({ method: 'PUT', url: `/api/v1/admin/users/${id}/roles`, headers: s.headers, payload: { roles: r } });

    expect((await roles(user, ['reporter', 'unitHead'])).statusCode).toBe(200);
    const two = await roles(user, ['systemAdmin', 'auditAdmin']);
    expect(two.statusCode).toBe(400);
    expect(two.json().error.message).toContain('三权分立');
    expect((await roles(user, ['auditAdmin', 'planOffice'])).statusCode).toBe(400);
    const self = await roles(sec, ['securityAdmin', 'leader']);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('不能修改自己的角色');
    // The system administrator manages accounts but cannot assign roles.
    expect((await roles(user, ['leader'], sysS)).statusCode).toBe(403);
    // sys1 is the only system administrator: neither disabled nor stripped.
    const strip = await roles(sys, ['leader']);
    expect(strip.statusCode).toBe(409);
    expect(strip.json().error.message).toContain('唯一的系统管理员');
    const other = await createTestAccount(db.kysely, 'sys2', ['systemAdmin'], now);
    const sys2 = await loginAs(app, 'sys2');
    const disableSys1 = await app.inject({ method: 'POST', url: `/api/v1/admin/users/${sys}/disable`, headers: sys2.headers, payload: {} });
    expect(disableSys1.statusCode).toBe(200); // another holder exists now
    const disableLast = await app.inject({ method: 'POST', url: `/api/v1/admin/users/${other}/disable`, headers: sysS.headers, payload: {} });
    expect(disableLast.statusCode).toBe(401); // sys1's sessions ended when it was disabled
    const selfDisable = await app.inject({ method: 'POST', url: `/api/v1/admin/users/${other}/disable`, headers: sys2.headers, payload: {} });
    expect(selfDisable.statusCode).toBe(403);
  });
});
