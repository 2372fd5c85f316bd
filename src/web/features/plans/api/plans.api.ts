/** Plans: the list (newest used by default) and one plan's detail (goals, categories, counts). */
import { useQuery } from '@tanstack/react-query';
import type { PlanDetail, PlanSummary } from '../../../../shared/api/plan-api.js';
import { apiGet, apiPath } from '../../../lib/api-client.js';

/** GET /plans */
export async function fetchPlans(signal?: AbortSignal): Promise<PlanSummary[]> {
  const body = await apiGet<{ items: PlanSummary[] }>('/plans', { signal });
  return body.items;
}

/** All imported plans. */
export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: ({ signal }) => fetchPlans(signal) });
}

/** GET /plans/:planId */
export function fetchPlanDetail(planId: number, signal?: AbortSignal): Promise<PlanDetail> {
  return apiGet<PlanDetail>(`/plans/${planId}`, { signal });
}

/** One plan with goals and categories. */
export function usePlanDetail(planId: number) {
  return useQuery({ queryKey: ['plan', planId], queryFn: ({ signal }) => fetchPlanDetail(planId, signal) });
}

/** URL of the 分工表 (.xlsx) export; a plain link so the browser downloads it. */
export function divisionOfLabourUrl(planId: number): string {
  return apiPath(`/plans/${planId}/export/division-of-labour.xlsx`);
}
