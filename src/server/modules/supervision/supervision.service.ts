/**
 * 督办单 (supervision notices), 领导批示 (leaders' instructions) and the 问题台账.
 *   Notice: the plan office issues it to a unit on a task (by hand, or from a red light): 下发 issued
 *   → 签收 received → 反馈 answered → 办结 closed. Unanswered past its working-day deadline it
 *   escalates 蓝 blue → 黄 yellow → 红 red, each step with a new deadline and a message upward
 *   (yellow: the unit's heads; red: also the city leaders).
 *   Instruction: a leader writes it on a task; the lead units are told and answer; the plan office
 *   closes it.
 *   Problems: each accepted report's 存在问题 and 需协调事项 become ledger rows for 市发展改革局 to
 *   follow (待协调 pending → 协调中 coordinating → 已解决 resolved, with owner and resolution).
 * Every change is audited in its transaction.
 */
import type { Kysely } from 'kysely';
import { chinaDate } from '../../../shared/domain/periods.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { writeAudit, type Actor } from '../../audit/audit.js';
import { notify, usersWithRole } from '../inbox/inbox.service.js';
import { loadCalendar, type ReportCtx } from '../reports/report.service.js';

type Db = Kysely<Database>;

export const NOTICE_DUE_WORKDAYS = 5;
export const ESCALATION_WORKDAYS = 3;
const tx = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

async function audit(db: Db, ctx: { now: Date; actor: Actor | null; ip?: string | null; requestId?: string | null }, action: string, objectType: string, objectId: number, before: unknown, after: unknown): Promise<void> {
  await writeAudit(db, { at: ctx.now, actor: ctx.actor, ip: ctx.ip ?? null, requestId: ctx.requestId ?? null, action, objectType, objectId, before, after, outcome: 'success' });
}

async function unitStaff(db: Db, unit: string): Promise<number[]> {
  return [...(await usersWithRole(db, 'reporter', unit)), ...(await usersWithRole(db, 'unitHead', unit))];
}

async function assignedUnits(db: Db, planId: number, taskNo: number) {
  return db
    .selectFrom('assignment')
    .innerJoin('unit', 'unit.id', 'assignment.unit_id')
    .innerJoin('task', 'task.id', 'assignment.task_id')
    .select(['unit.name', 'assignment.role', 'task.title'])
    .where('task.plan_id', '=', planId)
    .where('task.no', '=', taskNo)
    .execute();
}

