/**
 * Imported plans are immutable: a changed document becomes a new plan, never an update. So the
 * assembled task views of a plan (four queries and a few hundred rows) are built once per process,
 * checked against the contract once, and served from memory — the task page and the task list are
 * the hottest reads. A cache per app instance (per database); a bounded number of plans.
 * If plans ever become editable in place, this cache must key on a plan revision.
 */
import { gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { taskDetailSchema, type TaskDetail, type TaskQuery } from '../../../shared/api/plan-api.js';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { filterTasks, loadPlanTasks, loadTaskFilterContext, type TaskFilterContext } from './plan.service.js';
import { summariseTask } from './plan.presenter.js';

interface Entry {
  tasks: TaskDetail[];
  taskJson: Map<number, Buffer>;
  listJson: Buffer;
  context: TaskFilterContext;
}

const MAX_PLANS = 16;

export interface PlanTaskCache {
  /** Every task of a plan (NOT_FOUND for an unknown plan). */
  tasks(planId: number): Promise<TaskDetail[]>;
  /** The task page's JSON body (UTF-8 bytes, encoded once). */
  taskJson(planId: number, no: number): Promise<Buffer>;
  /** The task list's JSON body for a query. */
  listJson(planId: number, query: TaskQuery): Promise<Buffer>;
  /** The gzip encoding of a body this cache holds (compressed once, when built); null for a body built per request. */
  gzipOf(body: Buffer): Buffer | null;
}

export function createPlanTaskCache(db: Kysely<Database>): PlanTaskCache {
  const entries = new Map<number, Promise<Entry>>();
  const gzipped = new WeakMap<Buffer, Buffer>();
  const held = (body: Buffer): Buffer => {
    gzipped.set(body, gzipSync(body, { level: 6 }));
    return body;
  };

  async function build(planId: number): Promise<Entry> {
    const tasks = (await loadPlanTasks(db, planId)).map((t) => taskDetailSchema.parse(t));
    const context = await loadTaskFilterContext(db, planId);
    const items = tasks.map(summariseTask);
    return {
      tasks,
      taskJson: new Map(tasks.map((t) => [t.no, held(Buffer.from(JSON.stringify(t)))])),
      listJson: held(Buffer.from(JSON.stringify({ items, total: items.length }))),
      context,
    };
  }

  function entry(planId: number): Promise<Entry> {
    let e = entries.get(planId);
    if (!e) {
      e = build(planId);
      entries.set(planId, e);
      e.catch(() => entries.delete(planId));
      if (entries.size > MAX_PLANS) entries.delete(entries.keys().next().value!);
    }
    return e;
  }

  return {
    tasks: async (planId) => (await entry(planId)).tasks,
    taskJson: async (planId, no) => {
      const json = (await entry(planId)).taskJson.get(no);
      if (json === undefined) throw notFound(`任务 ${no}`);
      return json;
    },
    listJson: async (planId, query) => {
      const e = await entry(planId);
      if (Object.values(query).every((v) => v === undefined)) return e.listJson;
      const items = filterTasks(e.tasks, query, e.context).map(summariseTask);
      return Buffer.from(JSON.stringify({ items, total: items.length }));
    },
    gzipOf: (body) => gzipped.get(body) ?? null,
  };
}
