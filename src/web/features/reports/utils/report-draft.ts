/**
 * The report form's working copy (草稿) and its translation to the PUT body. Inputs are kept as
 * typed (strings) so a half-typed number is never lost; the payload carries parsed numbers.
 * Problems are keyed by form field so that local checks and the server's 400 `details.issues`
 * show next to the same input.
 */
import type { ReportDetail, SaveReportInput } from '../../../../shared/api/report-api.js';
import { parseValueInput, valueToInput, type ValueKind, type ValueProblem } from './value-input.js';

export type MilestoneClaim = NonNullable<ReportDetail['milestones'][number]['status']>;
export const MILESTONE_CLAIMS: readonly MilestoneClaim[] = ['notStarted', 'inProgress', 'done', 'behind'];

export interface ReportDraft {
  percentComplete: string;
  problems: string;
  coordination: string;
  nextSteps: string;
  milestones: Record<number, { status: MilestoneClaim | null; narrative: string }>;
  values: Record<number, string>;
}

/** Form field keys: 'percentComplete', 'problems', 'coordination', 'nextSteps', 'value.<targetId>', 'milestone.<id>.status|narrative', '_form'. */
export type FieldKey = string;
export const valueKey = (targetId: number): FieldKey => `value.${targetId}`;
export const milestoneKey = (milestoneId: number, part: 'status' | 'narrative'): FieldKey => `milestone.${milestoneId}.${part}`;

export type LocalProblem = ValueProblem | 'needStatus';

/** A problem shown next to a field: our own check (translated on display) or the server's words. */
export type FieldIssue = { source: 'local'; problem: LocalProblem; unit?: string } | { source: 'server'; message: string };
export type FieldIssues = Record<FieldKey, FieldIssue>;

/** The form's starting point: what the server has stored. */
export function draftFromReport(report: ReportDetail): ReportDraft {
  return {
    percentComplete: valueToInput(report.percentComplete),
    problems: report.problems,
    coordination: report.coordination,
    nextSteps: report.nextSteps,
    milestones: Object.fromEntries(report.milestones.map((m) => [m.milestoneId, { status: m.status, narrative: m.narrative }])),
    values: Object.fromEntries(report.targets.map((t) => [t.targetId, valueToInput(t.reported)])),
  };
}

export interface TargetShape {
  unit: string;
  kind: ValueKind;
}

export interface BuiltPayload {
  payload: SaveReportInput;
  /** Problems found locally (empty when the draft is fine). */
  issues: FieldIssues;
}

/**
 * Draft → PUT body. `explicit` (the 保存 button) still sends numbers our check dislikes, so the
 * server — the authority — answers with its own message; autosave sends nothing while there is
 * a local problem (the caller checks `issues`). Text that is not a number is never sent.
 * A milestone without a status cannot be stored (the status is required), so its narrative waits.
 */
export function buildSavePayload(draft: ReportDraft, version: number, targets: ReadonlyMap<number, TargetShape>, explicit: boolean): BuiltPayload {
  const issues: FieldIssues = {};
  const percent = parseValueInput(draft.percentComplete, 'percent');
  let percentComplete: number | null = null;
  if (percent.ok) percentComplete = percent.value;
  else {
    issues.percentComplete = { source: 'local', problem: percent.problem, unit: '%' };
    percentComplete = explicit ? percent.value : null;
  }
  const milestones: NonNullable<SaveReportInput['milestones']> = [];
  for (const [id, m] of Object.entries(draft.milestones)) {
    if (m.status) milestones.push({ milestoneId: Number(id), status: m.status, narrative: m.narrative });
    else if (m.narrative.trim()) issues[milestoneKey(Number(id), 'status')] = { source: 'local', problem: 'needStatus' };
  }
  const values: NonNullable<SaveReportInput['values']> = [];
  for (const [id, raw] of Object.entries(draft.values)) {
    const targetId = Number(id);
    const shape = targets.get(targetId) ?? { unit: '', kind: 'decimal' as const };
    const parsed = parseValueInput(raw, shape.kind);
    if (parsed.ok) values.push({ targetId, value: parsed.value });
    else {
      issues[valueKey(targetId)] = { source: 'local', problem: parsed.problem, unit: shape.unit };
      if (explicit && parsed.value !== null) values.push({ targetId, value: parsed.value });
    }
  }
  const payload: SaveReportInput = {
    version,
    problems: draft.problems,
    coordination: draft.coordination,
    nextSteps: draft.nextSteps,
    milestones,
    values,
  };
  // An unparsable percentage is left out rather than cleared on the server.
  if (percent.ok || percentComplete !== null) payload.percentComplete = percentComplete;
  return { payload, issues };
}

/**
 * Where a server issue belongs. The service names fields `values[<targetId>]` and
 * `milestones[<milestoneId>]`; schema validation names paths into the body sent
 * (`values.0.value`, `milestones.2.narrative`), which `sent` resolves to ids.
 */
export function fieldKeyOfIssue(field: string, sent: SaveReportInput | null): FieldKey {
  let m = /^values\[(\d+)\]$/.exec(field);
  if (m) return valueKey(Number(m[1]));
  m = /^milestones\[(\d+)\]$/.exec(field);
  if (m) return milestoneKey(Number(m[1]), 'status');
  m = /^values\.(\d+)(?:\.\w+)?$/.exec(field);
  if (m) {
    const v = sent?.values?.[Number(m[1])];
    return v ? valueKey(v.targetId) : '_form';
  }
  m = /^milestones\.(\d+)(?:\.(status|narrative|milestoneId))?$/.exec(field);
  if (m) {
    const ms = sent?.milestones?.[Number(m[1])];
    return ms ? milestoneKey(ms.milestoneId, m[2] === 'narrative' ? 'narrative' : 'status') : '_form';
  }
  if (field === 'percentComplete' || field === 'problems' || field === 'coordination' || field === 'nextSteps') return field;
  return '_form';
}

/** `details.issues` of a 400 as field issues (several on one field are joined). */
export function serverIssues(details: unknown, sent: SaveReportInput | null): FieldIssues {
  const list = (details as { issues?: unknown } | null)?.issues;
  const out: FieldIssues = {};
  if (!Array.isArray(list)) return out;
  for (const raw of list) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { field, message } = raw as { field?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const key = fieldKeyOfIssue(typeof field === 'string' ? field : '', sent);
    const before = out[key];
    out[key] = { source: 'server', message: before && before.source === 'server' ? `${before.message}；${message}` : message };
  }
  return out;
}

/** Same content (ignoring how objects were built)? */
export function sameDraft(a: ReportDraft, b: ReportDraft): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(d: ReportDraft) {
  const sortEntries = <T>(r: Record<number, T>) => Object.entries(r).sort(([x], [y]) => Number(x) - Number(y));
  return [d.percentComplete, d.problems, d.coordination, d.nextSteps, sortEntries(d.milestones), sortEntries(d.values)];
}
