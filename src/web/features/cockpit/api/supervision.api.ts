/**
 * Supervision over /api/v1: the cockpit figures, computed status, 督办单, 领导批示, 问题台账,
 * plus /api/health (demo → 模拟数据). Every fetcher has a react-query hook; state changes carry
 * the session's CSRF token and invalidate what they change.
 */
import { useQuery } from '@tanstack/react-query';
import type { Health } from '../../../../shared/api/plan-api.js';
import { apiGet, apiPath, apiPost, apiPut } from '../../../lib/api-client.js';
import type { CockpitData, Instruction, Notice, PlanStatusData, Problem, ProblemStatus } from './types.js';

type Csrf = string | null | undefined;

/** Supervision data changes with every report and notice: keep it fresh, unlike plan data. */
const FRESH = 30_000;

export const supervisionKeys = {
  cockpit: (planId: number, year: number) => ['cockpit', planId, year] as const,
  status: (planId: number, year: number) => ['status', planId, year] as const,
  notices: (planId: number) => ['notices', planId] as const,
  instructions: (planId: number) => ['instructions', planId] as const,
  problems: (planId: number) => ['problems', planId] as const,
};

/** GET /api/health (outside /api/v1): `demo` says the database holds simulated data. */
export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: ({ signal }) => apiGet<Health>('/api/health', { signal }), staleTime: 10 * 60_000 });
}

/** GET /plans/:planId/cockpit?year= */
export function useCockpit(planId: number, year: number, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.cockpit(planId, year),
    queryFn: ({ signal }) => apiGet<CockpitData>(apiPath(`/plans/${planId}/cockpit`, { year }), { signal }),
    enabled,
    staleTime: FRESH,
  });
}

/** GET /plans/:planId/status?year= */
export function usePlanStatus(planId: number, year: number, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.status(planId, year),
    queryFn: ({ signal }) => apiGet<PlanStatusData>(apiPath(`/plans/${planId}/status`, { year }), { signal }),
    enabled,
    staleTime: FRESH,
  });
}

/** GET /plans/:planId/notices (unit staff get their unit's only). */
export function useNotices(planId: number, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.notices(planId),
    queryFn: async ({ signal }) => (await apiGet<{ items: Notice[] }>(`/plans/${planId}/notices`, { signal })).items,
    enabled,
    staleTime: FRESH,
  });
}

/** GET /plans/:planId/instructions */
export function useInstructions(planId: number, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.instructions(planId),
    queryFn: async ({ signal }) => (await apiGet<{ items: Instruction[] }>(`/plans/${planId}/instructions`, { signal })).items,
    enabled,
    staleTime: FRESH,
  });
}

/** GET /plans/:planId/problems (plan office and leaders; filtered on the client so counts stay visible). */
export function useProblems(planId: number, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.problems(planId),
    queryFn: async ({ signal }) => (await apiGet<{ items: Problem[] }>(`/plans/${planId}/problems`, { signal })).items,
    enabled,
    staleTime: FRESH,
  });
}

export interface IssueNoticeInput {
  taskNo: number;
  unit: string;
  content: string;
  source?: 'manual' | 'light';
}

/** POST /plans/:planId/notices (plan office). */
export function issueNotice(planId: number, body: IssueNoticeInput, csrf: Csrf): Promise<{ ok: true; id?: number }> {
  return apiPost(`/plans/${planId}/notices`, body, csrf);
}

/** POST /notices/:id/receive|answer|close */
export function moveNotice(id: number, move: 'receive' | 'answer' | 'close', body: { version: number; answer?: string }, csrf: Csrf): Promise<{ ok: true }> {
  return apiPost(`/notices/${id}/${move}`, body, csrf);
}

/** POST /plans/:planId/tasks/:no/instructions (leader). */
export function writeInstruction(planId: number, taskNo: number, text: string, csrf: Csrf): Promise<{ ok: true; id?: number }> {
  return apiPost(`/plans/${planId}/tasks/${taskNo}/instructions`, { text }, csrf);
}

/** POST /instructions/:id/respond (lead unit) */
export function respondInstruction(id: number, version: number, response: string, csrf: Csrf): Promise<{ ok: true }> {
  return apiPost(`/instructions/${id}/respond`, { version, response }, csrf);
}

/** POST /instructions/:id/close (plan office) */
export function closeInstruction(id: number, version: number, csrf: Csrf): Promise<{ ok: true }> {
  return apiPost(`/instructions/${id}/close`, { version }, csrf);
}

export interface ProblemUpdate {
  version: number;
  status: ProblemStatus;
  owner?: string | null;
  resolution?: string | null;
}

/** PUT /problems/:id (plan office) */
export function updateProblem(id: number, body: ProblemUpdate, csrf: Csrf): Promise<{ ok: true }> {
  return apiPut(`/problems/${id}`, body, csrf);
}
