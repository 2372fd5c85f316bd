/** 审计日志 (审计管理员): the filtered, paged trail, chain verification and the .xlsx export. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEventView, auditVerifySchema } from '../../../../shared/api/auth-api.js';
import { apiGet, apiPath } from '../../../lib/api-client.js';
import { auditQuery, type AuditFilters } from '../utils/audit-filters.js';

export interface AuditPage {
  items: AuditEventView[];
  total: number;
  page: number;
  pageSize: number;
}

export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

/** One page of events, newest first; the previous page stays shown while the next loads. */
export function useAuditEvents(filters: AuditFilters) {
  const query = auditQuery(filters, { paged: true });
  return useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) => apiGet<AuditPage>(apiPath('/admin/audit', query), { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** GET /admin/audit/verify: walk the whole hash chain. */
export const verifyAuditChain = () => apiGet<AuditVerifyResult>('/admin/audit/verify');

/** The export link for the current filters (every matching row, up to the server's limit). */
export const auditExportUrl = (filters: AuditFilters): string => apiPath('/admin/audit/export.xlsx', auditQuery(filters, { paged: false }));
