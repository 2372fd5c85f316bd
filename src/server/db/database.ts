/**
 * Database connection: embedded SQLite (default) or PostgreSQL (DATABASE_URL=postgres://…).
 * SQLite runs in WAL mode with synchronous=FULL, foreign keys on and a busy timeout;
 * PostgreSQL through a pool.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrateToLatest } from './migrate.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** postgres://… for PostgreSQL; otherwise SQLite in `dataDir`. */
  url?: string | undefined;
  /** Folder of the SQLite file (created if missing). */
  dataDir?: string | undefined;
  /** SQLite file name inside dataDir; ':memory:' for an in-memory database. */
  sqliteFile?: string | undefined;
  poolSize?: number | undefined;
}

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Human-readable location (file path or host/db), without credentials. */
  location: string;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count) and numeric as strings; counts here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Open (and create) the database described by the config. */
export function openDatabase(config: DatabaseConfig): Db {
  if (config.url && /^postgres(ql)?:\/\//.test(config.url)) {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on next use.
    pool.on('error', (e) => console.error(`[sanqu] PostgreSQL 连接中断：${e.message}`));
    const u = new URL(config.url);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', location: `${u.hostname}:${u.port || 5432}${u.pathname}`, close: () => kysely.destroy() };
  }
  if (config.url) throw new Error(`DATABASE_URL 必须以 postgres:// 开头（当前为 ${config.url.split(':')[0]}:）`);
  const file = config.sqliteFile ?? 'sanqu.db';
  let location = file;
  if (file !== ':memory:') {
    const dir = path.resolve(config.dataDir ?? 'var');
    mkdirSync(dir, { recursive: true });
    location = path.join(dir, file);
  }
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows (ended sessions) are overwritten with zeros, not left in free pages.
  sqlite.pragma('secure_delete = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', location, close: () => kysely.destroy() };
}

/** Open the database and bring its schema up to date. */
export async function openMigratedDatabase(config: DatabaseConfig): Promise<Db> {
  const db = openDatabase(config);
  try {
    await migrateToLatest(db.kysely);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
