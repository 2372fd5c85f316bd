/** Importer diagnostics (诊断) of a plan. */
import { useQuery } from '@tanstack/react-query';
import type { DiagnosticView } from '../../../../shared/api/plan-api.js';
import { apiGet } from '../../../lib/api-client.js';

/** GET /plans/:planId/diagnostics */
export async function fetchDiagnostics(planId: number, signal?: AbortSignal): Promise<DiagnosticView[]> {
  const body = await apiGet<{ items: DiagnosticView[] }>(`/plans/${planId}/diagnostics`, { signal });
  return body.items;
}

/** Diagnostics of a plan. */
export function useDiagnostics(planId: number) {
  return useQuery({ queryKey: ['diagnostics', planId], queryFn: ({ signal }) => fetchDiagnostics(planId, signal) });
}
