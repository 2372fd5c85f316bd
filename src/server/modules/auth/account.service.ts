/**
 * Accounts, sessions and the 三权分立 rules. Every state change writes its audit row in the same
 * transaction. Rules enforced here (not in routes):
 *   - an administrator role (系统/安全/审计管理员) is never combined with any other role;
 *   - nobody changes their own roles or disables themselves;
 *   - the last enabled holder of an administrator role can be neither disabled nor stripped of it;
 *   - lockout after N consecutive failures, idle and absolute session timeouts, password expiry and
 *     history, inactive accounts disabled — all per the security policy, all on the injected clock.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { ADMIN_ROLES, isAdminRole, ROLE_NAMES, ROLES, type Role } from '../../../shared/domain/roles.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { writeAudit, type Actor } from '../../audit/audit.js';
import * as repo from './account.repository.js';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './password.js';
import { loadPolicy, type SecurityPolicy } from './security-policy.js';
import { verifyTotp } from './totp.js';

type Db = Kysely<Database>;

/** Who does it, when, from where. */
export interface Ctx {
  now: Date;
  actor: Actor;
  ip?: string | null;
  requestId?: string | null;
}

export interface AccountView {
  id: number;
  login: string;
  displayName: string;
  unitName: string | null;
  /** Masked: 138****5678. */
  phone: string | null;
  roles: Role[];
  disabled: boolean;
  disabledReason: string | null;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

const tx = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
const days = (n: number): number => n * 86_400_000;
const minutes = (n: number): number => n * 60_000;

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

export function presentAccount(u: UserRow, roles: string[]): AccountView {
  return {
    id: u.id,
    login: u.login,
    displayName: u.display_name,
    unitName: u.unit_name,
    phone: maskPhone(u.phone),
    roles: roles as Role[],
    disabled: u.disabled === 1,
    disabledReason: u.disabled_reason,
    lockedUntil: u.locked_until,
    mustChangePassword: u.must_change_password === 1,
    totpEnabled: u.totp_secret !== null,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
  };
}

/** Roles a set may hold together: an administrator role stands alone; roles are known. */
export function roleSetProblem(roles: string[]): string | null {
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) return `未知角色：${unknown.join('、')}`;
  if (new Set(roles).size !== roles.length) return '角色重复';
  const admins = roles.filter(isAdminRole);
  if (admins.length > 1) return `三权分立：同一账户不能同时担任${admins.map((r) => ROLE_NAMES[r as Role].zh).join('和')}`;
  if (admins.length === 1 && roles.length > 1) return `三权分立：${ROLE_NAMES[admins[0] as Role].zh}不能兼任其他角色`;
  return null;
}

const LOGIN = /^[a-z][a-z0-9_.-]{2,31}$/;

async function audit(db: Db, ctx: Ctx, action: string, objectId: number | string | null, fields: { before?: unknown; after?: unknown; outcome?: 'success' | 'failure' | 'denied'; message?: string }): Promise<void> {
  await writeAudit(db, {
    at: ctx.now,
    actor: ctx.actor,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
    action,
    objectType: 'account',
    objectId,
    before: fields.before,
    after: fields.after,
    outcome: fields.outcome ?? 'success',
    message: fields.message ?? null,
  });
}

async function requireUser(db: Db, id: number): Promise<UserRow> {
  const u = await repo.findUserById(db, id);
  if (!u) throw new AppError('NOT_FOUND', `账户（编号 ${id}）不存在`);
  return u;
}

export interface NewAccount {
  login: string;
  displayName: string;
  unitName?: string | null;
  phone?: string | null;
  roles?: string[];
}

