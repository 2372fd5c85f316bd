import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/audit.js';
import { buildApp } from '../../src/server/app.js';
import type { Db } from '../../src/server/db/database.js';
import { buildDemo, isDemoDatabase } from '../../src/server/demo.js';
import { seedDefaultPlan } from '../../src/server/seed.js';
import { createTestDb, testDialect } from '../support/test-db.js';

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.close();
});

describe(`the demo database (${testDialect})`, () => {
  it('builds a labelled demo with accounts for every unit and a simulated reporting history', async () => {
    const summary = await buildDemo(db.kysely, () => {}, 3);
    expect(await isDemoDatabase(db.kysely)).toBe(true);
    expect(summary.accounts).toBe(5 + 40 * 2);
    const statuses = await db.kysely.selectFrom('report').select(['status', 'period', 'late', 'problems', 'next_steps']).execute();
    expect(statuses.length).toBe(summary.reports);
    expect(new Set(statuses.map((r) => r.period))).toEqual(new Set(['2022-01', '2022-02', '2022-03']));
    expect(statuses.filter((r) => r.late === 1).length).toBe(summary.late);
    expect(summary.late).toBeGreaterThan(0);
    expect(statuses.some((r) => r.status === 'accepted') && statuses.some((r) => r.status !== 'accepted')).toBe(true);
    expect(statuses.every((r) => r.next_steps.startsWith('【模拟数据】'))).toBe(true);
    expect((await verifyAuditChain(db.kysely)).ok).toBe(true);
    const app = await buildApp({ db });
    expect((await app.inject('/api/health')).json()).toMatchObject({ demo: true, plans: 1 });
    await app.close();
  });

  it('refuses to write into a database that holds real data', async () => {
    await seedDefaultPlan(db, () => {});
    await expect(buildDemo(db.kysely, () => {}, 1)).rejects.toThrow('不是演示数据库');
    expect(await isDemoDatabase(db.kysely)).toBe(false);
    expect(await db.kysely.selectFrom('report').select('id').execute()).toHaveLength(0);
  });
});
