/** Maps plan rows to the API contract (src/shared/api/plan-api.ts). */
import type { DiagnosticView, MilestoneView, TargetView, TaskDetail, TaskSummary } from '../../../shared/api/plan-api.js';
import type { MilestoneRow, TargetRow } from '../../db/schema.js';

export function presentTarget(row: TargetRow, years: number[]): TargetView {
  return {
    id: row.id,
    subject: row.subject,
    comparator: row.comparator as TargetView['comparator'],
    value: row.value,
    valueMax: row.value_max,
    unit: row.unit,
    baseValue: row.base_value,
    baseValueMax: row.base_value_max,
    baseUnit: row.base_unit,
    years,
    scope: JSON.parse(row.scope) as string[],
    span: [row.span_start, row.span_end],
    text: row.text,
  };
}

/** Years covered by a milestone row ([] when undated). */
export function yearsOf(row: Pick<MilestoneRow, 'year_from' | 'year_to'>): number[] {
  if (row.year_from === null) return [];
  const years: number[] = [];
  for (let y = row.year_from; y <= (row.year_to ?? row.year_from); y++) years.push(y);
  return years;
}

export function presentMilestone(row: Omit<MilestoneRow, 'task_id'>, targets: TargetRow[]): MilestoneView {
  const years = yearsOf(row);
  return { id: row.id, seq: row.seq, years, text: row.text, line: row.line, targets: targets.map((t) => presentTarget(t, years)) };
}

export function presentDiagnostic(row: { severity: DiagnosticView['severity']; code: string; line: number; message: string; suggestion: string | null }): DiagnosticView {
  return { severity: row.severity, code: row.code, line: row.line, message: row.message, suggestion: row.suggestion };
}

/** The list view of a task. */
export function summariseTask(t: TaskDetail): TaskSummary {
  return {
    no: t.no,
    category: t.category,
    categoryTitle: t.categoryTitle,
    title: t.title,
    content: t.content,
    line: t.line,
    separateLeads: t.separateLeads,
    includesOtherRelevantDepartments: t.includesOtherRelevantDepartments,
    leads: t.leads,
    cooperators: t.cooperators,
    years: t.years,
    milestoneCount: t.milestoneCount,
    targetCount: t.targetCount,
  };
}
