/**
 * First start: no superuser and no default password. An empty account table gets the three
 * separated administrators and one plan-office account, each with a random one-time password that
 * is printed once and written to a 0600 file under the data folder; each must be changed at first
 * login.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db/database.js';
import { SYSTEM_ACTOR } from './audit/audit.js';
import { createAccount } from './modules/auth/account.service.js';

export const INITIAL_ACCOUNTS = [
  { login: 'sysadmin', displayName: '系统管理员', unitName: '市政务服务数据管理局', roles: ['systemAdmin'] },
  { login: 'secadmin', displayName: '安全管理员', unitName: '市政务服务数据管理局', roles: ['securityAdmin'] },
  { login: 'auditadmin', displayName: '审计管理员', unitName: '市政务服务数据管理局', roles: ['auditAdmin'] },
  { login: 'planoffice', displayName: '规划办', unitName: '市发展改革局', roles: ['planOffice'] },
] as const;

export const INITIAL_PASSWORD_FILE = 'initial-passwords.txt';

/** Returns the path of the password file when accounts were created, else null. */
export async function bootstrapAccounts(db: Db, dataDir: string, now: Date, log: (msg: string) => void): Promise<string | null> {
  const { n } = await db.kysely.selectFrom('user_account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) > 0) return null;
  const created = await db.kysely.transaction().execute(async (trx) => {
    const out: { login: string; displayName: string; password: string }[] = [];
    for (const a of INITIAL_ACCOUNTS) {
      const r = await createAccount(trx, { now, actor: SYSTEM_ACTOR }, { ...a, roles: [...a.roles] });
      out.push({ login: a.login, displayName: a.displayName, password: r.oneTimePassword });
    }
    return out;
  });
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, INITIAL_PASSWORD_FILE);
  const lines = [
    '# 三区 Sanqu 初始账户（一次性密码，首次登录后必须修改；请妥善保管后删除本文件）',
    ...created.map((c) => `${c.login}\t${c.displayName}\t${c.password}`),
    '',
  ];
  writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  log('已创建初始账户（一次性密码仅显示这一次，首次登录须修改）：');
  for (const c of created) log(`  ${c.displayName.padEnd(6, '　')} 用户名 ${c.login.padEnd(10)} 一次性密码 ${c.password}`);
  log(`一次性密码也已写入 ${file}（权限 0600）`);
  return file;
}
