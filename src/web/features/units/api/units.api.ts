/** Responsible units (责任单位) with the tasks each leads (牵头) or cooperates on (配合). */
import { useQuery } from '@tanstack/react-query';
import type { UnitView } from '../../../../shared/api/plan-api.js';
import { apiGet } from '../../../lib/api-client.js';

/** GET /plans/:planId/units */
export async function fetchUnits(planId: number, signal?: AbortSignal): Promise<UnitView[]> {
  const body = await apiGet<{ items: UnitView[] }>(`/plans/${planId}/units`, { signal });
  return body.items;
}

/** Units of a plan, in document order. */
export function useUnits(planId: number) {
  return useQuery({ queryKey: ['units', planId], queryFn: ({ signal }) => fetchUnits(planId, signal) });
}
