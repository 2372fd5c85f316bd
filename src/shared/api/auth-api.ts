/** HTTP contract of login, accounts, roles, policy and the audit trail. */
import { z } from 'zod';
import { ROLES } from '../domain/roles.js';

export const roleEnumSchema = z.enum(ROLES);

/** The security policy (configurable by the 安全管理员; defaults per 等保2.0 三级). */
export const securityPolicySchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMinClasses: z.number().int().min(3).max(4),
  passwordMaxAgeDays: z.number().int().min(1).max(365),
  passwordHistory: z.number().int().min(1).max(24),
  lockoutThreshold: z.number().int().min(3).max(10),
  lockoutMinutes: z.number().int().min(5).max(1440),
  idleTimeoutMinutes: z.number().int().min(5).max(120),
  adminIdleTimeoutMinutes: z.number().int().min(5).max(60),
  absoluteSessionHours: z.number().int().min(1).max(24),
  inactiveAccountDays: z.number().int().min(30).max(365),
  /** When on, the three administrators and unit heads must use a TOTP second factor. */
  totpRequired: z.boolean(),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;


export const accountSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
  unitName: z.string().nullable(),
  /** Masked: 138****5678. */
  phone: z.string().nullable(),
  roles: z.array(roleEnumSchema),
  disabled: z.boolean(),
  disabledReason: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const loginBodySchema = z.object({
  login: z.string().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
  totp: z.string().regex(/^\d{6}$/, '动态验证码为6位数字').optional(),
});

export const meSchema = z.object({
  account: accountSchema.nullable(),
  csrfToken: z.string().nullable(),
  mustChangePassword: z.boolean(),
  mustSetUpTotp: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const totpSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const totpEnableBodySchema = z.object({ secret: z.string().regex(/^[A-Z2-7]{16,64}$/), code: z.string().regex(/^\d{6}$/, '动态验证码为6位数字') });

export const createAccountBodySchema = z.object({
  login: z.string().min(3).max(32),
  displayName: z.string().min(1).max(50),
  unitName: z.string().max(50).nullish(),
  phone: z.string().max(20).nullish(),
});

export const oneTimePasswordSchema = z.object({ account: accountSchema, oneTimePassword: z.string() });
export const accountListSchema = z.object({ items: z.array(accountSchema) });
export const setRolesBodySchema = z.object({ roles: z.array(roleEnumSchema).max(7) });
export const disableBodySchema = z.object({ reason: z.string().min(1).max(100).optional() });
export const accountParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const auditEventSchema = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  at: z.string(),
  actorLogin: z.string().nullable(),
  actorRoles: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  requestId: z.string().nullable(),
  message: z.string().nullable(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  action: z.string().max(50).optional(),
  actor: z.string().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({ items: z.array(auditEventSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstSeq: z.number().int().nullable(),
  lastSeq: z.number().int().nullable(),
  broken: z.object({ id: z.number().int(), seq: z.number().int(), reason: z.string() }).optional(),
});
