/**
 * The audit trail: append-only rows, each hash-chained to the previous one:
 *   hash = SHA-256(prev_hash + canonical(row)), canonical = JSON array of the row's fields in a
 *   fixed order. Rows are written by the command that makes the change, inside its transaction,
 *   so a change without its audit row cannot be committed. On PostgreSQL an advisory
 *   transaction lock serialises appends so the chain never forks.
 */
import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEventTable, Database } from '../db/schema.js';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** Who acted: an account, or the system itself (start-up, command line). */
export interface Actor {
  id: number | null;
  login: string;
  roles: string[];
}

export const SYSTEM_ACTOR: Actor = { id: null, login: 'system', roles: [] };

export interface AuditInput {
  at: Date;
  actor: Actor | null;
  ip?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  outcome: AuditOutcome;
  requestId?: string | null;
  message?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK_KEY = 727_2020_8;

type AuditRow = Omit<Selectable<AuditEventTable>, 'id' | 'hash'>;

/** The canonical text a row's hash covers (everything but id and hash). */
export function canonicalAuditRow(r: AuditRow): string {
  return JSON.stringify([
    r.seq,
    r.at,
    r.actor_id,
    r.actor_login,
    r.actor_roles,
    r.ip,
    r.action,
    r.object_type,
    r.object_id,
    r.before_json,
    r.after_json,
    r.outcome,
    r.request_id,
    r.message,
    r.prev_hash,
  ]);
}

export function auditHash(r: AuditRow): string {
  return createHash('sha256').update(r.prev_hash).update(canonicalAuditRow(r)).digest('hex');
}

const toJson = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/** Append one audit row. Call it inside the transaction of the change it records. */
export async function writeAudit(trx: Kysely<Database>, input: AuditInput): Promise<number> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  }
  const last = await trx.selectFrom('audit_event').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row: AuditRow = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at.toISOString(),
    actor_id: input.actor?.id ?? null,
    actor_login: input.actor?.login ?? null,
    actor_roles: input.actor ? input.actor.roles.join(',') : null,
    ip: input.ip ?? null,
    action: input.action,
    object_type: input.objectType ?? null,
    object_id: input.objectId === undefined || input.objectId === null ? null : String(input.objectId),
    before_json: toJson(input.before),
    after_json: toJson(input.after),
    outcome: input.outcome,
    request_id: input.requestId ?? null,
    message: input.message ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await trx.insertInto('audit_event').values({ ...row, hash: auditHash(row) }).execute();
  return row.seq;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstSeq: number | null;
  lastSeq: number | null;
  broken?: { id: number; seq: number; reason: string };
}

/**
 * Walk the chain in order. The first row may follow rows removed after the retention period,
 * so its prev_hash is taken as given; every later link and every hash is checked.
 */
export async function verifyAuditChain(db: Kysely<Database>, batch = 1000): Promise<VerifyResult> {
  let checked = 0;
  let prev: { seq: number; hash: string } | null = null;
  let firstSeq: number | null = null;
  let afterSeq = -1;
  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      firstSeq ??= r.seq;
      if (prev && r.seq !== prev.seq + 1) return { ok: false, checked, firstSeq, lastSeq: prev.seq, broken: { id: r.id, seq: r.seq, reason: `序号不连续：第${prev.seq}条之后是第${r.seq}条（有记录被删除）` } };
      if (prev && r.prev_hash !== prev.hash) return { ok: false, checked, firstSeq, lastSeq: prev.seq, broken: { id: r.id, seq: r.seq, reason: `第${r.seq}条记录的前序哈希与第${prev.seq}条不符（链条断裂）` } };
      const { id: _id, hash, ...rest } = r;
      if (auditHash(rest) !== hash) return { ok: false, checked, firstSeq, lastSeq: prev?.seq ?? null, broken: { id: r.id, seq: r.seq, reason: `第${r.seq}条记录的内容与其哈希不符（记录被篡改）` } };
      prev = { seq: r.seq, hash };
      checked++;
    }
    afterSeq = rows[rows.length - 1]!.seq;
  }
  return { ok: true, checked, firstSeq, lastSeq: prev?.seq ?? null };
}
