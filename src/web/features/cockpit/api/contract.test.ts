/**
 * The web app's view of the supervision API (types.ts) must match what the server returns:
 * checked by the type checker (tsc runs over the tests), with type-only imports of the server
 * modules so nothing of the server is loaded here.
 */
import { describe, expect, it } from 'vitest';
import type { cockpit } from '../../../../server/modules/supervision/cockpit.service.js';
import type { PlanStatus } from '../../../../server/modules/supervision/status.service.js';
import type { listInstructions, listNotices, listProblems } from '../../../../server/modules/supervision/supervision.service.js';
import type { CockpitData, Instruction, Notice, PlanStatusData, Problem } from './types.js';

type Server<T extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<T>>;
/** Compile-time: A is assignable to B. */
type Assignable<A, B> = [A] extends [B] ? true : false;

const checks: [
  Assignable<Server<typeof cockpit>, CockpitData>,
  Assignable<PlanStatus, PlanStatusData>,
  Assignable<Server<typeof listNotices>[number], Notice>,
  Assignable<Server<typeof listInstructions>[number], Instruction>,
  Assignable<Server<typeof listProblems>[number], Problem>,
] = [true, true, true, true, true];

describe('supervision API types', () => {
  it('match the server’s responses (checked by tsc)', () => {
    expect(checks.every(Boolean)).toBe(true);
  });
});
