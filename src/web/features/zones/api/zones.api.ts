/** Zones: the three zones with counties and towns, and each county's zone make-up. */
import { useQuery } from '@tanstack/react-query';
import type { ZonesResponse } from '../../../../shared/api/plan-api.js';
import { apiGet } from '../../../lib/api-client.js';

/** GET /plans/:planId/zones */
export function fetchZones(planId: number, signal?: AbortSignal): Promise<ZonesResponse> {
  return apiGet<ZonesResponse>(`/plans/${planId}/zones`, { signal });
}

/** Zones of a plan. */
export function useZones(planId: number) {
  return useQuery({ queryKey: ['zones', planId], queryFn: ({ signal }) => fetchZones(planId, signal) });
}
