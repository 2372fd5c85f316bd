/**
 * Roles and permissions. Every authorisation decision goes through `can` (server) — the web app
 * uses the same table only to decide what to show.
 * 三权分立: the three administrators never hold each other's roles and see nothing else.
 */
export const ROLES = ['planOffice', 'reporter', 'unitHead', 'leader', 'systemAdmin', 'securityAdmin', 'auditAdmin'] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES = ['systemAdmin', 'securityAdmin', 'auditAdmin'] as const satisfies readonly Role[];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  planOffice: { zh: '规划办', en: 'Plan office' },
  reporter: { zh: '填报员', en: 'Unit reporter' },
  unitHead: { zh: '单位审核人', en: 'Unit head' },
  leader: { zh: '市领导', en: 'City leader' },
  systemAdmin: { zh: '系统管理员', en: 'System administrator' },
  securityAdmin: { zh: '安全管理员', en: 'Security administrator' },
  auditAdmin: { zh: '审计管理员', en: 'Audit administrator' },
};

export const PERMISSIONS = [
  'plan:diagnostics',
  'report:read',
  'report:write',
  'report:approve',
  'report:decide',
  'reporting:configure',
  'config:edit',
  'supervise',
  'supervision:read',
  'notice:respond',
  'instruction:write',
  'assessment:read',
  'assessment:manage',
  'plan:import',
  'account:read',
  'account:manage',
  'role:assign',
  'policy:edit',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  planOffice: ['plan:diagnostics', 'plan:import', 'report:read', 'report:decide', 'reporting:configure', 'supervise', 'supervision:read', 'assessment:read', 'assessment:manage'],
  reporter: ['report:read', 'report:write', 'notice:respond', 'assessment:read'],
  unitHead: ['report:read', 'report:approve', 'notice:respond', 'assessment:read'],
  leader: ['plan:diagnostics', 'report:read', 'supervision:read', 'instruction:write', 'assessment:read'],
  systemAdmin: ['account:read', 'account:manage', 'config:edit'],
  securityAdmin: ['account:read', 'role:assign', 'policy:edit'],
  auditAdmin: ['audit:read'],
};

/** Does any of the roles grant the permission? */
export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => (GRANTS[r as Role] ?? []).includes(permission));
}

export const isAdminRole = (r: string): boolean => (ADMIN_ROLES as readonly string[]).includes(r);