export async function issueNotice(db: Db, ctx: ReportCtx, planId: number, input: { taskNo: number; unit: string; content: string; source?: 'manual' | 'light'; dueWorkdays?: number }): Promise<number> {
  const units = await assignedUnits(db, planId, input.taskNo);
  if (units.length === 0) throw new AppError('NOT_FOUND', `任务 ${input.taskNo}不存在`);
  if (!units.some((u) => u.name === input.unit)) throw new AppError('VALIDATION_FAILED', `${input.unit}不是任务${input.taskNo}的责任单位`, { field: 'unit' });
  const calendar = await loadCalendar(db);
  const due = calendar.nthWorkdayAfter(chinaDate(ctx.now), input.dueWorkdays ?? NOTICE_DUE_WORKDAYS);
  return tx(db, async (trx) => {
    const title = `关于任务${input.taskNo}“${units[0]!.title}”的督办单`;
    const row = await trx
      .insertInto('supervision_notice')
      .values({ plan_id: planId, task_no: input.taskNo, unit_name: input.unit, level: 'blue', state: 'issued', title, content: input.content, source: input.source ?? 'manual', due_date: due, issued_by: ctx.actor.id!, issued_at: ctx.now.toISOString(), received_at: null, answer: null, answered_at: null, closed_at: null, escalated_at: null, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await audit(trx, ctx, 'notice.issue', 'notice', id, undefined, { taskNo: input.taskNo, unit: input.unit, dueDate: due, level: 'blue' });
    await notify(trx, await unitStaff(trx, input.unit), { kind: 'notice.issued', title: `【蓝色督办】${title}`, body: `${input.content}（请于${due}前反馈）`, link: `/notices/${id}` }, ctx.now);
    return id;
  });
}

async function requireNotice(db: Db, id: number) {
  const n = await db.selectFrom('supervision_notice').selectAll().where('id', '=', id).executeTakeFirst();
  if (!n) throw new AppError('NOT_FOUND', `督办单（编号 ${id}）不存在`);
  return n;
}

/** 签收 / 反馈 by the unit, 办结 by the plan office. */
export async function moveNotice(db: Db, ctx: ReportCtx, id: number, version: number, move: 'receive' | 'answer' | 'close', answer?: string): Promise<void> {
  await tx(db, async (trx) => {
    const n = await requireNotice(trx, id);
    if (n.version !== version) throw new AppError('CONFLICT', `督办单已被更新（当前版本 ${n.version}），请刷新`, { currentVersion: n.version });
    const from: Record<typeof move, string[]> = { receive: ['issued'], answer: ['issued', 'received'], close: ['answered'] };
    if (!from[move].includes(n.state)) throw new AppError('CONFLICT', `督办单当前状态不能${move === 'receive' ? '签收' : move === 'answer' ? '反馈' : '办结'}`, { state: n.state });
    if (move !== 'close' && ctx.unitName !== n.unit_name) throw new AppError('OUT_OF_SCOPE', `只有${n.unit_name}可以${move === 'receive' ? '签收' : '反馈'}该督办单`);
    if (move === 'answer' && !answer?.trim()) throw new AppError('VALIDATION_FAILED', '请填写反馈内容', { field: 'answer' });
    const now = ctx.now.toISOString();
    const state = move === 'receive' ? 'received' : move === 'answer' ? 'answered' : 'closed';
    await trx
      .updateTable('supervision_notice')
      .set({ state, version: n.version + 1, ...(move === 'receive' ? { received_at: now } : move === 'answer' ? { answered_at: now, answer: answer!.trim(), received_at: n.received_at ?? now } : { closed_at: now }) })
      .where('id', '=', id)
      .execute();
    await audit(trx, ctx, `notice.${move}`, 'notice', id, { state: n.state }, { state, ...(answer ? { answer } : {}) });
    if (move === 'answer') await notify(trx, [n.issued_by], { kind: 'notice.answered', title: `${n.unit_name}已反馈督办单`, body: answer!.trim(), link: `/notices/${id}` }, ctx.now);
  });
}

/** Escalate unanswered notices past their deadline (run hourly and at start). Returns how many moved. */
export async function escalateOverdueNotices(db: Db, now: Date): Promise<number> {
  const today = chinaDate(now);
  const overdue = await db.selectFrom('supervision_notice').selectAll().where('state', 'in', ['issued', 'received']).where('due_date', '<', today).execute();
  const calendar = await loadCalendar(db);
  let moved = 0;
  for (const n of overdue) {
    if (n.level === 'red' && n.escalated_at && chinaDate(new Date(n.escalated_at)) >= n.due_date) continue;
    const level = n.level === 'blue' ? 'yellow' : 'red';
    const due = calendar.nthWorkdayAfter(today, ESCALATION_WORKDAYS);
    await tx(db, async (trx) => {
      await trx.updateTable('supervision_notice').set({ level, due_date: due, escalated_at: now.toISOString(), version: n.version + 1 }).where('id', '=', n.id).where('version', '=', n.version).execute();
      await audit(trx, { now, actor: null }, 'notice.escalate', 'notice', n.id, { level: n.level, dueDate: n.due_date }, { level, dueDate: due });
      const tag = level === 'yellow' ? '【黄色督办】' : '【红色督办】';
      const upward = [...(await usersWithRole(trx, 'unitHead', n.unit_name)), ...(level === 'red' ? [...(await usersWithRole(trx, 'leader')), ...(await usersWithRole(trx, 'planOffice'))] : [])];
      await notify(trx, [...upward, ...(await usersWithRole(trx, 'reporter', n.unit_name))], { kind: 'notice.escalated', title: `${tag}${n.title}`, body: `逾期未反馈，已升级为${level === 'yellow' ? '黄色' : '红色'}督办，请于${due}前反馈`, link: `/notices/${n.id}` }, now);
    });
    moved++;
  }
  return moved;
}

export async function listNotices(db: Db, planId: number, unit?: string | null) {
  let q = db.selectFrom('supervision_notice').selectAll().where('plan_id', '=', planId);
  if (unit) q = q.where('unit_name', '=', unit);
  const rows = await q.orderBy('id', 'desc').execute();
  return rows.map((n) => ({
    id: n.id,
    taskNo: n.task_no,
    unit: n.unit_name,
    level: n.level,
    state: n.state,
    title: n.title,
    content: n.content,
    source: n.source,
    dueDate: n.due_date,
    issuedAt: n.issued_at,
    receivedAt: n.received_at,
    answer: n.answer,
    answeredAt: n.answered_at,
    closedAt: n.closed_at,
    version: n.version,
  }));
}

// ---- 领导批示 ----

export async function writeInstruction(db: Db, ctx: ReportCtx, planId: number, taskNo: number, text: string): Promise<number> {
  const units = await assignedUnits(db, planId, taskNo);
  if (units.length === 0) throw new AppError('NOT_FOUND', `任务 ${taskNo}不存在`);
  const due = (await loadCalendar(db)).nthWorkdayAfter(chinaDate(ctx.now), NOTICE_DUE_WORKDAYS);
  return tx(db, async (trx) => {
    const row = await trx
      .insertInto('instruction')
      .values({ plan_id: planId, task_no: taskNo, author_id: ctx.actor.id!, text, state: 'issued', due_date: due, response: null, responded_by: null, responded_at: null, closed_at: null, created_at: ctx.now.toISOString(), version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await audit(trx, ctx, 'instruction.write', 'instruction', id, undefined, { taskNo, text, dueDate: due });
    const leads = units.filter((u) => u.role === 'lead').map((u) => u.name);
    const staff = (await Promise.all(leads.map((u) => unitStaff(trx, u)))).flat();
    await notify(trx, [...staff, ...(await usersWithRole(trx, 'planOffice'))], { kind: 'instruction.issued', title: `领导批示：任务${taskNo}“${units[0]!.title}”`, body: `${text}（请于${due}前反馈落实情况）`, link: `/tasks/${taskNo}` }, ctx.now);
    return id;
  });
}

export async function moveInstruction(db: Db, ctx: ReportCtx, id: number, version: number, move: 'respond' | 'close', response?: string): Promise<void> {
  await tx(db, async (trx) => {
    const i = await trx.selectFrom('instruction').selectAll().where('id', '=', id).executeTakeFirst();
    if (!i) throw new AppError('NOT_FOUND', `批示（编号 ${id}）不存在`);
    if (i.version !== version) throw new AppError('CONFLICT', `批示已被更新（当前版本 ${i.version}），请刷新`, { currentVersion: i.version });
    if (move === 'respond') {
      if (i.state !== 'issued' && i.state !== 'answered') throw new AppError('CONFLICT', '批示已办结', { state: i.state });
      const leads = (await assignedUnits(trx, i.plan_id, i.task_no)).filter((u) => u.role === 'lead').map((u) => u.name);
      if (!ctx.unitName || !leads.includes(ctx.unitName)) throw new AppError('OUT_OF_SCOPE', '只有该任务的牵头单位可以反馈批示落实情况');
      if (!response?.trim()) throw new AppError('VALIDATION_FAILED', '请填写落实情况', { field: 'response' });
      await trx.updateTable('instruction').set({ state: 'answered', response: response.trim(), responded_by: ctx.unitName, responded_at: ctx.now.toISOString(), version: i.version + 1 }).where('id', '=', id).execute();
      await notify(trx, [i.author_id], { kind: 'instruction.answered', title: `${ctx.unitName}已反馈批示落实情况`, body: response.trim(), link: `/tasks/${i.task_no}` }, ctx.now);
    } else {
      if (i.state !== 'answered') throw new AppError('CONFLICT', '批示尚未反馈，不能办结', { state: i.state });
      await trx.updateTable('instruction').set({ state: 'closed', closed_at: ctx.now.toISOString(), version: i.version + 1 }).where('id', '=', id).execute();
    }
    await audit(trx, ctx, `instruction.${move}`, 'instruction', id, { state: i.state }, { state: move === 'respond' ? 'answered' : 'closed', ...(response ? { response } : {}) });
  });
}

export async function listInstructions(db: Db, planId: number, taskNo?: number) {
  let q = db.selectFrom('instruction').innerJoin('user_account', 'user_account.id', 'instruction.author_id').selectAll('instruction').select('user_account.display_name as author').where('instruction.plan_id', '=', planId);
  if (taskNo) q = q.where('instruction.task_no', '=', taskNo);
  const rows = await q.orderBy('instruction.id', 'desc').execute();
  return rows.map((i) => ({ id: i.id, taskNo: i.task_no, author: i.author, text: i.text, state: i.state, dueDate: i.due_date, response: i.response, respondedBy: i.responded_by, respondedAt: i.responded_at, closedAt: i.closed_at, createdAt: i.created_at, version: i.version }));
}

// ---- 问题台账 ----

/** Gather an accepted report's problems and coordination requests into the ledger. */
export async function gatherProblems(db: Db, reportId: number, now: Date): Promise<void> {
  const r = await db.selectFrom('report').select(['id', 'plan_id', 'task_no', 'unit_name', 'period', 'problems', 'coordination']).where('id', '=', reportId).executeTakeFirstOrThrow();
  for (const [kind, text] of [
    ['problem', r.problems],
    ['coordination', r.coordination],
  ] as const) {
    if (!text.trim()) continue;
    const exists = await db.selectFrom('problem').select('id').where('report_id', '=', reportId).where('kind', '=', kind).executeTakeFirst();
    if (exists) continue;
    await db
      .insertInto('problem')
      .values({ plan_id: r.plan_id, report_id: r.id, task_no: r.task_no, unit_name: r.unit_name, period: r.period, kind, text: text.trim(), owner: null, status: 'pending', resolution: null, created_at: now.toISOString(), updated_at: now.toISOString(), version: 1 })
      .execute();
  }
}

export async function updateProblem(db: Db, ctx: ReportCtx, id: number, input: { version: number; status: 'pending' | 'coordinating' | 'resolved'; owner?: string | null; resolution?: string | null }): Promise<void> {
  await tx(db, async (trx) => {
    const p = await trx.selectFrom('problem').selectAll().where('id', '=', id).executeTakeFirst();
    if (!p) throw new AppError('NOT_FOUND', `问题（编号 ${id}）不存在`);
    if (p.version !== input.version) throw new AppError('CONFLICT', `问题已被更新（当前版本 ${p.version}），请刷新`, { currentVersion: p.version });
    if (input.status === 'resolved' && !(input.resolution ?? p.resolution)?.trim()) throw new AppError('VALIDATION_FAILED', '标记为已解决时请填写解决情况', { field: 'resolution' });
    const changes = { status: input.status, owner: input.owner === undefined ? p.owner : input.owner, resolution: input.resolution === undefined ? p.resolution : input.resolution, updated_at: ctx.now.toISOString(), version: p.version + 1 };
    await trx.updateTable('problem').set(changes).where('id', '=', id).execute();
    await audit(trx, ctx, 'problem.update', 'problem', id, { status: p.status, owner: p.owner, resolution: p.resolution }, { status: changes.status, owner: changes.owner, resolution: changes.resolution });
  });
}

/** The 问题台账 of a plan; `unit` narrows it to one unit's problems (null: all). */
export async function listProblems(db: Db, planId: number, status?: string, unit: string | null = null) {
  let q = db.selectFrom('problem').selectAll().where('plan_id', '=', planId);
  if (status) q = q.where('status', '=', status as 'pending');
  if (unit !== null) q = q.where('unit_name', '=', unit);
  const rows = await q.orderBy('id', 'desc').execute();
  return rows.map((p) => ({ id: p.id, reportId: p.report_id, taskNo: p.task_no, unit: p.unit_name, period: p.period, kind: p.kind, text: p.text, owner: p.owner, status: p.status, resolution: p.resolution, createdAt: p.created_at, updatedAt: p.updated_at, version: p.version }));
}
