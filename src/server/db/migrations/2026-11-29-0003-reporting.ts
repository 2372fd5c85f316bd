/**
 * Frozen migration: periodic progress reporting — per-plan reporting rule, calendar overrides,
 * period exceptions, reports (one per task × lead unit × period × revision) with milestone claims,
 * target values, evidence files, cooperating units' contributions, and idempotency keys.
 */
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

const isPg = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

function withId<T extends string>(db: Db, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return isPg(db) ? table.addColumn('id', 'serial', (c) => c.primaryKey()) : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('reporting_rule')
    .addColumn('plan_id', 'integer', (c) => c.primaryKey().references('plan.id').onDelete('cascade'))
    .addColumn('frequency', 'text', (c) => c.notNull().check(sql`frequency in ('monthly', 'quarterly')`))
    .addColumn('due_workdays', 'integer', (c) => c.notNull())
    .addColumn('grace_workdays', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_override')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('workday', 'holiday')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('period_exception'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('until_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addUniqueConstraint('period_exception_uq', ['plan_id', 'period', 'unit_name'])
    .execute();

  await withId(db, db.schema.createTable('report'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('task_no', 'integer', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('supersedes_id', 'integer', (c) => c.references('report.id'))
    .addColumn('correction_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'approved', 'accepted', 'returned')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('percent_complete', 'double precision')
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('coordination', 'text', (c) => c.notNull())
    .addColumn('next_steps', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('author_id', 'integer', (c) => c.notNull().references('user_account.id'))
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer')
    .addUniqueConstraint('report_identity_uq', ['plan_id', 'task_no', 'unit_name', 'period', 'revision'])
    .execute();
  await db.schema.createIndex('report_plan_period_idx').on('report').columns(['plan_id', 'period']).execute();

  await withId(db, db.schema.createTable('report_milestone'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('milestone_id', 'integer', (c) => c.notNull().references('milestone.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('notStarted', 'inProgress', 'done', 'behind')`))
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_milestone_uq', ['report_id', 'milestone_id'])
    .execute();

  await withId(db, db.schema.createTable('report_value'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('target.id'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addUniqueConstraint('report_value_uq', ['report_id', 'target_id'])
    .execute();
  await db.schema.createIndex('report_value_target_idx').on('report_value').column('target_id').execute();

  await withId(db, db.schema.createTable('evidence_file'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPg(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('contribution'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('task_no', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contribution_uq', ['plan_id', 'task_no', 'period', 'unit_name'])
    .execute();

  await db.schema
    .createTable('idempotency_key')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['idempotency_key', 'contribution', 'evidence_file', 'report_value', 'report_milestone', 'report', 'period_exception', 'calendar_override', 'reporting_rule']) {
    await db.schema.dropTable(t).execute();
  }
}
