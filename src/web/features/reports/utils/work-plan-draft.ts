/**
 * The county work plan form (年度工作计划): an action per city milestone and the county's share of
 * each city target, typed like report values. Same conventions as the report form: inputs kept
 * as typed, local problems and the server's issues keyed by field.
 */
import type { WorkPlanView } from '../../../../shared/api/report-api.js';
import type { SaveWorkPlanInput } from '../api/reports.api.js';
import type { FieldIssues, TargetShape } from './report-draft.js';
import { parseValueInput, valueToInput } from './value-input.js';

export interface WorkPlanDraft {
  actions: Record<number, string>;
  shares: Record<number, string>;
}

export const actionKey = (milestoneId: number): string => `action.${milestoneId}`;
export const shareKey = (targetId: number): string => `share.${targetId}`;

export function draftFromWorkPlan(plan: WorkPlanView): WorkPlanDraft {
  return {
    actions: Object.fromEntries(plan.milestones.map((m) => [m.milestoneId, m.action])),
    shares: Object.fromEntries(plan.milestones.flatMap((m) => m.targets.map((x) => [x.targetId, valueToInput(x.share)]))),
  };
}

/** Draft → PUT body (every milestone, with its shares). Numbers our check doubts still go, for the server to judge. */
export function buildWorkPlanPayload(draft: WorkPlanDraft, plan: WorkPlanView, version: number, shapes: ReadonlyMap<number, TargetShape>): { payload: SaveWorkPlanInput; issues: FieldIssues } {
  const issues: FieldIssues = {};
  const milestones = plan.milestones.map((m) => ({
    milestoneId: m.milestoneId,
    action: draft.actions[m.milestoneId] ?? '',
    shares: m.targets.flatMap((x) => {
      const shape = shapes.get(x.targetId) ?? { unit: x.unit, kind: 'decimal' as const };
      const parsed = parseValueInput(draft.shares[x.targetId] ?? '', shape.kind);
      if (parsed.ok) return [{ targetId: x.targetId, share: parsed.value }];
      issues[shareKey(x.targetId)] = { source: 'local', problem: parsed.problem, unit: shape.unit };
      return parsed.value === null ? [] : [{ targetId: x.targetId, share: parsed.value }];
    }),
  }));
  return { payload: { version, milestones }, issues };
}

/** `shares[<targetId>]`, `milestones[<id>]` (service) or `milestones.0.shares.1.share`, `milestones.0.action` (schema). */
export function workPlanIssueKey(field: string, sent: SaveWorkPlanInput | null): string {
  let m = /^shares\[(\d+)\]$/.exec(field);
  if (m) return shareKey(Number(m[1]));
  m = /^milestones\[(\d+)\]$/.exec(field);
  if (m) return actionKey(Number(m[1]));
  m = /^milestones\.(\d+)\.shares\.(\d+)(?:\.\w+)?$/.exec(field);
  if (m) {
    const share = sent?.milestones[Number(m[1])]?.shares[Number(m[2])];
    return share ? shareKey(share.targetId) : '_form';
  }
  m = /^milestones\.(\d+)(?:\.\w+)?$/.exec(field);
  if (m) {
    const ms = sent?.milestones[Number(m[1])];
    return ms ? actionKey(ms.milestoneId) : '_form';
  }
  return '_form';
}

export function workPlanServerIssues(details: unknown, sent: SaveWorkPlanInput | null): FieldIssues {
  const list = (details as { issues?: unknown } | null)?.issues;
  const out: FieldIssues = {};
  if (!Array.isArray(list)) return out;
  for (const raw of list) {
    const { field, message } = (raw ?? {}) as { field?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const key = workPlanIssueKey(typeof field === 'string' ? field : '', sent);
    const before = out[key];
    out[key] = { source: 'server', message: before?.source === 'server' ? `${before.message}；${message}` : message };
  }
  return out;
}
