/** 我的待办: items of GET /plans/:planId/todo grouped by kind, in the order people act on them. */
import type { z } from 'zod';
import type { todoItemSchema } from '../../../../shared/api/report-api.js';

export type TodoItem = z.infer<typeof todoItemSchema>;
export type TodoKind = TodoItem['kind'];

/** 待填报, 已逾期, 被退回, 配合反馈, 待审核, 待采纳. */
export const TODO_KINDS: readonly TodoKind[] = ['due', 'overdue', 'returned', 'contribution', 'approve', 'decide'];

export interface TodoGroup {
  kind: TodoKind;
  items: TodoItem[];
}

/** Non-empty groups in TODO_KINDS order; inside a group the earliest due date first, then task number. */
export function groupTodo(items: readonly TodoItem[]): TodoGroup[] {
  return TODO_KINDS.map((kind) => ({
    kind,
    items: items
      .filter((i) => i.kind === kind)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.taskNo - b.taskNo || a.period.localeCompare(b.period)),
  })).filter((g) => g.items.length > 0);
}

/** Where an item leads: its report, a report still to be opened (no id yet), or the contribution form. */
export type TodoTarget = { kind: 'report'; to: string } | { kind: 'open'; taskNo: number; period: string } | { kind: 'contribution'; to: string };

export function todoTarget(item: TodoItem): TodoTarget {
  if (item.kind === 'contribution') return { kind: 'contribution', to: contributionPath(item.taskNo, item.period) };
  if (item.reportId !== null) return { kind: 'report', to: `/reports/${item.reportId}` };
  return { kind: 'open', taskNo: item.taskNo, period: item.period };
}

/** The contribution form for a task and period. */
export function contributionPath(taskNo: number, period: string): string {
  return `/contributions?task=${taskNo}&period=${encodeURIComponent(period)}`;
}

/** Days from `today` to `dueDate` (both YYYY-MM-DD; negative when past). */
export function daysUntil(dueDate: string, today: string): number {
  const ms = Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Today in China (UTC+8) as YYYY-MM-DD, as the server computes deadlines. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
