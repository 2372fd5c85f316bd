/**
 * `sanqu` command line. Commands call the same code as the server, never HTTP.
 *   sanqu import <file> [--dry-run] [--json]   store a plan document (or only parse it)
 *   sanqu plans [--json]                        list stored plans
 *   sanqu migrate                               bring the database schema up to date
 *   sanqu users list|add|disable|unlock|reset-password …
 *   sanqu audit verify [--json]                 walk the audit hash chain
 *   sanqu assessment indicators|score|import-values …  differentiated assessment (差异化考核)
 * The database comes from DATABASE_URL / SANQU_DATA_DIR, as for the server.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDemo, DEMO_PASSWORD } from '../server/demo.js';
import { formatDiagnostic, readDocument, runImportDryRun, type CommandIo } from './import-command.js';
import { databaseConfigFromEnv } from '../server/config.js';
import { openDatabase, openMigratedDatabase, type Db } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { importPlanDocument } from '../server/commands/import-plan.js';
import { listPlans } from '../server/modules/plans/plan.service.js';
import { AppError } from '../server/errors.js';
import type { Diagnostic } from '../shared/plan-model.js';
import { runAuditVerify, runUsers, USERS_USAGE, cliActor } from './account-commands.js';
import { ASSESSMENT_USAGE, runAssessment } from './assessment-commands.js';

const USAGE = `用法 / usage:
  sanqu import <文件> [--dry-run] [--json]   导入政策文件（--dry-run 只解析不写入）
  sanqu plans [--json]                        列出已导入的规划
  sanqu migrate                               执行数据库迁移
  sanqu audit verify [--json]                 校验审计日志哈希链
  sanqu demo [目录]                           生成单独的演示数据库（模拟数据，默认 <数据目录>/demo）
${ASSESSMENT_USAGE}
${USERS_USAGE}`;

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openMigratedDatabase(databaseConfigFromEnv());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function runImport(file: string, json: boolean, io: CommandIo): Promise<number> {
  const bytes = readDocument(file, io);
  if (!bytes) return 2;
  try {
    const outcome = await withDb((db) => db.kysely.transaction().execute((trx) => importPlanDocument(trx, bytes, new Date(), cliActor())));
    if (json) {
      io.out(JSON.stringify(outcome.status === 'imported' ? { status: outcome.status, planId: outcome.planId, version: outcome.version, diagnostics: outcome.model.diagnostics } : outcome));
    } else if (outcome.status === 'unchanged') {
      io.out(`文件内容与已导入的规划（编号 ${outcome.planId}，版本 ${outcome.version}）完全相同，未做任何更改。`);
    } else {
      const m = outcome.model;
      io.out(`已导入《${m.plan.title}》（${m.plan.code}）为规划编号 ${outcome.planId}，版本 ${outcome.version}：${m.tasks.length}项任务、${m.units.length}个责任单位、${m.diagnostics.length}条诊断。`);
      for (const d of m.diagnostics) io.out(formatDiagnostic(d));
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.code === 'IMPORT_FAILED') {
      io.err(`无法导入 ${file}：`);
      const errors = (e.details as { errors?: Diagnostic[] } | undefined)?.errors ?? [];
      if (errors.length === 0) io.err(e.message);
      for (const d of errors) io.err(formatDiagnostic(d));
      return 2;
    }
    throw e;
  }
}

/** Build the demo database in its own folder (never in the working database). */
async function runDemo(dir: string | undefined, io: CommandIo): Promise<number> {
  const base = databaseConfigFromEnv();
  const dataDir = dir ?? path.join(base.dataDir ?? 'var', 'demo');
  const db = await openMigratedDatabase({ dataDir });
  try {
    const started = Date.now();
    const summary = await buildDemo(db.kysely, (s) => io.out(s));
    io.out(
      `演示数据库已生成：${db.location}（模拟数据）：${summary.accounts}个演示账户、${summary.reports}份模拟报告（其中逾期${summary.late}份、退回后重报${summary.returned}份），用时${((Date.now() - started) / 1000).toFixed(1)}秒。\n` +
        `启动演示：SANQU_DATA_DIR=${dataDir} npm start ；演示账户密码：${DEMO_PASSWORD}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  } finally {
    await db.close();
  }
}

/** Run the CLI with arguments; returns the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const args = rest.filter((a) => !a.startsWith('--'));
  const json = flags.has('--json');
  switch (command) {
    case 'import': {
      if (args.length !== 1) {
        io.err('请指定一个要导入的文件。\n' + USAGE);
        return 2;
      }
      return flags.has('--dry-run') ? runImportDryRun(args[0]!, json, io) : runImport(args[0]!, json, io);
    }
    case 'plans': {
      const plans = await withDb((db) => listPlans(db.kysely));
      if (json) io.out(JSON.stringify({ items: plans }));
      else if (plans.length === 0) io.out('尚未导入任何规划。');
      else for (const p of plans) io.out(`${p.id}\t${p.code}\t版本${p.version}\t${p.title}\t${p.counts.tasks}项任务\t导入于${p.importedAt}`);
      return 0;
    }
    case 'migrate': {
      const db = openDatabase(databaseConfigFromEnv());
      try {
        const applied = await migrateToLatest(db.kysely);
        io.out(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库结构已是最新。');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'demo':
      return runDemo(args[0], io);
    case 'users':
      return withDb((db) => runUsers(db, rest, io));
    case 'assessment':
      return withDb((db) => runAssessment(db, rest, io));
    case 'audit': {
      if (args[0] !== 'verify') {
        io.err(USAGE);
        return 2;
      }
      return withDb((db) => runAuditVerify(db, io, json));
    }
    default:
      io.err(command ? `未知命令：${command}\n${USAGE}` : USAGE);
      return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Output piped into `head` and closed early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const io: CommandIo = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
