/**
 * Database for data-behaviour tests: SQLite (temp file) or PostgreSQL (a fresh database per
 * call, dropped on close), chosen by SANQU_TEST_DB=sqlite|pg. PostgreSQL comes from
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openMigratedDatabase, type Db } from '../../src/server/db/database.js';

export const testDialect: 'sqlite' | 'pg' = process.env.SANQU_TEST_DB === 'pg' ? 'pg' : 'sqlite';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A migrated, empty database; `close()` also removes it. */
export async function createTestDb(): Promise<Db> {
  if (testDialect === 'pg') {
    const name = `sanqu_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = await openMigratedDatabase({ url: url.toString(), poolSize: 4 });
    return {
      ...db,
      close: async () => {
        await db.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sanqu-test-'));
  const db = await openMigratedDatabase({ dataDir: dir });
  return {
    ...db,
    close: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
