/** 安全策略 (安全管理员) over GET/PUT /api/v1/admin/policy. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.js';
import { apiPut } from '../../../lib/api-client.js';

/**
 * The server's securityPolicySchema (src/server/modules/auth/security-policy.ts). It is not in
 * src/shared, so the web app restates its shape and bounds here.
 */
export interface SecurityPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordMaxAgeDays: number;
  passwordHistory: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  adminIdleTimeoutMinutes: number;
  absoluteSessionHours: number;
  inactiveAccountDays: number;
  totpRequired: boolean;
}

export type NumericPolicyField = Exclude<keyof SecurityPolicy, 'totpRequired'>;

/** Bounds the server accepts, field by field. */
export const POLICY_BOUNDS: Record<NumericPolicyField, { min: number; max: number }> = {
  passwordMinLength: { min: 8, max: 64 },
  passwordMinClasses: { min: 3, max: 4 },
  passwordMaxAgeDays: { min: 1, max: 365 },
  passwordHistory: { min: 1, max: 24 },
  lockoutThreshold: { min: 3, max: 10 },
  lockoutMinutes: { min: 5, max: 1440 },
  idleTimeoutMinutes: { min: 5, max: 120 },
  adminIdleTimeoutMinutes: { min: 5, max: 60 },
  absoluteSessionHours: { min: 1, max: 24 },
  inactiveAccountDays: { min: 30, max: 365 },
};

export const POLICY_KEY = ['admin', 'policy'] as const;

/** The policy in force. */
export function usePolicy() {
  return useQuery({ queryKey: POLICY_KEY, queryFn: ({ signal }) => apiGet<SecurityPolicy>('/admin/policy', { signal }), staleTime: 0 });
}

/** PUT /admin/policy (the whole policy; audited as policy.update with before/after). */
export const savePolicy = (policy: SecurityPolicy, csrf: string | null) => apiPut<SecurityPolicy>('/admin/policy', policy, csrf);
