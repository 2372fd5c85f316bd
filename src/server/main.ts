/** `npm start`: open the database (migrations run), seed the default plan, serve API + web app. */
import path from 'node:path';
import { buildApp } from './app.js';
import { databaseConfigFromEnv, portFromEnv, ROOT } from './config.js';
import { openMigratedDatabase } from './db/database.js';
import { seedDefaultPlan } from './seed.js';
import { bootstrapAccounts } from './bootstrap-accounts.js';
import { sweepInactiveAccounts } from './modules/auth/account.service.js';
import { escalateOverdueNotices } from './modules/supervision/supervision.service.js';

async function start(): Promise<void> {
  const port = portFromEnv();
  const config = databaseConfigFromEnv();
  const db = await openMigratedDatabase(config);
  const log = (msg: string): void => console.log(`[sanqu] ${msg}`);
  log(`数据库：${db.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${db.location}`);
  await seedDefaultPlan(db, log);
  await bootstrapAccounts(db, config.dataDir!, new Date(), log);
  const swept = await sweepInactiveAccounts(db.kysely, new Date());
  if (swept) log(`已停用${swept}个长期未使用的账户`);
  const daily = setInterval(() => void sweepInactiveAccounts(db.kysely, new Date()).catch((e: unknown) => log(`账户清理失败：${String(e)}`)), 86_400_000);
  daily.unref();
  const escalate = (): void => void escalateOverdueNotices(db.kysely, new Date()).then((n) => n && log(`已升级${n}份逾期督办单`)).catch((e: unknown) => log(`督办单升级失败：${String(e)}`));
  escalate();
  setInterval(escalate, 3_600_000).unref();
  const app = await buildApp({ db, webRoot: path.join(ROOT, 'dist/web'), logger: process.env.SANQU_LOG === '1', trustProxy: process.env.SANQU_TRUST_PROXY === '1' });
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  log(`已启动：http://localhost:${port}/ （接口文档 /api/docs）`);
  const stop = async (): Promise<void> => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

start().catch((e: unknown) => {
  console.error(`[sanqu] 启动失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
