/**
 * Cockpit benchmark at province scale: 21 plans (the seed re-imported under the names of
 * Guangdong's 21 cities) × 60 monthly periods (2020-01…2024-12) of simulated accepted reports
 * with target values, on SQLite and on PostgreSQL. Measures the p95 of the cockpit summary
 * (GET /plans/:id/cockpit?year=2022, in process through app.inject) against baseline B: bare
 * node:http serving the same JSON body, measured in the same run.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { importPlanDocument } from '../src/server/commands/import-plan.js';
import { DEFAULT_PLAN } from '../src/server/config.js';
import { openMigratedDatabase, type Db } from '../src/server/db/database.js';
import { guangdongDivisions } from '../src/importer/divisions.js';
import { createTestAccount, loginAs } from '../tests/support/auth.js';
import type { BenchResult } from './types.js';

const RUNS = 60;

async function fill(db: Db): Promise<{ planIds: number[]; reports: number }> {
  const seed = readFileSync(DEFAULT_PLAN, 'utf8');
  const cities = guangdongDivisions.cities.map((c) => c.name);
  const planIds: number[] = [];
  for (const city of cities) {
    const text = city === '江门市' ? seed : seed.replaceAll('江门市人民政府', `${city}人民政府`).replace('江府〔2020〕8号', `${city.slice(0, 1)}府〔2020〕8号`);
    const out = await db.kysely.transaction().execute((trx) => importPlanDocument(trx, text));
    planIds.push(out.planId);
  }
  let reports = 0;
  const now = new Date().toISOString();
  const author = await db.kysely
    .insertInto('user_account')
    .values({ login: 'bench-author', display_name: 'bench', unit_name: null, phone: null, password_hash: 'x', password_changed_at: now, must_change_password: 0, totp_secret: null, locked_until: null, disabled_reason: null, last_login_at: now, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const planId of planIds) {
    const leads = await db.kysely
      .selectFrom('assignment')
      .innerJoin('task', 'task.id', 'assignment.task_id')
      .innerJoin('unit', 'unit.id', 'assignment.unit_id')
      .select(['task.no', 'task.id', 'unit.name'])
      .where('task.plan_id', '=', planId)
      .where('assignment.role', '=', 'lead')
      .execute();
    const targets = await db.kysely
      .selectFrom('target')
      .innerJoin('milestone', 'milestone.id', 'target.milestone_id')
      .select(['target.id', 'target.value', 'milestone.task_id', 'milestone.year_from', 'milestone.year_to'])
      .innerJoin('task', 'task.id', 'milestone.task_id')
      .where('task.plan_id', '=', planId)
      .execute();
    await db.kysely.transaction().execute(async (trx) => {
      for (let y = 2020; y <= 2024; y++) {
        for (let m = 1; m <= 12; m++) {
          const period = `${y}-${String(m).padStart(2, '0')}`;
          const rows = leads.map((l) => ({
            plan_id: planId, task_no: l.no, unit_name: l.name, period, revision: 1, supersedes_id: null, correction_reason: null, status: 'accepted' as const, version: 5,
            percent_complete: Math.round((m / 12) * 100), problems: '', coordination: '', next_steps: '【模拟数据】', return_reason: null, author_id: Number(author.id),
            late: m % 7 === 0 ? 1 : 0, created_at: now, updated_at: now, submitted_at: `${period}-28T02:00:00.000Z`, approved_at: now, approved_by: null, decided_at: now, decided_by: null,
          }));
          const ids = await trx.insertInto('report').values(rows).returning(['id', 'task_no', 'unit_name']).execute();
          const values = ids.flatMap((r) => {
            const taskId = leads.find((l) => l.no === r.task_no)!.id;
            return targets.filter((t) => t.task_id === taskId && t.year_from! <= y && t.year_to! >= y).map((t) => ({ report_id: Number(r.id), target_id: t.id, value: Math.round(t.value * (m / 12) * 100) / 100, note: null }));
          });
          if (values.length) await trx.insertInto('report_value').values(values).execute();
          reports += ids.length;
        }
      }
    });
  }
  return { planIds, reports };
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)]!;
}

async function measure(db: Db, label: string, targetMs: number, ratioBase: { body: Buffer; p95: number }): Promise<BenchResult[]> {
  const started = Date.now();
  const { planIds, reports } = await fill(db);
  const fillSecs = ((Date.now() - started) / 1000).toFixed(0);
  const app = await buildApp({ db });
  try {
    await createTestAccount(db.kysely, 'bench-leader', ['leader']);
    const s = await loginAs(app, 'bench-leader');
    const times: number[] = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const planId = planIds[i % planIds.length]!;
      const t0 = performance.now();
      const res = await app.inject({ url: `/api/v1/plans/${planId}/cockpit?year=2022`, headers: s.headers });
      const dt = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`cockpit ${res.statusCode}: ${res.body.slice(0, 200)}`);
      if (i >= 5) times.push(dt);
    }
    const value = p95(times);
    return [
      {
        name: `cockpit summary p95, ${label} (${planIds.length} plans × 60 months, ${reports.toLocaleString('en-US')} reports)`,
        value: Math.round(value * 10) / 10,
        unit: 'ms',
        ratio: value / ratioBase.p95,
        target: `≤ ${targetMs} ms`,
        ok: value <= targetMs,
        detail: `filled in ${fillSecs} s; ratio to B's p95 ${ratioBase.p95.toFixed(2)} ms`,
      },
    ];
  } finally {
    await app.close();
  }
}

/** B: bare node:http serving the cockpit's own JSON, p95 over the same number of sequential requests. */
async function baseline(body: Buffer): Promise<{ body: Buffer; p95: number }> {
  const server = http.createServer((_q, r) => {
    r.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    r.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const times: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const t0 = performance.now();
    await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer();
    if (i >= 5) times.push(performance.now() - t0);
  }
  server.close();
  return { body, p95: p95(times) };
}

export async function benchCockpit(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'sanqu-bench-cockpit-'));
  const sqlite = await openMigratedDatabase({ dataDir: dir });
  let base: { body: Buffer; p95: number } | null = null;
  try {
    // B needs a body of the cockpit's size: take one from a small database first.
    const small = await openMigratedDatabase({ dataDir: path.join(dir, 'small') });
    await small.kysely.transaction().execute((trx) => importPlanDocument(trx, readFileSync(DEFAULT_PLAN)));
    const app = await buildApp({ db: small });
    await createTestAccount(small.kysely, 'bench-leader', ['leader']);
    const s = await loginAs(app, 'bench-leader');
    const body = (await app.inject({ url: '/api/v1/plans/1/cockpit?year=2022', headers: s.headers })).rawPayload;
    await app.close();
    await small.close();
    base = await baseline(body);
    results.push({ name: 'B: bare node:http, the cockpit JSON', value: Math.round(base.p95 * 100) / 100, unit: 'ms p95', detail: `${body.length} bytes` });
    results.push(...(await measure(sqlite, 'SQLite', 50, base)));
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `sanqu_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (e) {
    results.push({ name: 'cockpit summary p95, PostgreSQL', value: 0, unit: 'ms', ok: false, detail: `PostgreSQL not reachable: ${String(e)}` });
    return results;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pgDb = await openMigratedDatabase({ url: url.toString() });
  try {
    results.push(...(await measure(pgDb, 'PostgreSQL', 100, base!)));
  } finally {
    await pgDb.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return results;
}
