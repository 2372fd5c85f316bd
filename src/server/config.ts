/** Environment configuration shared by the server and the CLI. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from './db/database.js';

/** Repository root (two levels above src/server). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundled default plan. */
export const DEFAULT_PLAN = path.join(ROOT, 'data/plans/jiangmen-jiangfu-2020-8.txt');

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return { url: env.DATABASE_URL || undefined, dataDir: env.SANQU_DATA_DIR || path.join(ROOT, 'var') };
}

export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${raw}（应为 0–65535 的整数）`);
  return port;
}
