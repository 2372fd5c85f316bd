/**
 * Frozen migration: accounts, roles, password history, database sessions, settings, and the
 * append-only, hash-chained audit trail. Audit rows cannot be updated, and cannot be deleted
 * while younger than 180 days: triggers on SQLite and PostgreSQL (which also fire for a superuser),
 * and on PostgreSQL UPDATE/DELETE/TRUNCATE are revoked from PUBLIC.
 */
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

const isPg = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

function withId<T extends string>(db: Db, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return isPg(db) ? table.addColumn('id', 'serial', (c) => c.primaryKey()) : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Db): Promise<void> {
  await withId(db, db.schema.createTable('user_account'))
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_reason', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('user_role'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('planOffice', 'reporter', 'unitHead', 'leader', 'systemAdmin', 'securityAdmin', 'auditAdmin')`),
    )
    .addUniqueConstraint('user_role_uq', ['user_id', 'role'])
    .execute();

  await withId(db, db.schema.createTable('password_history'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // The session id is the SHA-256 of the cookie token: the token itself is never stored.
  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('audit_event'))
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_login', 'text')
    .addColumn('actor_roles', 'text')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('success', 'failure', 'denied')`))
    .addColumn('request_id', 'text')
    .addColumn('message', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();

  if (isPg(db)) {
    await sql`
      create function audit_event_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          raise exception 'audit_event is append-only';
        end if;
        if tg_op = 'TRUNCATE' then
          raise exception 'audit_event cannot be truncated';
        end if;
        if old.at::timestamptz > now() - interval '180 days' then
          raise exception 'audit events younger than 180 days cannot be removed';
        end if;
        return old;
      end $$`.execute(db);
    await sql`create trigger audit_event_guard_row before update or delete on audit_event for each row execute function audit_event_guard()`.execute(db);
    await sql`create trigger audit_event_guard_truncate before truncate on audit_event for each statement execute function audit_event_guard()`.execute(db);
    await sql`revoke update, delete, truncate on audit_event from public`.execute(db);
  } else {
    await sql`create trigger audit_event_no_update before update on audit_event begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
    await sql`
      create trigger audit_event_retention before delete on audit_event
      when julianday(old.at) > julianday('now', '-180 days')
      begin select raise(abort, 'audit events younger than 180 days cannot be removed'); end`.execute(db);
  }
}

export async function down(db: Db): Promise<void> {
  if (isPg(db)) await sql`drop function if exists audit_event_guard() cascade`.execute(db);
  for (const t of ['audit_event', 'app_setting', 'session', 'password_history', 'user_role', 'user_account']) {
    await db.schema.dropTable(t).execute();
  }
}
