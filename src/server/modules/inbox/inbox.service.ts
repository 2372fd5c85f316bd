/**
 * The in-app inbox (站内消息) and the daily digest. Workflow events leave a message for the people
 * who must act next; once a day each user with unread messages gets one digest rather than a
 * message per event. Delivery outside the app (e-mail, SMS) sits behind `Notifier`, off by default.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface Message {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

/** Delivery outside the app. The default delivers nothing (the inbox is the channel). */
export interface Notifier {
  readonly name: string;
  deliver(to: { userId: number; login: string; phone: string | null }, subject: string, body: string): Promise<void>;
}

export const OFF_NOTIFIER: Notifier = { name: 'off', deliver: async () => {} };

export async function notify(db: Db, userIds: number[], m: Message, now: Date): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await db
    .insertInto('notification')
    .values(ids.map((user_id) => ({ user_id, kind: m.kind, title: m.title, body: m.body, link: m.link ?? null, created_at: now.toISOString(), read_at: null, digested_at: null })))
    .execute();
}

/** Users of a unit holding a role (e.g. the unit heads who approve its reports). */
export async function usersWithRole(db: Db, role: string, unitName?: string): Promise<number[]> {
  let q = db
    .selectFrom('user_role')
    .innerJoin('user_account', 'user_account.id', 'user_role.user_id')
    .select('user_account.id')
    .where('user_role.role', '=', role)
    .where('user_account.disabled', '=', 0);
  if (unitName !== undefined) q = q.where('user_account.unit_name', '=', unitName);
  return (await q.execute()).map((r) => r.id);
}

export async function listInbox(db: Db, userId: number, unreadOnly = false) {
  let q = db.selectFrom('notification').select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at']).where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, read: r.read_at !== null }));
}

export async function markRead(db: Db, userId: number, ids: number[] | 'all', now: Date): Promise<number> {
  let q = db.updateTable('notification').set({ read_at: now.toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * The daily digest: for each user with unread messages not yet digested, one message summarising
 * them (and one delivery through the notifier). Returns how many users got a digest.
 */
export async function sendDailyDigest(db: Db, now: Date, notifier: Notifier = OFF_NOTIFIER): Promise<number> {
  const pending = await db
    .selectFrom('notification')
    .innerJoin('user_account', 'user_account.id', 'notification.user_id')
    .select(['notification.id', 'notification.user_id', 'notification.title', 'user_account.login', 'user_account.phone'])
    .where('notification.read_at', 'is', null)
    .where('notification.digested_at', 'is', null)
    .where('notification.kind', '!=', 'digest')
    .orderBy('notification.id')
    .execute();
  const byUser = new Map<number, typeof pending>();
  for (const p of pending) byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);
  for (const [userId, items] of byUser) {
    const body = items.map((i, k) => `${k + 1}. ${i.title}`).join('\n');
    const subject = `三区平台每日待办提醒：${items.length}条未读消息`;
    await db.transaction().execute(async (trx) => {
      await notify(trx, [userId], { kind: 'digest', title: subject, body, link: '/todo' }, now);
      await trx.updateTable('notification').set({ digested_at: now.toISOString() }).where('id', 'in', items.map((i) => i.id)).execute();
    });
    await notifier.deliver({ userId, login: items[0]!.login, phone: items[0]!.phone }, subject, body);
  }
  return byUser.size;
}
