/**
 * The plan every page shows. Several plans can coexist (cities, versions); the newest is used
 * unless the user picked another in the header (remembered in localStorage `sanqu.planId`).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { PlanSummary } from '../../../../shared/api/plan-api.js';
import { pickPlan } from '../utils/pick-plan.js';

export const PLAN_STORAGE_KEY = 'sanqu.planId';

interface CurrentPlanValue {
  plan: PlanSummary;
  plans: PlanSummary[];
  selectPlan: (id: number) => void;
}

const CurrentPlanContext = createContext<CurrentPlanValue | null>(null);

function readStoredPlanId(): number | null {
  try {
    const raw = window.localStorage.getItem(PLAN_STORAGE_KEY);
    return raw && /^\d+$/.test(raw) ? Number(raw) : null;
  } catch {
    return null;
  }
}

/** Provides the selected plan; renders `fallback` when the list is empty. */
export function CurrentPlanProvider({ plans, children, fallback }: { plans: PlanSummary[]; children: ReactNode; fallback: ReactNode }) {
  const [preferredId, setPreferredId] = useState<number | null>(readStoredPlanId);
  const selectPlan = useCallback((id: number) => {
    setPreferredId(id);
    try {
      window.localStorage.setItem(PLAN_STORAGE_KEY, String(id));
    } catch {
      // not persisted
    }
  }, []);
  const plan = pickPlan(plans, preferredId);
  const value = useMemo(() => (plan ? { plan, plans, selectPlan } : null), [plan, plans, selectPlan]);
  if (!value) return <>{fallback}</>;
  return <CurrentPlanContext.Provider value={value}>{children}</CurrentPlanContext.Provider>;
}

/** The selected plan (inside the app layout only). */
export function useCurrentPlan(): CurrentPlanValue {
  const value = useContext(CurrentPlanContext);
  if (!value) throw new Error('useCurrentPlan must be used inside <CurrentPlanProvider>');
  return value;
}

/** Optional variant for the header, which renders before a plan is known. */
export function useOptionalCurrentPlan(): CurrentPlanValue | null {
  return useContext(CurrentPlanContext);
}
