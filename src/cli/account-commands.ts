/**
 * `sanqu users …` and `sanqu audit verify`: the operator's commands on the server itself.
 * They act as the command-line actor (recorded in the audit trail as cli:<OS user>).
 */
import { userInfo } from 'node:os';
import type { Actor } from '../server/audit/audit.js';
import { verifyAuditChain } from '../server/audit/audit.js';
import type { Db } from '../server/db/database.js';
import { AppError } from '../server/errors.js';
import * as accounts from '../server/modules/auth/account.service.js';
import { findUserByLogin } from '../server/modules/auth/account.repository.js';
import { ROLE_NAMES, type Role } from '../shared/domain/roles.js';
import type { CommandIo } from './import-command.js';

export const cliActor = (): Actor => ({ id: null, login: `cli:${safeUser()}`, roles: [] });
function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Value of `--name value` style options. */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export const USERS_USAGE = `  sanqu users list
  sanqu users add <用户名> --name <姓名> [--unit <单位>] [--phone <电话>] [--role <角色>]
  sanqu users disable <用户名> [--reason <原因>]
  sanqu users unlock <用户名>
  sanqu users reset-password <用户名>
  角色：${Object.entries(ROLE_NAMES).map(([k, v]) => `${k}（${v.zh}）`).join('、')}`;

export async function runUsers(db: Db, args: string[], io: CommandIo, now = new Date()): Promise<number> {
  const [sub, login] = args;
  const ctx = { now, actor: cliActor() };
  try {
    if (sub === 'list') {
      for (const a of await accounts.listAccounts(db.kysely)) {
        const roles = a.roles.map((r) => ROLE_NAMES[r as Role]?.zh ?? r).join('、') || '（无角色）';
        const state = a.disabled ? `已停用：${a.disabledReason ?? ''}` : a.lockedUntil && new Date(a.lockedUntil) > now ? '已锁定' : '正常';
        io.out(`${a.id}\t${a.login}\t${a.displayName}\t${a.unitName ?? ''}\t${roles}\t${state}`);
      }
      return 0;
    }
    if (!login || login.startsWith('--')) {
      io.err(`请指定用户名。\n${USERS_USAGE}`);
      return 2;
    }
    if (sub === 'add') {
      const name = option(args, 'name');
      if (!name) {
        io.err('请用 --name 指定姓名');
        return 2;
      }
      const role = option(args, 'role');
      const r = await accounts.createAccount(db.kysely, ctx, { login, displayName: name, unitName: option(args, 'unit') ?? null, phone: option(args, 'phone') ?? null, roles: role ? [role] : [] });
      io.out(`已创建账户 ${login}（编号 ${r.account.id}）。一次性密码：${r.oneTimePassword}（首次登录须修改）`);
      return 0;
    }
    const user = await findUserByLogin(db.kysely, login);
    if (!user) {
      io.err(`账户“${login}”不存在`);
      return 2;
    }
    if (sub === 'disable') {
      await accounts.disableAccount(db.kysely, ctx, user.id, option(args, 'reason') ?? '管理员停用');
      io.out(`已停用账户 ${login}，其会话已全部结束。`);
      return 0;
    }
    if (sub === 'unlock') {
      await accounts.unlockAccount(db.kysely, ctx, user.id);
      io.out(`已解锁账户 ${login}。`);
      return 0;
    }
    if (sub === 'reset-password') {
      const r = await accounts.resetPassword(db.kysely, ctx, user.id);
      io.out(`已重置 ${login} 的密码。一次性密码：${r.oneTimePassword}（登录后须修改）`);
      return 0;
    }
    io.err(`未知子命令：users ${sub ?? ''}\n${USERS_USAGE}`);
    return 2;
  } catch (e) {
    if (e instanceof AppError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
}

/** Walk the audit chain; exit 0 when intact, 1 naming the first broken row. */
export async function runAuditVerify(db: Db, io: CommandIo, json: boolean): Promise<number> {
  const r = await verifyAuditChain(db.kysely);
  if (json) io.out(JSON.stringify(r));
  else if (r.ok) io.out(`审计日志完整：已校验${r.checked}条记录（第${r.firstSeq ?? '-'}至${r.lastSeq ?? '-'}条），哈希链无断裂。`);
  else io.err(`审计日志被篡改或缺失：记录编号 ${r.broken!.id}（第${r.broken!.seq}条）——${r.broken!.reason}。此前${r.checked}条记录校验通过。`);
  return r.ok ? 0 : 1;
}
