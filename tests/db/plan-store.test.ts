import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlanDocument, storePlan } from '../../src/server/commands/import-plan.js';
import type { Db } from '../../src/server/db/database.js';
import { AppError } from '../../src/server/errors.js';
import { importPlan } from '../../src/importer/index.js';
import { createTestDb, testDialect } from '../support/test-db.js';

const SEED = readFileSync(new URL('../../data/plans/jiangmen-jiangfu-2020-8.txt', import.meta.url));
const TABLES = ['plan', 'plan_goal', 'zone', 'division', 'zone_town', 'policy_extension', 'unit', 'unit_alias', 'category', 'task', 'assignment', 'milestone', 'target', 'import_diagnostic'] as const;

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

describe(`storing an imported plan (${testDialect})`, () => {
  let db: Db;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('stores every part of the seed plan in one transaction, each row with its source line', async () => {
    const outcome = await db.kysely.transaction().execute((trx) => importPlanDocument(trx, SEED));
    expect(outcome.status).toBe('imported');
    const counts = await rowCounts(db);
    expect(counts).toMatchObject({
      plan: 1,
      plan_goal: 3,
      zone: 3,
      division: 7 + 73,
      zone_town: 73,
      policy_extension: 3,
      unit: 40,
      category: 5,
      task: 36,
      milestone: 106,
      import_diagnostic: 13,
    });
    const model = outcome.status === 'imported' ? outcome.model : null;
    const targets = model!.tasks.reduce((n, t) => n + t.milestones.reduce((k, m) => k + m.targets.length, 0), 0);
    expect(counts.target).toBe(targets);
    expect(counts.assignment).toBe(model!.tasks.reduce((n, t) => n + t.assignments.length, 0));

    const plan = await db.kysely.selectFrom('plan').selectAll().executeTakeFirstOrThrow();
    expect(plan.code).toBe('江府〔2020〕8号');
    expect(plan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.source_text).toContain('附件2');
    const unlined = await db.kysely.selectFrom('milestone').select('id').where('line', '<', 1).execute();
    expect(unlined).toHaveLength(0);
    const towns = await db.kysely.selectFrom('division').select(['code', 'line']).where('kind', '=', 'town').execute();
    expect(towns.every((t) => /^\d{12}$/.test(t.code ?? '') && (t.line ?? 0) > 0)).toBe(true);
    const task3 = await db.kysely.selectFrom('task').selectAll().where('no', '=', 3).executeTakeFirstOrThrow();
    expect(task3.includes_other_relevant_departments).toBe(1);
    const target = await db.kysely.selectFrom('target').selectAll().where('subject', '=', '投资超亿元的产业项目').executeTakeFirstOrThrow();
    expect(target).toMatchObject({ comparator: '>=', value: 50, unit: '个', base_value: 50 });
  });

  it('re-importing the same document is a no-op that says so', async () => {
    const first = await db.kysely.transaction().execute((trx) => importPlanDocument(trx, SEED));
    const before = await rowCounts(db);
    const again = await db.kysely.transaction().execute((trx) => importPlanDocument(trx, SEED.toString('utf8').replace(/\n/g, '\r\n')));
    expect(again).toEqual({ status: 'unchanged', planId: first.planId, version: 1 });
    expect(await rowCounts(db)).toEqual(before);
  });

  it('a changed document with the same number becomes a new plan version beside the old one', async () => {
    await db.kysely.transaction().execute((trx) => importPlanDocument(trx, SEED));
    const changed = SEED.toString('utf8').replace('引进至少50个投资超亿元的产业项目', '引进至少60个投资超亿元的产业项目');
    const second = await db.kysely.transaction().execute((trx) => importPlanDocument(trx, changed));
    expect(second.status).toBe('imported');
    expect(second.version).toBe(2);
    const plans = await db.kysely.selectFrom('plan').select(['id', 'version']).orderBy('id').execute();
    expect(plans.map((p) => p.version)).toEqual([1, 2]);
    const values = await db.kysely
      .selectFrom('target')
      .innerJoin('milestone', 'milestone.id', 'target.milestone_id')
      .innerJoin('task', 'task.id', 'milestone.task_id')
      .select(['task.plan_id', 'target.value'])
      .where('target.subject', '=', '投资超亿元的产业项目')
      .where('milestone.year_from', '=', 2020)
      .orderBy('task.plan_id')
      .execute();
    expect(values.map((v) => v.value)).toEqual([50, 60]);
  });

  it('a document that cannot be imported fails with its line and writes nothing', async () => {
    const cut = SEED.subarray(0, Math.floor(SEED.length * 0.8));
    const err = await db.kysely
      .transaction()
      .execute((trx) => importPlanDocument(trx, cut))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('IMPORT_FAILED');
    expect((err as AppError).message).toMatch(/第\d+行/);
    expect(Object.values(await rowCounts(db)).every((n) => n === 0)).toBe(true);
  });

  it('a failure half-way through storing rolls back every row already written', async () => {
    const result = importPlan(SEED);
    if (!result.ok) throw new Error('seed must import');
    const broken = structuredClone(result.model);
    // The last task names a unit the plan does not have: its assignment row cannot be written.
    broken.tasks[35]!.assignments.push({ unit: '不存在的单位', role: 'cooperate' });
    const err = await db.kysely
      .transaction()
      .execute((trx) => storePlan(trx, broken, { text: 'x', sha256: 'y'.repeat(64), version: 1, importedAt: new Date().toISOString() }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(Object.values(await rowCounts(db)).every((n) => n === 0)).toBe(true);
  });
});
