/**
 * Signs in through the API the way a plan-office user would on first login: one-time password
 * from the server's initial-passwords file, then the required password change. The session
 * cookie lands in the browser context, so pages opened afterwards are signed in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';

export const NEW_PASSWORD = 'Sanqu-e2e-2026!Jm';

/** One-time password of `login` from <SANQU_DATA_DIR>/initial-passwords.txt. */
export function initialPassword(login: string): string {
  const dir = process.env.SANQU_E2E_DATA_DIR;
  if (!dir) throw new Error('SANQU_E2E_DATA_DIR is not set (see playwright.config.ts)');
  const line = readFileSync(path.join(dir, 'initial-passwords.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${login}\t`));
  if (!line) throw new Error(`no initial password for ${login}`);
  return line.split('\t')[2]!;
}

/** Sign in as `login` (changing the one-time password the first time); returns the CSRF token. */
export async function signIn(request: APIRequestContext, login = 'planoffice'): Promise<string> {
  let response = await request.post('/api/v1/auth/login', { data: { login, password: NEW_PASSWORD } });
  if (response.status() === 401) {
    response = await request.post('/api/v1/auth/login', { data: { login, password: initialPassword(login) } });
    expect(response.status(), await response.text()).toBe(200);
    const me = (await response.json()) as { csrfToken: string; mustChangePassword: boolean };
    if (me.mustChangePassword) {
      const changed = await request.post('/api/v1/auth/password', {
        data: { currentPassword: initialPassword(login), newPassword: NEW_PASSWORD },
        headers: { 'x-csrf-token': me.csrfToken },
      });
      expect(changed.status(), await changed.text()).toBe(200);
    }
    return me.csrfToken;
  }
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}
