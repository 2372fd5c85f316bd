/**
 * Accounts for the reporting journeys, made with the real CLI (`sanqu users add`) against the
 * e2e server's data folder. The one-time password the CLI prints is changed at first sign-in
 * (through the UI or the API); a small ledger in the data folder remembers which accounts are
 * ready, so the report-* specs can share them in one run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { NEW_PASSWORD, signIn } from './auth.js';

export interface ReportAccount {
  login: string;
  name: string;
  unit: string;
  role: 'reporter' | 'unitHead';
}

export const GXJ_REPORTER: ReportAccount = { login: 'gxjtb', name: '工信局填报员', unit: '市工业和信息化局', role: 'reporter' };
export const GXJ_HEAD: ReportAccount = { login: 'gxjsh', name: '工信局审核人', unit: '市工业和信息化局', role: 'unitHead' };
export const SWJ_REPORTER: ReportAccount = { login: 'swjtb', name: '商务局填报员', unit: '市商务局', role: 'reporter' };
export const KAIPING_REPORTER: ReportAccount = { login: 'kpzftb', name: '开平市填报员', unit: '开平市政府', role: 'reporter' };
export const HESHAN_REPORTER: ReportAccount = { login: 'hszftb', name: '鹤山市填报员', unit: '鹤山市政府', role: 'reporter' };

function dataDir(): string {
  const dir = process.env.SANQU_E2E_DATA_DIR;
  if (!dir) throw new Error('SANQU_E2E_DATA_DIR is not set (see playwright.config.ts)');
  return dir;
}

const ledgerFile = () => path.join(dataDir(), 'report-e2e-accounts.json');
const readLedger = (): Record<string, 'ready'> => (existsSync(ledgerFile()) ? (JSON.parse(readFileSync(ledgerFile(), 'utf8')) as Record<string, 'ready'>) : {});

function markReady(login: string): void {
  writeFileSync(ledgerFile(), JSON.stringify({ ...readLedger(), [login]: 'ready' }));
}

/** Run `sanqu …` on the e2e data folder; returns stdout. */
export function sanqu(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SANQU_DATA_DIR: dataDir(), DATABASE_URL: '' },
  });
}

/**
 * Make sure the account exists. Returns its one-time password when it still has one (created
 * now, or reset because an earlier run left it half set up), or null when it is ready.
 */
export function ensureAccount(account: ReportAccount): string | null {
  if (readLedger()[account.login] === 'ready') return null;
  const exists = sanqu('users', 'list').split('\n').some((line) => line.split('\t')[1] === account.login);
  const out = exists
    ? sanqu('users', 'reset-password', account.login)
    : sanqu('users', 'add', account.login, '--name', account.name, '--unit', account.unit, '--role', account.role);
  const otp = /一次性密码：(\S+?)（/.exec(out)?.[1];
  if (!otp) throw new Error(`no one-time password in: ${out}`);
  return otp;
}

/** First sign-in through the API: one-time password, then the required change. */
export async function activateByApi(request: APIRequestContext, login: string, otp: string): Promise<void> {
  const res = await request.post('/api/v1/auth/login', { data: { login, password: otp } });
  expect(res.status(), await res.text()).toBe(200);
  const me = (await res.json()) as { csrfToken: string; mustChangePassword: boolean };
  expect(me.mustChangePassword).toBe(true);
  const changed = await request.post('/api/v1/auth/password', { data: { currentPassword: otp, newPassword: NEW_PASSWORD }, headers: { 'x-csrf-token': me.csrfToken } });
  expect(changed.status(), await changed.text()).toBe(200);
  markReady(login);
}

/** First sign-in done through the login page (used by the journey, which screenshots it). */
export function markActivated(login: string): void {
  markReady(login);
}

/** Sign `request` (the page's, or a standalone one) in as the account, setting it up first if needed. */
export async function signInAs(request: APIRequestContext, account: ReportAccount): Promise<string> {
  const otp = ensureAccount(account);
  if (otp) await activateByApi(request, account.login, otp);
  const res = await request.post('/api/v1/auth/login', { data: { login: account.login, password: NEW_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Sign the browser page in as the plan office (规划办, the bootstrap account). */
export async function signInAsPlanOffice(page: Page): Promise<string> {
  return signIn(page.request);
}

/** As the plan office, open `period` for `unit` until 30 days from now (2022's periods are long locked). */
export async function openPeriodFor(request: APIRequestContext, period: string, unit: string): Promise<void> {
  const csrf = await signIn(request);
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const res = await request.post('/api/v1/plans/1/period-exceptions', {
    data: { period, unit, untilDate: until, reason: '系统上线前的周期补报（e2e）' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(res.status(), await res.text()).toBe(200);
}
