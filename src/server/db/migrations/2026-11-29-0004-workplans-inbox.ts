/**
 * Frozen migration: county annual work plans (年度工作计划) with their items (a county's actions
 * and its share of a city target), and the in-app inbox (站内消息).
 */
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

function withId<T extends string>(db: Db, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Db): Promise<void> {
  await withId(db, db.schema.createTable('work_plan'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'accepted', 'returned')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('author_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('work_plan_uq', ['plan_id', 'unit_name', 'year'])
    .execute();

  await withId(db, db.schema.createTable('work_plan_item'))
    .addColumn('work_plan_id', 'integer', (c) => c.notNull().references('work_plan.id').onDelete('cascade'))
    .addColumn('milestone_id', 'integer', (c) => c.notNull().references('milestone.id'))
    .addColumn('target_id', 'integer', (c) => c.references('target.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision')
    .execute();

  await withId(db, db.schema.createTable('notification'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('digested_at', 'text')
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'read_at']).execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['notification', 'work_plan_item', 'work_plan']) await db.schema.dropTable(t).execute();
}