/** Create an account with a one-time password (must be changed at first login). */
export async function createAccount(db: Db, ctx: Ctx, input: NewAccount): Promise<{ account: AccountView; oneTimePassword: string }> {
  if (!LOGIN.test(input.login)) throw new AppError('VALIDATION_FAILED', '用户名须为3–32位小写字母、数字或 _ . -，并以字母开头', { field: 'login' });
  if (!input.displayName.trim()) throw new AppError('VALIDATION_FAILED', '姓名不能为空', { field: 'displayName' });
  if (input.phone && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(input.phone)) throw new AppError('VALIDATION_FAILED', '电话号码格式不正确（手机号11位或座机号）', { field: 'phone' });
  const roles = input.roles ?? [];
  const problem = roleSetProblem(roles);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'roles' });
  const oneTimePassword = generatePassword();
  const hash = await hashPassword(oneTimePassword);
  return tx(db, async (trx) => {
    if (await repo.findUserByLogin(trx, input.login)) throw new AppError('CONFLICT', `用户名“${input.login}”已存在`, { field: 'login' });
    const now = ctx.now.toISOString();
    const row = await trx
      .insertInto('user_account')
      .values({
        login: input.login,
        display_name: input.displayName.trim(),
        unit_name: input.unitName ?? null,
        phone: input.phone ?? null,
        password_hash: hash,
        password_changed_at: now,
        must_change_password: 1,
        totp_secret: null,
        locked_until: null,
        disabled_reason: null,
        last_login_at: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await repo.replaceRoles(trx, id, roles);
    await trx.insertInto('password_history').values({ user_id: id, password_hash: hash, created_at: now }).execute();
    const account = presentAccount(await requireUser(trx, id), roles);
    await audit(trx, ctx, 'account.create', id, { after: { ...account, lastLoginAt: undefined } });
    return { account, oneTimePassword };
  });
}

/** Replace an account's roles (安全管理员). */
export async function setRoles(db: Db, ctx: Ctx, userId: number, roles: string[]): Promise<AccountView> {
  if (ctx.actor.id === userId) throw new AppError('FORBIDDEN', '不能修改自己的角色');
  const problem = roleSetProblem(roles);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'roles' });
  return tx(db, async (trx) => {
    const user = await requireUser(trx, userId);
    const before = await repo.findRoles(trx, userId);
    if (user.disabled === 0) {
      for (const r of ADMIN_ROLES) {
        if (before.includes(r) && !roles.includes(r) && (await repo.countEnabledHolders(trx, r)) <= 1) {
          throw new AppError('CONFLICT', `“${user.display_name}”是唯一的${ROLE_NAMES[r].zh}，不能撤销该角色；请先为他人授予该角色`);
        }
      }
    }
    await repo.replaceRoles(trx, userId, roles);
    await audit(trx, ctx, 'account.roles', userId, { before: { roles: before }, after: { roles } });
    return presentAccount(user, roles);
  });
}

/** Is the account the last enabled holder of an administrator role? */
async function isLastAdmin(db: Db, userId: number): Promise<boolean> {
  for (const r of (await repo.findRoles(db, userId)).filter(isAdminRole)) if ((await repo.countEnabledHolders(db, r)) <= 1) return true;
  return false;
}

async function lastAdminGuard(trx: Db, user: UserRow, verb: string): Promise<void> {
  const roles = await repo.findRoles(trx, user.id);
  for (const r of roles.filter(isAdminRole)) {
    if ((await repo.countEnabledHolders(trx, r)) <= 1) {
      throw new AppError('CONFLICT', `“${user.display_name}”是唯一的${ROLE_NAMES[r as Role].zh}，不能${verb}`);
    }
  }
}

export async function disableAccount(db: Db, ctx: Ctx, userId: number, reason = '管理员停用'): Promise<AccountView> {
  if (ctx.actor.id === userId) throw new AppError('FORBIDDEN', '不能停用自己的账户');
  return tx(db, async (trx) => {
    const user = await requireUser(trx, userId);
    if (user.disabled === 1) return presentAccount(user, await repo.findRoles(trx, userId));
    await lastAdminGuard(trx, user, '停用');
    await trx.updateTable('user_account').set({ disabled: 1, disabled_reason: reason }).where('id', '=', userId).execute();
    await repo.deleteUserSessions(trx, userId);
    await audit(trx, ctx, 'account.disable', userId, { before: { disabled: false }, after: { disabled: true, reason } });
    return presentAccount(await requireUser(trx, userId), await repo.findRoles(trx, userId));
  });
}

export async function enableAccount(db: Db, ctx: Ctx, userId: number): Promise<AccountView> {
  return tx(db, async (trx) => {
    const user = await requireUser(trx, userId);
    // Re-enabling counts as use, so an account disabled for inactivity is not disabled again at once.
    await trx.updateTable('user_account').set({ disabled: 0, disabled_reason: null, last_login_at: ctx.now.toISOString() }).where('id', '=', userId).execute();
    await audit(trx, ctx, 'account.enable', userId, { before: { disabled: user.disabled === 1, reason: user.disabled_reason }, after: { disabled: false } });
    return presentAccount(await requireUser(trx, userId), await repo.findRoles(trx, userId));
  });
}

export async function unlockAccount(db: Db, ctx: Ctx, userId: number): Promise<AccountView> {
  return tx(db, async (trx) => {
    const user = await requireUser(trx, userId);
    await trx.updateTable('user_account').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
    await audit(trx, ctx, 'account.unlock', userId, { before: { failedAttempts: user.failed_attempts, lockedUntil: user.locked_until }, after: { failedAttempts: 0, lockedUntil: null } });
    return presentAccount(await requireUser(trx, userId), await repo.findRoles(trx, userId));
  });
}

