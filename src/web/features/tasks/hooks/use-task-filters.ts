/** The /tasks filters, read from and written to the URL query string. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TaskQuery } from '../../../../shared/api/plan-api.js';
import { parseTaskFilters, taskQueryToSearchParams, updateTaskFilters } from '../utils/task-filters.js';

/** [filters, change(partial), reset()] synced with `?category=&zone=…`. */
export function useTaskFilters(): [TaskQuery, (change: Partial<TaskQuery>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseTaskFilters(params), [params]);
  const change = useCallback(
    (partial: Partial<TaskQuery>) => setParams(taskQueryToSearchParams(updateTaskFilters(parseTaskFilters(params), partial))),
    [params, setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return [filters, change, reset];
}
