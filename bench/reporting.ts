/**
 * Reporting benchmark: durable submit-with-audit throughput. A real server (child process,
 * SQLite in WAL mode with synchronous=FULL) receives POST /reports/:id/submit for thousands of
 * prepared drafts from 50 concurrent keep-alive clients, each logged in as the draft's unit; every
 * submit is a transaction with its audit row and inbox messages. Baseline B, measured in the same
 * run with the same clients: bare node:http answering a fixed JSON. Submits ask for the new state
 * only (Prefer: return=minimal), as a client that already shows the report would.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openMigratedDatabase } from '../src/server/db/database.js';
import { seedDefaultPlan } from '../src/server/seed.js';
import { hashPassword } from '../src/server/modules/auth/password.js';
import autocannon from 'autocannon';
import type { BenchResult } from './types.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENTS = 50;
const PASSWORD = 'Bench-Submit-2026!';

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not start`);
}

interface Job {
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Fire every job once with CLIENTS concurrent keep-alive connections (autocannon); throughput, p99, failures. */
async function drive(origin: string, jobs: Job[]): Promise<{ rps: number; p99: number; failed: number }> {
  let next = 0;
  const started = performance.now();
  const r = await autocannon({
    url: origin,
    connections: CLIENTS,
    amount: jobs.length,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const job = jobs[next++ % jobs.length]!;
          return { ...req, path: job.path, method: job.body ? 'POST' : 'GET', headers: job.headers, ...(job.body ? { body: job.body } : {}) };
        },
      },
    ],
  });
  return { rps: r.requests.total / ((performance.now() - started) / 1000), p99: r.latency.p99, failed: r.errors + r.non2xx + r.timeouts };
}

/** The baseline: bare node:http for a fixed time with the same clients (autocannon's own rate). */
async function baseline(origin: string): Promise<{ rps: number; p99: number }> {
  const r = await autocannon({ url: origin, connections: CLIENTS, duration: 3 });
  return { rps: r.requests.average, p99: r.latency.p99 };
}

/** Drafts still unsubmitted after the run (each acknowledged submit must have landed). */
async function db2Drafts(dataDir: string): Promise<number> {
  const db = await openMigratedDatabase({ dataDir });
  try {
    const r = await db.kysely.selectFrom('report').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'draft').executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await db.close();
  }
}

export async function benchReporting(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sanqu-bench-report-'));
  const port = 3821;
  const barePort = 3822;
  let server: ChildProcess | null = null;
  let bare: ChildProcess | null = null;
  try {
    // Prepare: the plan, one reporter per lead unit, every 2020–2022 period open, and a draft per
    // (task, lead unit, month) that has work planned for that year.
    const db = await openMigratedDatabase({ dataDir });
    await seedDefaultPlan(db, () => {});
    const k = db.kysely;
    const hash = await hashPassword(PASSWORD);
    const leads = await k
      .selectFrom('assignment')
      .innerJoin('unit', 'unit.id', 'assignment.unit_id')
      .innerJoin('task', 'task.id', 'assignment.task_id')
      .select(['task.no', 'task.id', 'unit.name', 'unit.seq'])
      .where('assignment.role', '=', 'lead')
      .execute();
    const years = await k.selectFrom('milestone').select(['task_id', 'year_from', 'year_to']).where('year_from', 'is not', null).execute();
    const units = [...new Map(leads.map((l) => [l.name, l.seq])).entries()];
    const now = new Date().toISOString();
    const drafts: { unit: string; id: number }[] = [];
    await k.transaction().execute(async (trx) => {
      for (const [name, seq] of units) {
        const row = await trx
          .insertInto('user_account')
          .values({ login: `bench-u${seq}`, display_name: name, unit_name: name, phone: null, password_hash: hash, password_changed_at: now, must_change_password: 0, totp_secret: null, locked_until: null, disabled_reason: null, last_login_at: now, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('user_role').values({ user_id: Number(row.id), role: 'reporter' }).execute();
        const author = Number(row.id);
        for (const year of [2020, 2021, 2022]) {
          for (let m = 1; m <= 12; m++) {
            const period = `${year}-${String(m).padStart(2, '0')}`;
            await trx.insertInto('period_exception').values({ plan_id: 1, period, unit_name: name, until_date: '2099-12-31', reason: 'bench' }).execute();
            for (const l of leads.filter((x) => x.name === name)) {
              if (!years.some((y) => y.task_id === l.id && y.year_from! <= year && y.year_to! >= year)) continue;
              const r = await trx
                .insertInto('report')
                .values({ plan_id: 1, task_no: l.no, unit_name: name, period, revision: 1, supersedes_id: null, correction_reason: null, status: 'draft', version: 1, percent_complete: 50, problems: '', coordination: '', next_steps: '', return_reason: null, author_id: author, created_at: now, updated_at: now, submitted_at: null, approved_at: null, approved_by: null, decided_at: null, decided_by: null })
                .returning('id')
                .executeTakeFirstOrThrow();
              drafts.push({ unit: name, id: Number(r.id) });
            }
          }
        }
      }
    });
    await db.close();

    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SANQU_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: 'ignore',
    });
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    const sessions = new Map<string, Record<string, string>>();
    for (const [name, seq] of units) {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: `bench-u${seq}`, password: PASSWORD }) });
      const body = (await res.json()) as { csrfToken: string };
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      // Prefer: return=minimal — the answer is the new state, not the whole report (RFC 7240).
      sessions.set(name, { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json', prefer: 'return=minimal' });
    }
    const fixed = path.join(dataDir, 'fixed.json');
    writeFileSync(fixed, JSON.stringify({ id: 1, status: 'submitted', version: 2 }));
    bare = fork(path.join(ROOT, 'bench/bare-server.mjs'), [fixed, String(barePort)], { stdio: 'ignore' });
    await waitFor(`http://127.0.0.1:${barePort}/`);

    const b = await baseline(`http://127.0.0.1:${barePort}`);
    const submit = await drive(`http://127.0.0.1:${port}`, drafts.map((d) => ({ path: `/api/v1/reports/${d.id}/submit`, headers: sessions.get(d.unit)!, body: '{"version":1}' })));
    const left = await db2Drafts(dataDir);
    return [
      { name: `B: bare node:http, ${CLIENTS} clients`, value: Math.round(b.rps), unit: 'req/s', detail: `p99 ${b.p99} ms, 3 s` },
      {
        name: `submit with audit (SQLite, synchronous=FULL), ${CLIENTS} clients`,
        value: Math.round(submit.rps),
        unit: 'req/s',
        ratio: submit.rps / b.rps,
        target: '≥ 2,000 req/s',
        ok: submit.rps >= 2000 && submit.failed === 0 && left === 0,
        detail: `p99 ${submit.p99.toFixed(1)} ms, ${drafts.length} submits, ${submit.failed} failed, ${left} left as drafts`,
      },
    ];
  } finally {
    if (server && server.exitCode === null) server.kill('SIGTERM');
    if (bare && bare.exitCode === null) bare.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
