/**
 * Who may do what to a 督办单 or a 领导批示 right now (mirrors src/server/modules/supervision:
 * the server decides; the page only offers the buttons that can succeed), and small list
 * helpers for the supervision pages.
 */
import type { Instruction, Notice, NoticeLevel, NoticeState, Problem, ProblemStatus } from '../api/types.js';

export interface Actor {
  /** notice:respond (unit reporters and heads) */
  canRespond: boolean;
  /** supervise (plan office) */
  canSupervise: boolean;
  /** instruction:write (leaders) */
  canInstruct: boolean;
  unitName: string | null;
}

export type NoticeMove = 'receive' | 'answer' | 'close';

/** 签收 and 反馈 by the notice's unit, 办结 by the plan office once answered. */
export function noticeActions(notice: Pick<Notice, 'state' | 'unit'>, actor: Actor): NoticeMove[] {
  const own = actor.canRespond && actor.unitName === notice.unit;
  const moves: NoticeMove[] = [];
  if (own && notice.state === 'issued') moves.push('receive');
  if (own && (notice.state === 'issued' || notice.state === 'received')) moves.push('answer');
  if (actor.canSupervise && notice.state === 'answered') moves.push('close');
  return moves;
}

/** Unanswered past its deadline (China date, YYYY-MM-DD). */
export function isOverdue(notice: Pick<Notice, 'state' | 'dueDate'>, today: string): boolean {
  return (notice.state === 'issued' || notice.state === 'received') && notice.dueDate < today;
}

export type InstructionMove = 'respond' | 'close';

/** 反馈 by a lead unit of the task (again while not closed), 办结 by the plan office once answered. */
export function instructionActions(instruction: Pick<Instruction, 'state'>, leads: readonly string[], actor: Actor): InstructionMove[] {
  const moves: InstructionMove[] = [];
  if (actor.canRespond && actor.unitName && leads.includes(actor.unitName) && instruction.state !== 'closed') moves.push('respond');
  if (actor.canSupervise && instruction.state === 'answered') moves.push('close');
  return moves;
}

export interface NoticeFilter {
  level?: NoticeLevel;
  state?: NoticeState;
  /** Only those not 办结. */
  open?: boolean;
  taskNo?: number;
}

export function filterNotices(notices: readonly Notice[], filter: NoticeFilter): Notice[] {
  return notices.filter(
    (n) =>
      (!filter.level || n.level === filter.level) &&
      (!filter.state || n.state === filter.state) &&
      (!filter.open || n.state !== 'closed') &&
      (filter.taskNo === undefined || n.taskNo === filter.taskNo),
  );
}

/** Counts per status, for the filter's labels. */
export function problemCounts(problems: readonly Problem[]): Record<ProblemStatus | 'all', number> {
  const out = { all: problems.length, pending: 0, coordinating: 0, resolved: 0 };
  for (const p of problems) out[p.status]++;
  return out;
}

/** The plan office must say how a problem was resolved before marking it 已解决. */
export function problemEditError(input: { status: ProblemStatus; resolution: string }): 'resolutionRequired' | null {
  return input.status === 'resolved' && !input.resolution.trim() ? 'resolutionRequired' : null;
}

/** Default text of a 督办单 raised from a red light: the task and the reason it is red. */
export function noticeFromLight(task: { no: number; title: string; why: { rule: string } }, template: (params: { no: number; title: string; rule: string }) => string): string {
  return template({ no: task.no, title: task.title, rule: task.why.rule });
}
