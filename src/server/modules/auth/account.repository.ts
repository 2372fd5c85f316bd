/** Account, role, session and password-history queries. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export const findUserByLogin = (db: Db, login: string) => db.selectFrom('user_account').selectAll().where('login', '=', login).executeTakeFirst();
export const findUserById = (db: Db, id: number) => db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
export const findAllUsers = (db: Db) => db.selectFrom('user_account').selectAll().orderBy('id').execute();

export async function findRoles(db: Db, userId: number): Promise<string[]> {
  const rows = await db.selectFrom('user_role').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export async function findAllRoles(db: Db): Promise<Map<number, string[]>> {
  const rows = await db.selectFrom('user_role').select(['user_id', 'role']).orderBy('role').execute();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role]);
  return out;
}

export async function replaceRoles(db: Db, userId: number, roles: string[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length) await db.insertInto('user_role').values(roles.map((role) => ({ user_id: userId, role }))).execute();
}

/** Enabled accounts holding a role. */
export async function countEnabledHolders(db: Db, role: string): Promise<number> {
  const r = await db
    .selectFrom('user_role')
    .innerJoin('user_account', 'user_account.id', 'user_role.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_role.role', '=', role)
    .where('user_account.disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const recentPasswordHashes = (db: Db, userId: number, n: number) =>
  db.selectFrom('password_history').select('password_hash').where('user_id', '=', userId).orderBy('id', 'desc').limit(n).execute();

export const findSession = (db: Db, id: string) => db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();

/** A session and its account in one query (every authenticated request needs both). */
export async function findSessionWithUser(db: Db, id: string) {
  const r = await db
    .selectFrom('session')
    .innerJoin('user_account', 'user_account.id', 'session.user_id')
    .select([
      'session.id as s_id',
      'session.user_id as s_user_id',
      'session.csrf_token as s_csrf_token',
      'session.created_at as s_created_at',
      'session.last_seen_at as s_last_seen_at',
      'session.ip as s_ip',
      'session.user_agent as s_user_agent',
    ])
    .selectAll('user_account')
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const { s_id, s_user_id, s_csrf_token, s_created_at, s_last_seen_at, s_ip, s_user_agent, ...user } = r;
  return {
    session: { id: s_id, user_id: s_user_id, csrf_token: s_csrf_token, created_at: s_created_at, last_seen_at: s_last_seen_at, ip: s_ip, user_agent: s_user_agent },
    user,
  };
}
export const deleteSession = (db: Db, id: string) => db.deleteFrom('session').where('id', '=', id).execute();
export const deleteUserSessions = (db: Db, userId: number) => db.deleteFrom('session').where('user_id', '=', userId).execute();
