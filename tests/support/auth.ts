/** Accounts and logged-in sessions for HTTP tests. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.js';
import { SYSTEM_ACTOR } from '../../src/server/audit/audit.js';
import { createAccount } from '../../src/server/modules/auth/account.service.js';
import { hashPassword } from '../../src/server/modules/auth/password.js';

export const TEST_PASSWORD = 'Jm-Plan-2026!';

/** Create an account whose password is TEST_PASSWORD and needs no change. */
export async function createTestAccount(db: Kysely<Database>, login: string, roles: string[], now = new Date()): Promise<number> {
  const { account } = await createAccount(db, { now, actor: SYSTEM_ACTOR }, { login, displayName: login, roles });
  await db
    .updateTable('user_account')
    .set({ password_hash: await hashPassword(TEST_PASSWORD), must_change_password: 0, password_changed_at: now.toISOString() })
    .where('id', '=', account.id)
    .execute();
  return account.id;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Log in through the API and return what a browser would hold. */
export async function loginAs(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