/** A new one-time password; the account must change it at next login; its sessions end. */
export async function resetPassword(db: Db, ctx: Ctx, userId: number): Promise<{ account: AccountView; oneTimePassword: string }> {
  const oneTimePassword = generatePassword();
  const hash = await hashPassword(oneTimePassword);
  return tx(db, async (trx) => {
    await requireUser(trx, userId);
    const now = ctx.now.toISOString();
    await trx.updateTable('user_account').set({ password_hash: hash, password_changed_at: now, must_change_password: 1 }).where('id', '=', userId).execute();
    await trx.insertInto('password_history').values({ user_id: userId, password_hash: hash, created_at: now }).execute();
    await repo.deleteUserSessions(trx, userId);
    await audit(trx, ctx, 'account.resetPassword', userId, { after: { mustChangePassword: true } });
    return { account: presentAccount(await requireUser(trx, userId), await repo.findRoles(trx, userId)), oneTimePassword };
  });
}

/** The account changes its own password (current one required; policy and history enforced). */
export async function changePassword(db: Db, ctx: Ctx, userId: number, current: string, next: string): Promise<void> {
  const policy = await loadPolicy(db);
  const user = await requireUser(db, userId);
  if (!(await verifyPassword(user.password_hash, current))) {
    await tx(db, (trx) => audit(trx, ctx, 'account.changePassword', userId, { outcome: 'failure', message: '当前密码不正确' }));
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', { field: 'currentPassword' });
  }
  const problems = passwordProblems(next, policy, user.login);
  if (problems.length) throw new AppError('VALIDATION_FAILED', `新密码不符合要求：${problems.join('；')}`, { field: 'newPassword', problems });
  for (const h of await repo.recentPasswordHashes(db, userId, policy.passwordHistory)) {
    if (await verifyPassword(h.password_hash, next)) {
      throw new AppError('VALIDATION_FAILED', `新密码不能与最近${policy.passwordHistory}次使用过的密码相同`, { field: 'newPassword' });
    }
  }
  const hash = await hashPassword(next);
  await tx(db, async (trx) => {
    const now = ctx.now.toISOString();
    await trx.updateTable('user_account').set({ password_hash: hash, password_changed_at: now, must_change_password: 0 }).where('id', '=', userId).execute();
    await trx.insertInto('password_history').values({ user_id: userId, password_hash: hash, created_at: now }).execute();
    await audit(trx, ctx, 'account.changePassword', userId, { after: { passwordChangedAt: now } });
  });
}

/** Store a verified TOTP secret for the account. */
export async function enableTotp(db: Db, ctx: Ctx, userId: number, secret: string, code: string): Promise<void> {
  if (!verifyTotp(secret, code, ctx.now)) throw new AppError('VALIDATION_FAILED', '动态验证码不正确，请核对手机验证器上的6位数字', { field: 'code' });
  await tx(db, async (trx) => {
    await trx.updateTable('user_account').set({ totp_secret: secret }).where('id', '=', userId).execute();
    await audit(trx, ctx, 'account.totpEnable', userId, { after: { totpEnabled: true } });
  });
}

// ---- sessions ----

export const SESSION_COOKIE = 'sanqu_session';
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Does the policy require a second factor of this account? */
export function requiresTotp(roles: string[], policy: SecurityPolicy): boolean {
  return policy.totpRequired && roles.some((r) => isAdminRole(r) || r === 'unitHead');
}

export interface LoginInput {
  login: string;
  password: string;
  totp?: string | undefined;
  userAgent?: string | null;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  account: AccountView;
  passwordExpired: boolean;
  /** The policy requires a second factor this account has not set up yet. */
  mustSetUpTotp: boolean;
}

const failedLogin = (): AppError => new AppError('LOGIN_FAILED', '用户名或密码错误');

