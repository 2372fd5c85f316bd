/**
 * Idempotency keys (Idempotency-Key header) for state-changing requests: the first request's
 * answer is stored with the key, and a retry with the same key and body gets the same answer
 * without doing the work again. A key reused for a different request is refused (422).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';

export async function withIdempotency<T>(db: Kysely<Database>, req: FastifyRequest, reply: FastifyReply, clock: () => Date, run: () => Promise<T>): Promise<T> {
  const raw = req.headers['idempotency-key'];
  const key = typeof raw === 'string' ? raw.trim() : '';
  if (!key) return run();
  if (!/^[\w-]{8,100}$/.test(key)) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key 须为8–100位字母、数字、- 或 _', { field: 'Idempotency-Key' });
  const userId = req.user!.actor.id!;
  const requestHash = createHash('sha256').update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
  const scoped = `${userId}:${key}`;
  const seen = await db.selectFrom('idempotency_key').selectAll().where('key', '=', scoped).executeTakeFirst();
  if (seen) {
    if (seen.request_hash !== requestHash) throw new AppError('VALIDATION_FAILED', '该 Idempotency-Key 已用于另一个请求', { field: 'Idempotency-Key' });
    reply.header('idempotent-replay', 'true');
    return JSON.parse(seen.response) as T;
  }
  const result = await run();
  try {
    await db.insertInto('idempotency_key').values({ key: scoped, user_id: userId, request_hash: requestHash, status_code: 200, response: JSON.stringify(result), created_at: clock().toISOString() }).execute();
  } catch {
    // A concurrent retry stored the same answer first: nothing to add.
  }
  return result;
}
