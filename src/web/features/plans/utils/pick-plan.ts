/** Which plan the app shows: the stored choice if it still exists, else the newest import. */
import type { PlanSummary } from '../../../../shared/api/plan-api.js';

type PlanRef = Pick<PlanSummary, 'id' | 'importedAt'>;

/** The newest plan: latest `importedAt`, then highest id (ids grow with imports). */
export function newestPlan<T extends PlanRef>(plans: readonly T[]): T | undefined {
  return plans.reduce<T | undefined>((best, plan) => {
    if (!best) return plan;
    const byTime = Date.parse(plan.importedAt) - Date.parse(best.importedAt);
    if (byTime > 0 || (!(byTime < 0) && plan.id > best.id)) return plan;
    return best;
  }, undefined);
}

/** The plan to show: `preferredId` when it is in the list, otherwise the newest. */
export function pickPlan<T extends PlanRef>(plans: readonly T[], preferredId: number | null): T | undefined {
  return plans.find((plan) => plan.id === preferredId) ?? newestPlan(plans);
}
