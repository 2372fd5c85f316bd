/** Password hashing (Argon2id) and the strength rules of the security policy. */
import argon2 from 'argon2';
import { randomInt } from 'node:crypto';
import type { SecurityPolicy } from './security-policy.js';

/** OWASP's Argon2id parameters: 19 MiB, 2 iterations, 1 lane. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, ARGON2);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Common and keyboard-walk passwords refused whatever their character classes. */
const WEAK = new Set(
  [
    'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'password1', 'password123', 'admin123', 'admin@123', 'admin1234', 'root1234',
    'qwerty123', 'qwer1234', 'qwe123!@#', '1qaz2wsx', '1qaz@wsx', '1q2w3e4r', '1q2w3e4r5t', 'abc12345', 'abcd1234', 'abc@1234',
    'a1234567', 'a12345678', 'aa123456', 'zxcvbnm1', 'iloveyou1', 'welcome1', 'welcome123', 'test1234', 'test@123', '12345678a',
    'woaini1314', 'jiangmen123', 'jiangmen@123', 'sanqu123', 'sanqu@123', 'changeme1', 'letmein1', 'huawei@123', 'p@$$w0rd',
  ].map((s) => s.toLowerCase()),
);

/** Reasons (Chinese) a password breaks the policy; empty when it is acceptable. */
export function passwordProblems(password: string, policy: SecurityPolicy, login?: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.passwordMinLength) problems.push(`密码长度至少${policy.passwordMinLength}位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.passwordMinClasses) problems.push(`密码须包含大写字母、小写字母、数字、特殊字符中的至少${policy.passwordMinClasses}类`);
  if (WEAK.has(password.toLowerCase())) problems.push('密码在常见弱口令清单中');
  if (login && login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}

/** A random password that satisfies any policy up to 4 classes (for one-time passwords). */
export function generatePassword(length = 16): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%^&*-_=+'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
