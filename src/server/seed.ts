/** First start: an empty database gets the bundled Jiangmen plan, imported in one transaction. */
import { readFileSync } from 'node:fs';
import type { Db } from './db/database.js';
import { importPlanDocument } from './commands/import-plan.js';
import { DEFAULT_PLAN } from './config.js';

export async function seedDefaultPlan(db: Db, log: (msg: string) => void, file = DEFAULT_PLAN): Promise<void> {
  const { n } = await db.kysely.selectFrom('plan').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) > 0) return;
  const started = Date.now();
  const outcome = await db.kysely.transaction().execute((trx) => importPlanDocument(trx, readFileSync(file)));
  if (outcome.status === 'imported') {
    const m = outcome.model;
    log(
      `首次启动：已导入内置规划《${m.plan.title}》（${m.plan.code}），${m.tasks.length}项任务、${m.units.length}个责任单位、` +
        `${m.zones.reduce((k, z) => k + z.towns.length, 0)}个镇(街)、${m.diagnostics.length}条诊断，用时${Date.now() - started}ms`,
    );
  }
}
