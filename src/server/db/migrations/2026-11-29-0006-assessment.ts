/**
 * Frozen migration: differentiated assessment (差异化考核) — the indicator catalogue, yearly schemes
 * (every save a new version) with their weights per zone, the values per county and indicator
 * (entered by form or file; derived values are computed, never stored), and publications that
 * freeze a year's results.
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
  await db.schema
    .createTable('assessment_indicator')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('positive', 'negative')`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('entered', 'derived')`))
    .addColumn('group_code', 'text', (c) => c.notNull().check(sql`group_code in ('common', 'core', 'bay', 'eco')`))
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('plan_line', 'integer')
    .addColumn('derivation', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('assessment_scheme'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('weighting', 'text', (c) => c.notNull().check(sql`weighting in ('blended', 'primary')`))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('efficacy', 'attainment')`))
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_scheme_version_uq', ['plan_id', 'year', 'version'])
    .execute();

  await withId(db, db.schema.createTable('assessment_weight'))
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('assessment_scheme.id').onDelete('cascade'))
    .addColumn('zone', 'text', (c) => c.notNull().check(sql`zone in ('core', 'bay', 'eco')`))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addUniqueConstraint('assessment_weight_uq', ['scheme_id', 'zone', 'indicator_code'])
    .execute();

  await withId(db, db.schema.createTable('assessment_publication'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scheme_version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('results_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_publication_year_uq', ['plan_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('assessment_value'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('county', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('target', 'double precision')
    .addColumn('origin_kind', 'text', (c) => c.notNull().check(sql`origin_kind in ('form', 'import', 'derived')`))
    .addColumn('origin_text', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_value_uq', ['plan_id', 'year', 'county', 'indicator_code'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['assessment_value', 'assessment_publication', 'assessment_weight', 'assessment_scheme', 'assessment_indicator']) await db.schema.dropTable(t).execute();
}
