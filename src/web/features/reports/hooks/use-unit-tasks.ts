/** The tasks the signed-in user's unit leads (牵头) and cooperates on (配合), with titles and years. */
import type { TaskSummary, UnitView } from '../../../../shared/api/plan-api.js';
import { useTasks } from '../../tasks/api/tasks.api.js';
import { useUnits } from '../../units/api/units.api.js';

export interface UnitTasks {
  loading: boolean;
  error: Error | null;
  unit: UnitView | null;
  leads: TaskSummary[];
  cooperates: TaskSummary[];
  /** All tasks of the plan by number (titles for lists). */
  byNo: Map<number, TaskSummary>;
}

const EMPTY_QUERY = {};

export function useUnitTasks(planId: number, unitName: string | null): UnitTasks {
  const units = useUnits(planId);
  const tasks = useTasks(planId, EMPTY_QUERY);
  const unit = units.data?.find((u) => u.name === unitName) ?? null;
  const byNo = new Map((tasks.data?.items ?? []).map((t) => [t.no, t]));
  const pick = (nos: number[] | undefined) => (nos ?? []).map((no) => byNo.get(no)).filter((t): t is TaskSummary => !!t);
  return {
    loading: units.isLoading || tasks.isLoading,
    error: units.error ?? tasks.error ?? null,
    unit,
    leads: pick(unit?.leads),
    cooperates: pick(unit?.cooperates),
    byNo,
  };
}