/** Check credentials; on success create a database session. Failures are audited. */
export async function login(db: Db, ctx: Omit<Ctx, 'actor'>, input: LoginInput): Promise<LoginResult> {
  const policy = await loadPolicy(db);
  const user = await repo.findUserByLogin(db, input.login);
  const attempt: Actor = { id: user?.id ?? null, login: input.login, roles: user ? await repo.findRoles(db, user.id) : [] };
  const actx: Ctx = { ...ctx, actor: attempt };
  const fail = async (action: string, message: string, err: AppError, change?: (trx: Db) => Promise<void>): Promise<never> => {
    await tx(db, async (trx) => {
      if (change) await change(trx);
      await audit(trx, actx, action, user?.id ?? null, { outcome: 'failure', message });
    });
    throw err;
  };
  if (!user) return fail('auth.login', '用户名不存在', failedLogin());
  if (user.disabled === 1) {
    return fail('auth.login', `账户已停用：${user.disabled_reason ?? ''}`, new AppError('ACCOUNT_DISABLED', `账户已停用（${user.disabled_reason ?? '管理员停用'}），请联系系统管理员`));
  }
  if (user.locked_until && new Date(user.locked_until) > ctx.now) {
    const until = new Date(user.locked_until);
    return fail('auth.login', '账户锁定期间尝试登录', new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账户已锁定至${formatTime(until)}，请稍后再试或联系系统管理员解锁`, { lockedUntil: user.locked_until }));
  }
  const lastUse = new Date(user.last_login_at ?? user.created_at);
  if (ctx.now.getTime() - lastUse.getTime() > days(policy.inactiveAccountDays) && !(await isLastAdmin(db, user.id))) {
    return fail(
      'account.disable',
      `超过${policy.inactiveAccountDays}天未使用，自动停用`,
      new AppError('ACCOUNT_DISABLED', `账户超过${policy.inactiveAccountDays}天未使用，已自动停用，请联系系统管理员`),
      async (trx) => {
        await trx.updateTable('user_account').set({ disabled: 1, disabled_reason: `超过${policy.inactiveAccountDays}天未使用` }).where('id', '=', user.id).execute();
      },
    );
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const attempts = user.failed_attempts + 1;
    const lock = attempts >= policy.lockoutThreshold;
    const lockedUntil = lock ? new Date(ctx.now.getTime() + minutes(policy.lockoutMinutes)) : null;
    await tx(db, async (trx) => {
      await trx
        .updateTable('user_account')
        .set({ failed_attempts: lock ? 0 : attempts, locked_until: lockedUntil?.toISOString() ?? user.locked_until })
        .where('id', '=', user.id)
        .execute();
      await audit(trx, actx, 'auth.login', user.id, { outcome: 'failure', message: `密码错误（连续第${attempts}次）` });
      if (lock) await audit(trx, actx, 'account.lockout', user.id, { after: { lockedUntil: lockedUntil!.toISOString() }, message: `连续${attempts}次登录失败，锁定${policy.lockoutMinutes}分钟` });
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', `连续${attempts}次登录失败，账户已锁定${policy.lockoutMinutes}分钟（至${formatTime(lockedUntil!)}）`, { lockedUntil: lockedUntil!.toISOString() });
    const left = policy.lockoutThreshold - attempts;
    throw new AppError('LOGIN_FAILED', `用户名或密码错误（再失败${left}次将锁定账户${policy.lockoutMinutes}分钟）`, { attemptsLeft: left });
  }
  const roles = attempt.roles;
  if (requiresTotp(roles, policy) && user.totp_secret) {
    if (!input.totp) throw new AppError('TOTP_REQUIRED', '请输入手机验证器上的6位动态验证码');
    if (!verifyTotp(user.totp_secret, input.totp, ctx.now)) return fail('auth.login', '动态验证码错误', new AppError('TOTP_REQUIRED', '动态验证码不正确'));
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const passwordExpired = ctx.now.getTime() - new Date(user.password_changed_at).getTime() > days(policy.passwordMaxAgeDays);
  await tx(db, async (trx) => {
    const now = ctx.now.toISOString();
    await trx.updateTable('user_account').set({ failed_attempts: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
    await trx
      .insertInto('session')
      .values({ id: hashToken(token), user_id: user.id, csrf_token: csrfToken, created_at: now, last_seen_at: now, ip: ctx.ip ?? null, user_agent: input.userAgent?.slice(0, 200) ?? null })
      .execute();
    await audit(trx, actx, 'auth.login', user.id, { message: passwordExpired ? '登录成功（密码已过期，须修改）' : '登录成功' });
  });
  return {
    token,
    csrfToken,
    account: presentAccount({ ...user, last_login_at: ctx.now.toISOString() }, roles),
    passwordExpired,
    mustSetUpTotp: requiresTotp(roles, policy) && !user.totp_secret,
  };
}

function formatTime(d: Date): string {
  // Beijing time, as officials read it.
  const bj = new Date(d.getTime() + 8 * 3_600_000);
  return `${bj.getUTCFullYear()}-${String(bj.getUTCMonth() + 1).padStart(2, '0')}-${String(bj.getUTCDate()).padStart(2, '0')} ${String(bj.getUTCHours()).padStart(2, '0')}:${String(bj.getUTCMinutes()).padStart(2, '0')}`;
}

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  account: AccountView;
  actor: Actor;
  /** Password must be changed (first login, reset, or expired) before anything else. */
  mustChangePassword: boolean;
  /** The policy requires a second factor this account has not set up yet. */
  mustSetUpTotp: boolean;
}

/** How often last_seen_at is written (a write per request would be needless load). */
const TOUCH_EVERY_MS = 60_000;

/** Resolve a session cookie; expired sessions are removed and reported. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionUser | AppError> {
  const id = hashToken(token);
  const row = await repo.findSessionWithUser(db, id);
  if (!row) return new AppError('UNAUTHENTICATED', '请先登录');
  const { session, user } = row;
  if (user.disabled === 1) {
    await repo.deleteSession(db, id);
    return new AppError('UNAUTHENTICATED', '账户已停用，请重新登录');
  }
  const policy = await loadPolicy(db);
  const roles = await repo.findRoles(db, user.id);
  const idle = roles.some(isAdminRole) ? policy.adminIdleTimeoutMinutes : policy.idleTimeoutMinutes;
  const expired =
    now.getTime() - new Date(session.last_seen_at).getTime() > minutes(idle)
      ? `超过${idle}分钟未操作，会话已超时，请重新登录`
      : now.getTime() - new Date(session.created_at).getTime() > policy.absoluteSessionHours * 3_600_000
        ? `会话已超过${policy.absoluteSessionHours}小时，请重新登录`
        : null;
  if (expired) {
    await tx(db, async (trx) => {
      await repo.deleteSession(trx, id);
      await writeAudit(trx, { at: now, actor: { id: user.id, login: user.login, roles }, action: 'auth.sessionExpired', objectType: 'session', objectId: user.id, outcome: 'success', message: expired });
    });
    return new AppError('SESSION_EXPIRED', expired);
  }
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('session').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  const passwordExpired = now.getTime() - new Date(user.password_changed_at).getTime() > days(policy.passwordMaxAgeDays);
  return {
    sessionId: id,
    csrfToken: session.csrf_token,
    account: presentAccount(user, roles),
    actor: { id: user.id, login: user.login, roles },
    mustChangePassword: user.must_change_password === 1 || passwordExpired,
    mustSetUpTotp: requiresTotp(roles, policy) && !user.totp_secret,
  };
}

/** End a session server-side; on SQLite the WAL is checkpointed so the row's bytes are gone from disk. */
export async function logout(db: Db, ctx: Ctx, sessionId: string): Promise<void> {
  await tx(db, async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await writeAudit(trx, { at: ctx.now, actor: ctx.actor, ip: ctx.ip ?? null, requestId: ctx.requestId ?? null, action: 'auth.logout', objectType: 'session', objectId: ctx.actor.id, outcome: 'success' });
  });
  await checkpoint(db);
}

/** SQLite: move WAL frames into the (secure_delete) database file and truncate the WAL. */
export async function checkpoint(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  }
}

/** Disable accounts unused for longer than the policy allows (run at start and daily). */
export async function sweepInactiveAccounts(db: Db, now: Date): Promise<number> {
  const policy = await loadPolicy(db);
  const cutoff = new Date(now.getTime() - days(policy.inactiveAccountDays)).toISOString();
  const stale = (await repo.findAllUsers(db)).filter((u) => u.disabled === 0 && (u.last_login_at ?? u.created_at) < cutoff);
  let n = 0;
  for (const u of stale) {
    await tx(db, async (trx) => {
      // The last holder of an administrator role stays enabled: the system must stay administrable.
      if (await isLastAdmin(trx, u.id)) return;
      const reason = `超过${policy.inactiveAccountDays}天未使用`;
      await trx.updateTable('user_account').set({ disabled: 1, disabled_reason: reason }).where('id', '=', u.id).execute();
      await repo.deleteUserSessions(trx, u.id);
      await writeAudit(trx, { at: now, actor: null, action: 'account.disable', objectType: 'account', objectId: u.id, outcome: 'success', message: `${reason}，自动停用`, after: { disabled: true, reason } });
      n++;
    });
  }
  return n;
}

export async function listAccounts(db: Db): Promise<AccountView[]> {
  const [users, roles] = await Promise.all([repo.findAllUsers(db), repo.findAllRoles(db)]);
  return users.map((u) => presentAccount(u, roles.get(u.id) ?? []));
}
