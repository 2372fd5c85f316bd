/**
 * 审计日志 filters ⇄ the page URL (?from=&to=&action=&actor=&outcome=&page=&pageSize=) ⇄ the
 * query of GET /admin/audit and /admin/audit/export.xlsx. Times travel as ISO instants with the
 * +08:00 offset; anything malformed in the URL is dropped rather than sent to the server.
 */
import { isIsoWithOffset } from './beijing-time.js';

export const OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof OUTCOMES)[number];

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

export interface AuditFilters {
  from?: string;
  to?: string;
  /** Action prefix: 'account.' matches account.create, account.roles… */
  action?: string;
  /** Exact login of the actor. */
  actor?: string;
  outcome?: AuditOutcome;
  page: number;
  pageSize: number;
}

const text = (value: string | null, max: number): string | undefined => {
  const v = value?.trim();
  return v ? v.slice(0, max) : undefined;
};

/** Filters from the URL's search params. */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const from = params.get('from');
  const to = params.get('to');
  const outcome = params.get('outcome');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    from: from && isIsoWithOffset(from) ? from : undefined,
    to: to && isIsoWithOffset(to) ? to : undefined,
    action: text(params.get('action'), 50),
    actor: text(params.get('actor'), 64),
    outcome: (OUTCOMES as readonly string[]).includes(outcome ?? '') ? (outcome as AuditOutcome) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The query the API takes; `paged: false` for the export (which covers every matching row). */
export function auditQuery(filters: AuditFilters, options: { paged: boolean }): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['from', 'to', 'action', 'actor', 'outcome'] as const) {
    const value = filters[key];
    if (value) query[key] = value;
  }
  if (options.paged) {
    query.page = String(filters.page);
    query.pageSize = String(filters.pageSize);
  }
  return query;
}

/** Search params for the page URL (defaults left out so plain URLs stay plain). */
export function auditSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams(auditQuery(filters, { paged: false }));
  if (filters.page !== 1) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize));
  return params;
}

/** Does any filter (besides paging) apply? */
export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.keys(auditQuery(filters, { paged: false })).length > 0;
}

/** Known actions (labelled in the dictionary); others are shown as their code. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.sessionExpired',
  'account.create',
  'account.roles',
  'account.disable',
  'account.enable',
  'account.unlock',
  'account.lockout',
  'account.resetPassword',
  'account.changePassword',
  'account.totpEnable',
  'access.denied',
  'policy.update',
  'plan.import',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Action prefixes offered by the action filter (free text works too). */
export const ACTION_PREFIXES = ['auth.', 'account.', 'access.', 'policy.', 'plan.', 'report.', 'reporting.', 'workPlan.', 'calendar.'] as const;
export type ActionPrefix = (typeof ACTION_PREFIXES)[number];

export const isKnownAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
