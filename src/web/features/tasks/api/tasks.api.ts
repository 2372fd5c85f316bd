/** Tasks: the filtered list and one task's detail (milestones with typed targets). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TaskDetail, TaskQuery, TaskSummary } from '../../../../shared/api/plan-api.js';
import { apiGet, apiPath } from '../../../lib/api-client.js';
import { taskQueryToSearchParams } from '../utils/task-filters.js';

/** GET /plans/:planId/tasks?… */
export async function fetchTasks(planId: number, query: TaskQuery, signal?: AbortSignal): Promise<{ items: TaskSummary[]; total: number }> {
  return apiGet(apiPath(`/plans/${planId}/tasks`, taskQueryToSearchParams(query)), { signal });
}

/** Tasks matching `query`; keeps the previous rows while a new filter loads. */
export function useTasks(planId: number, query: TaskQuery) {
  return useQuery({
    queryKey: ['tasks', planId, taskQueryToSearchParams(query).toString()],
    queryFn: ({ signal }) => fetchTasks(planId, query, signal),
    placeholderData: keepPreviousData,
  });
}

/** GET /plans/:planId/tasks/:no */
export function fetchTask(planId: number, no: number, signal?: AbortSignal): Promise<TaskDetail> {
  return apiGet<TaskDetail>(`/plans/${planId}/tasks/${no}`, { signal });
}

/** One task in full. */
export function useTask(planId: number, no: number, enabled = true) {
  return useQuery({ queryKey: ['task', planId, no], queryFn: ({ signal }) => fetchTask(planId, no, signal), enabled });
}
