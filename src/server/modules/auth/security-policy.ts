/**
 * The security policy (configurable by the 安全管理员; defaults per 等保2.0 三级), stored in
 * app_setting under `security_policy`.
 */
import { securityPolicySchema, type SecurityPolicy } from '../../../shared/api/auth-api.js';

export { securityPolicySchema, type SecurityPolicy };
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';


export const DEFAULT_POLICY: SecurityPolicy = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  passwordMaxAgeDays: 90,
  passwordHistory: 5,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  idleTimeoutMinutes: 30,
  adminIdleTimeoutMinutes: 15,
  absoluteSessionHours: 8,
  inactiveAccountDays: 90,
  totpRequired: false,
};

const KEY = 'security_policy';

/**
 * The policy is read on every authenticated request, so it is kept for a few seconds per
 * process; saving it here clears the copy at once (other app servers follow within the TTL).
 */
const POLICY_TTL_MS = 5_000;
let policyCache = new WeakMap<object, { at: number; policy: SecurityPolicy }>();

export async function loadPolicy(db: Kysely<Database>): Promise<SecurityPolicy> {
  const key = db.getExecutor();
  const hit = policyCache.get(key);
  if (hit && Date.now() - hit.at < POLICY_TTL_MS) return hit.policy;
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', KEY).executeTakeFirst();
  let policy = DEFAULT_POLICY;
  if (row) {
    const parsed = securityPolicySchema.safeParse({ ...DEFAULT_POLICY, ...(JSON.parse(row.value) as object) });
    if (parsed.success) policy = parsed.data;
  }
  policyCache.set(key, { at: Date.now(), policy });
  return policy;
}

export async function savePolicy(trx: Kysely<Database>, policy: SecurityPolicy, now: Date): Promise<void> {
  const value = JSON.stringify(policy);
  const exists = await trx.selectFrom('app_setting').select('key').where('key', '=', KEY).executeTakeFirst();
  if (exists) await trx.updateTable('app_setting').set({ value, updated_at: now.toISOString() }).where('key', '=', KEY).execute();
  else await trx.insertInto('app_setting').values({ key: KEY, value, updated_at: now.toISOString() }).execute();
  // Clear before and after the caller commits: a request between the two cannot keep the old policy long.
  clearPolicyCache();
}

/** Forget cached policies (call after the transaction that saved a policy has committed). */
export function clearPolicyCache(): void {
  policyCache = new WeakMap();
}
