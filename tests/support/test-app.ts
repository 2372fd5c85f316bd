/** A real app on a real test database with the bundled plan imported. */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import type { Db } from '../../src/server/db/database.js';
import { seedDefaultPlan } from '../../src/server/seed.js';
import { createTestDb } from './test-db.js';

export async function createSeededApp(webRoot: string | null = null, options: Omit<AppOptions, 'db' | 'webRoot'> = {}): Promise<{ app: FastifyInstance; db: Db; close: () => Promise<void> }> {
  const db = await createTestDb();
  await seedDefaultPlan(db, () => {});
  const app = await buildApp({ db, webRoot, ...options });
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
