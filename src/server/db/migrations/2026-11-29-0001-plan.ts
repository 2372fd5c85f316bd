/**
 * Frozen migration: the imported plan (plans, goals, zones, divisions, zone membership, policy
 * extensions, units and aliases, categories, tasks, assignments, milestones, targets, diagnostics).
 * Works on SQLite and PostgreSQL; imports nothing from the application.
 */
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

function withId<T extends string>(db: Db, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return pg
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Db): Promise<void> {
  await withId(db, db.schema.createTable('plan'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('notice_title', 'text', (c) => c.notNull())
    .addColumn('notice_text', 'text', (c) => c.notNull())
    .addColumn('title_line', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_code_version_uq', ['code', 'version'])
    .execute();

  await withId(db, db.schema.createTable('plan_goal'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('zone'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addUniqueConstraint('zone_plan_code_uq', ['plan_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('division'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('county', 'town')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('official_name', 'text')
    .addColumn('code', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('division.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer')
    .execute();
  await db.schema.createIndex('division_plan_idx').on('division').columns(['plan_id', 'kind']).execute();

  await withId(db, db.schema.createTable('zone_town'))
    .addColumn('zone_id', 'integer', (c) => c.notNull().references('zone.id').onDelete('cascade'))
    .addColumn('town_id', 'integer', (c) => c.notNull().references('division.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addUniqueConstraint('zone_town_uq', ['zone_id', 'town_id'])
    .execute();

  await withId(db, db.schema.createTable('policy_extension'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('town_id', 'integer', (c) => c.notNull().references('division.id').onDelete('cascade'))
    .addColumn('to_zone_id', 'integer', (c) => c.notNull().references('zone.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('unit'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addUniqueConstraint('unit_plan_name_uq', ['plan_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('unit_alias'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('category'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('numeral', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addUniqueConstraint('category_plan_no_uq', ['plan_id', 'no'])
    .execute();

  await withId(db, db.schema.createTable('task'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('category.id').onDelete('cascade'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('body_content', 'text')
    .addColumn('body_line', 'integer')
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('units_text', 'text', (c) => c.notNull())
    .addColumn('units_line', 'integer', (c) => c.notNull())
    .addColumn('separate_leads', 'integer', (c) => c.notNull())
    .addColumn('includes_other_relevant_departments', 'integer', (c) => c.notNull())
    .addUniqueConstraint('task_plan_no_uq', ['plan_id', 'no'])
    .execute();

  await withId(db, db.schema.createTable('assignment'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'cooperate')`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addUniqueConstraint('assignment_task_unit_uq', ['task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('assignment_unit_idx').on('assignment').column('unit_id').execute();

  await withId(db, db.schema.createTable('milestone'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('year_from', 'integer')
    .addColumn('year_to', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('milestone_task_idx').on('milestone').column('task_id').execute();

  await withId(db, db.schema.createTable('target'))
    .addColumn('milestone_id', 'integer', (c) => c.notNull().references('milestone.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('comparator', 'text', (c) => c.notNull().check(sql`comparator in ('>=', '<=', '=', 'range')`))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('value_max', 'double precision')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('base_value', 'double precision', (c) => c.notNull())
    .addColumn('base_value_max', 'double precision')
    .addColumn('base_unit', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('target_milestone_idx').on('target').column('milestone_id').execute();

  await withId(db, db.schema.createTable('import_diagnostic'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('error', 'warning', 'info')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of [
    'import_diagnostic', 'target', 'milestone', 'assignment', 'task', 'category', 'unit_alias', 'unit',
    'policy_extension', 'zone_town', 'division', 'zone', 'plan_goal', 'plan',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
