import { describe, expect, it } from 'vitest';
import { newestPlan, pickPlan } from './pick-plan.js';

const plans = [
  { id: 1, importedAt: '2026-11-29T08:00:00.000Z' },
  { id: 3, importedAt: '2026-11-29T09:00:00.000Z' },
  { id: 2, importedAt: '2026-11-29T09:00:00.000Z' },
];

describe('plan choice', () => {
  it('uses the newest import (latest time, then highest id)', () => {
    expect(newestPlan(plans)?.id).toBe(3);
    expect(newestPlan([])).toBeUndefined();
  });

  it('keeps a stored choice that still exists', () => {
    expect(pickPlan(plans, 1)?.id).toBe(1);
    expect(pickPlan(plans, 9)?.id).toBe(3);
    expect(pickPlan(plans, null)?.id).toBe(3);
  });
});
