/**
 * Helpers of the account/administration journeys: signing in through the login page (first
 * login with the one-time password, or the changed password), API sessions of other accounts in
 * their own cookie jar, and TOTP codes computed the way an authenticator app does (RFC 6238).
 */
import { createHmac } from 'node:crypto';
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { initialPassword, NEW_PASSWORD, signIn } from './auth.js';

export { initialPassword, NEW_PASSWORD };

const baseURL = () => `http://127.0.0.1:${process.env.SANQU_E2E_PORT}`;

/** A login unique to this run (logins must be 3–32 of [a-z0-9_.-], starting with a letter). */
export const uniqueLogin = (prefix: string): string => `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;

/** An API session of `login` in its own cookie jar (the browser's session is untouched). */
export async function apiSession(login: string): Promise<{ api: APIRequestContext; csrf: string; dispose: () => Promise<void> }> {
  const api = await playwrightRequest.newContext({ baseURL: baseURL() });
  const csrf = await signIn(api, login);
  return { api, csrf, dispose: () => api.dispose() };
}

/** Fill and submit the login form. */
export async function submitLogin(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

/** Fill and submit the password change form (current password only if given). */
export async function submitPasswordChange(page: Page, next: string, current?: string): Promise<void> {
  const form = page.getByTestId('change-password-form');
  if (current !== undefined) await form.getByLabel('当前密码').fill(current);
  await form.getByLabel('新密码', { exact: true }).fill(next);
  await form.getByLabel('确认新密码').fill(next);
  await page.getByTestId('change-password-submit').click();
}

/**
 * Sign `login` in through /login: with the shared e2e password if it was changed before,
 * otherwise with its one-time password and the required change to that password.
 */
export async function signInThroughUi(page: Page, login: string, password = NEW_PASSWORD): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, login, password);
  const outcome = await Promise.race([
    page.waitForURL((url) => url.pathname !== '/login', { timeout: 10_000 }).then(() => 'in' as const, () => 'timeout' as const),
    page.getByTestId('auth-error').waitFor({ timeout: 10_000 }).then(() => 'refused' as const, () => 'timeout' as const),
  ]);
  if (outcome === 'in') return;
  expect(outcome, `signing in as ${login}`).toBe('refused');
  await submitLogin(page, login, initialPassword(login));
  await expect(page.getByTestId('change-password-title')).toBeVisible();
  await submitPasswordChange(page, password);
  await page.waitForURL((url) => url.pathname !== '/login');
}

function base32Decode(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of secret.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 6-digit TOTP code of `secret` at `at` (what the authenticator app shows). */
export function totpCode(secret: string, at = new Date()): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(Math.floor(at.getTime() / 30_000)));
  const h = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const offset = h[h.length - 1]! & 15;
  return String((h.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
