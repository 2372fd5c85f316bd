/**
 * A second server on the demo database (模拟数据) for the cockpit journeys: the shared e2e server
 * runs on a fresh database without reports, so this builds a demo database with the real CLI
 * (`sanqu demo <dir>`) in a temporary folder and starts `src/server/main.ts` on another free
 * port with SANQU_DATA_DIR pointing at it. It serves the web app the shared server built.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2022-sanqu';

export interface DemoServer {
  baseURL: string;
  dataDir: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The demo builds its accounts "as of" 2022-01-03 (the start of its simulated history), so a
 * server started today disables them as unused for more than 90 days and asks for a password
 * change (expired). Until the demo builder dates accounts at build time, the journeys date them
 * now, in the demo's own temporary database only — nothing else is touched.
 */
function refreshDemoAccounts(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'sanqu.db'));
  try {
    const now = new Date().toISOString();
    db.prepare("update user_account set created_at = ?, password_changed_at = ?, last_login_at = null, disabled = 0, disabled_reason = null where login like 'demo-%'").run(now, now);
  } finally {
    db.close();
  }
}

async function waitForHealth(baseURL: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`demo server exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`demo server did not answer /api/health within 90 s:\n${log()}`);
}

/** Build a demo database with the CLI and start a server on it. */
export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sanqu-e2e-cockpit-demo-'));
  let child: ChildProcess | null = null;
  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null) {
      const running = child;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (running.exitCode === null) running.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const env = { ...process.env, DATABASE_URL: '', SANQU_DATA_DIR: dataDir };
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', dataDir], { env, encoding: 'utf8', stdio: 'pipe' });
    refreshDemoAccounts(dataDir);
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const started = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForHealth(baseURL, started, () => output);
    return { baseURL, dataDir, stop };
  } catch (error) {
    // Leave nothing behind when the demo cannot be built or the server does not start.
    await stop();
    throw error;
  }
}

/** Sign `login` in on the demo server; the session cookie lands in the page's browser context. */
export async function signInDemo(page: Page, server: DemoServer, login: string): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post(`${server.baseURL}/api/v1/auth/login`, { data: { login, password: DEMO_PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  const me = (await response.json()) as { mustChangePassword: boolean };
  expect(me.mustChangePassword).toBe(false);
}

/** GET a JSON resource of the demo server with the page's session. */
export async function demoGet<T>(request: APIRequestContext, server: DemoServer, path: string): Promise<T> {
  const response = await request.get(`${server.baseURL}/api/v1${path}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

/** The demo login of a unit's reporter (demo-uNN-tb, NN = the unit's place in the plan's unit list). */
export async function reporterLogin(request: APIRequestContext, server: DemoServer, planId: number, unit: string): Promise<string> {
  const units = await demoGet<{ items: { name: string }[] }>(request, server, `/plans/${planId}/units`);
  const index = units.items.findIndex((u) => u.name === unit);
  expect(index, `unit ${unit}`).toBeGreaterThanOrEqual(0);
  return `demo-u${String(index + 1).padStart(2, '0')}-tb`;
}
