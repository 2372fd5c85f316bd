/**
 * Largest Contentful Paint of the cockpit in headless Chromium, on the demo database: the real
 * server (child process, built web app), a leader's session, a fresh page load of /cockpit.
 * Baseline: the LCP of the public plan overview (/) measured the same way in the same run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { DEMO_PASSWORD } from '../src/server/demo.js';
import type { BenchResult } from './types.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;

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

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchLcp(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) return [{ name: 'cockpit LCP', value: 0, unit: 'ms', ok: false, detail: `${CHROMIUM} is not installed` }];
  const dir = mkdtempSync(path.join(tmpdir(), 'sanqu-bench-lcp-'));
  const port = 3831;
  let server: ChildProcess | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const demo = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', dir], { cwd: ROOT, encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
    const build = spawnSync('npm', ['run', '-s', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('web build failed');
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SANQU_DATA_DIR: dir, DATABASE_URL: '' }, stdio: 'ignore' });
    const origin = `http://127.0.0.1:${port}`;
    await waitFor(`${origin}/api/health`);
    const measure = async (pathname: string, login: boolean): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
        if (login) {
          const res = await context.request.post(`${origin}/api/v1/auth/login`, { data: { login: 'demo-leader', password: DEMO_PASSWORD } });
          if (!res.ok()) throw new Error(`login failed: ${res.status()} ${await res.text()}`);
        }
        const page = await context.newPage();
        await page.addInitScript(() => {
          (window as unknown as { __lcp: number }).__lcp = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) (window as unknown as { __lcp: number }).__lcp = e.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        await page.goto(`${origin}${pathname}`, { waitUntil: 'networkidle' });
        await page.waitForTimeout(500);
        out.push(await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp));
        await context.close();
      }
      return out;
    };
    const overview = median(await measure('/', false));
    const cockpit = median(await measure('/cockpit', true));
    return [
      { name: 'LCP of the plan overview (/), baseline', value: Math.round(overview), unit: 'ms', detail: `median of ${RUNS} loads` },
      { name: 'LCP of the cockpit (/cockpit), demo database', value: Math.round(cockpit), unit: 'ms', ratio: cockpit / overview, target: '≤ 2,500 ms (Web Vitals “good”)', ok: cockpit <= 2500, detail: `median of ${RUNS} loads, 1600×900` },
    ];
  } finally {
    await browser.close();
    if (server && server.exitCode === null) server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}
