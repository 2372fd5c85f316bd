/** Runs the frozen migrations (listed statically so bundling and tsx need no folder scan). */
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as m0001 from './migrations/2026-11-29-0001-plan.js';
import * as m0002 from './migrations/2026-11-29-0002-accounts-audit.js';
import * as m0003 from './migrations/2026-11-29-0003-reporting.js';
import * as m0004 from './migrations/2026-11-29-0004-workplans-inbox.js';
import * as m0005 from './migrations/2026-11-29-0005-supervision.js';
import * as m0006 from './migrations/2026-11-29-0006-assessment.js';

const migrations: Record<string, Migration> = {
  '2026-11-29-0001-plan': m0001,
  '2026-11-29-0002-accounts-audit': m0002,
  '2026-11-29-0003-reporting': m0003,
  '2026-11-29-0004-workplans-inbox': m0004,
  '2026-11-29-0005-supervision': m0005,
  '2026-11-29-0006-assessment': m0006,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Apply every pending migration; throws with the failing migration's name. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${error instanceof Error ? error.message : String(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
