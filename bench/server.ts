/**
 * Server benchmark: in one run, bare node:http serving a fixed JSON (B, the same bytes as one
 * task's response) and Sanqu's GET /plans/:id/tasks/:no and GET /plans/:id/tasks, each measured
 * with autocannon on loopback for a bounded time, reported as a ratio to B. The task list is
 * measured twice: without Accept-Encoding (34 KB identity body) and as a browser asks for it (gzip). Servers run in child
 * processes so the load generator does not share their event loop.
 * Also reports the gzip size of the web app's initial route (entry JS + CSS + modulepreloads).
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { BenchResult } from './types.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

async function waitFor(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

/** What a browser sends: the API's cached bodies are served gzipped to it. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

async function load(url: string, headers: Record<string, string> = {}): Promise<{ rps: number; p99: number; errors: number }> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, pipelining: 1, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts };
}

function stop(child: ChildProcess): void {
  if (child.exitCode === null) child.kill('SIGTERM');
}

/** gzip bytes of what index.html loads before any lazy route. */
export function initialRouteGzip(distWeb: string): { bytes: number; files: string[] } {
  const html = readFileSync(path.join(distWeb, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = [...new Set(refs)];
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(distWeb, f)), { level: 9 }).length, 0);
  return { bytes, files };
}

export async function benchServer(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sanqu-bench-'));
  const results: BenchResult[] = [];
  const ourPort = 3811;
  const barePort = 3812;
  const ours = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(ourPort), HOST: '127.0.0.1', SANQU_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  let bare: ChildProcess | null = null;
  try {
    await waitFor(`http://127.0.0.1:${ourPort}/api/health`);
    const plans = (await (await fetch(`http://127.0.0.1:${ourPort}/api/v1/plans`)).json()) as { items: { id: number }[] };
    const planId = plans.items[0]!.id;
    const taskUrl = `http://127.0.0.1:${ourPort}/api/v1/plans/${planId}/tasks/6`;
    const listUrl = `http://127.0.0.1:${ourPort}/api/v1/plans/${planId}/tasks`;
    const fixed = path.join(dataDir, 'fixed.json');
    writeFileSync(fixed, Buffer.from(await (await fetch(taskUrl)).arrayBuffer()));
    bare = fork(path.join(ROOT, 'bench/bare-server.mjs'), [fixed, String(barePort)], { stdio: 'ignore' });
    await waitFor(`http://127.0.0.1:${barePort}/`);

    const b = await load(`http://127.0.0.1:${barePort}/`);
    const one = await load(taskUrl);
    const list = await load(listUrl);
    const listGz = await load(listUrl, BROWSER);
    results.push({ name: 'B: bare node:http, fixed JSON', value: Math.round(b.rps), unit: 'req/s', detail: `p99 ${b.p99} ms, errors ${b.errors}` });
    results.push({
      name: 'GET /plans/:id/tasks/:no',
      value: Math.round(one.rps),
      unit: 'req/s',
      ratio: one.rps / b.rps,
      target: '≥ 0.5 B',
      ok: one.rps / b.rps >= 0.5 && one.errors === 0,
      detail: `p99 ${one.p99} ms, errors ${one.errors}`,
    });
    results.push({
      name: 'GET /plans/:id/tasks (36 tasks), no Accept-Encoding',
      value: Math.round(list.rps),
      unit: 'req/s',
      ratio: list.rps / b.rps,
      detail: `p99 ${list.p99} ms, errors ${list.errors}; 34 KB identity body`,
    });
    results.push({
      name: 'GET /plans/:id/tasks (36 tasks), browser (gzip)',
      value: Math.round(listGz.rps),
      unit: 'req/s',
      ratio: listGz.rps / b.rps,
      target: '≥ 0.2 B',
      ok: listGz.rps / b.rps >= 0.2 && listGz.errors === 0,
      detail: `p99 ${listGz.p99} ms, errors ${listGz.errors}; body gzipped once when cached`,
    });
  } finally {
    stop(ours);
    if (bare) stop(bare);
    rmSync(dataDir, { recursive: true, force: true });
  }

  const build = spawnSync('npm', ['run', '-s', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('web build failed');
  const { bytes, files } = initialRouteGzip(path.join(ROOT, 'dist/web'));
  results.push({
    name: 'web initial route (gzip JS+CSS)',
    value: Math.round((bytes / 1024) * 10) / 10,
    unit: 'KiB',
    ratio: bytes / (200 * 1024),
    target: '≤ 200 KiB',
    ok: bytes <= 200 * 1024,
    detail: `${files.length} files`,
  });
  return results;
}
