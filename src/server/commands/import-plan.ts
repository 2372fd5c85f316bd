/**
 * Command: store an imported plan document, all or nothing.
 * The same document (same text, whatever its encoding) is a no-op; a changed document with the
 * same document number becomes a new plan version. The caller owns the transaction.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { decodeDocument, importPlan } from '../../importer/index.js';
import type { PlanModel } from '../../shared/plan-model.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { SYSTEM_ACTOR, writeAudit, type Actor } from '../audit/audit.js';

export type StoreOutcome =
  | { status: 'imported'; planId: number; version: number; model: PlanModel }
  | { status: 'unchanged'; planId: number; version: number };

/** sha256 of the document's text (line ends normalised), so re-encodings count as the same document. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/** Parse and store a document inside `trx`, with its audit row. Throws IMPORT_FAILED (nothing written) on a bad document. */
export async function importPlanDocument(
  trx: Transaction<Database> | Kysely<Database>,
  input: Uint8Array | string,
  now = new Date(),
  actor: Actor = SYSTEM_ACTOR,
): Promise<StoreOutcome> {
  let text: string;
  try {
    text = decodeDocument(input);
  } catch (e) {
    throw new AppError('IMPORT_FAILED', e instanceof Error ? e.message : '文件无法解码', { errors: [] });
  }
  const sha256 = documentHash(text);
  const existing = await trx.selectFrom('plan').select(['id', 'version']).where('sha256', '=', sha256).executeTakeFirst();
  if (existing) return { status: 'unchanged', planId: existing.id, version: existing.version };

  const result = importPlan(text);
  if (!result.ok) {
    const first = result.errors[0]!;
    throw new AppError('IMPORT_FAILED', `文件无法导入：${first.line > 0 ? `第${first.line}行 ` : ''}${first.message}`, { errors: result.errors });
  }
  const model = result.model;
  const { max } = await trx
    .selectFrom('plan')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('code', '=', model.plan.code)
    .executeTakeFirstOrThrow();
  const version = Number(max ?? 0) + 1;
  const planId = await storePlan(trx, model, { text, sha256, version, importedAt: now.toISOString() });
  await writeAudit(trx, {
    at: now,
    actor,
    action: 'plan.import',
    objectType: 'plan',
    objectId: planId,
    after: { code: model.plan.code, title: model.plan.title, version, sha256, tasks: model.tasks.length, diagnostics: model.diagnostics.length },
    outcome: 'success',
  });
  return { status: 'imported', planId, version, model };
}

async function insertId<T extends keyof Database & string>(trx: Kysely<Database>, table: T, row: Record<string, unknown>): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const r = await (trx.insertInto(table) as any).values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Write every row of a plan model; returns the new plan id. */
export async function storePlan(
  trx: Kysely<Database>,
  model: PlanModel,
  source: { text: string; sha256: string; version: number; importedAt: string },
): Promise<number> {
  const p = model.plan;
  const planId = await insertId(trx, 'plan', {
    code: p.code,
    title: p.title,
    issuer: p.issuer,
    issued_on: p.issuedOn,
    notice_title: p.noticeTitle,
    notice_text: p.noticeText,
    title_line: p.titleLine,
    version: source.version,
    sha256: source.sha256,
    source_text: source.text,
    line_count: source.text.split('\n').length,
    imported_at: source.importedAt,
  });
  if (model.goals.length) {
    await trx.insertInto('plan_goal').values(model.goals.map((g) => ({ plan_id: planId, year: g.year, text: g.text, line: g.line }))).execute();
  }

  const zoneIds = new Map<string, number>();
  for (const [i, z] of model.zones.entries()) {
    zoneIds.set(z.code, await insertId(trx, 'zone', { plan_id: planId, code: z.code, name: z.name, seq: i + 1, line: z.line }));
  }
  const countyIds = new Map<string, number>();
  for (const c of model.counties) {
    const firstLine = model.zones.flatMap((z) => z.towns).find((t) => t.county === c.name)?.line ?? null;
    countyIds.set(c.name, await insertId(trx, 'division', { plan_id: planId, kind: 'county', name: c.name, official_name: null, code: c.code, parent_id: null, seq: c.seq, line: firstLine }));
  }
  const townIds = new Map<string, number>();
  let townSeq = 0;
  for (const z of model.zones) {
    for (const t of z.towns) {
      const id = await insertId(trx, 'division', {
        plan_id: planId,
        kind: 'town',
        name: t.name,
        official_name: t.officialName ?? null,
        code: t.code,
        parent_id: countyIds.get(t.county) ?? null,
        seq: ++townSeq,
        line: t.line,
      });
      townIds.set(`${t.county}/${t.name}`, id);
      await trx.insertInto('zone_town').values({ zone_id: zoneIds.get(z.code)!, town_id: id, line: t.line }).execute();
    }
  }
  for (const e of model.policyExtensions) {
    const townId = townIds.get(`${e.county}/${e.town}`);
    const toZone = zoneIds.get(e.toZone);
    if (townId && toZone) await trx.insertInto('policy_extension').values({ plan_id: planId, town_id: townId, to_zone_id: toZone, line: e.line }).execute();
  }

  const unitIds = new Map<string, number>();
  for (const [i, u] of model.units.entries()) {
    const id = await insertId(trx, 'unit', { plan_id: planId, name: u.name, kind: u.kind, seq: i + 1, line: u.line });
    unitIds.set(u.name, id);
    if (u.aliases.length) await trx.insertInto('unit_alias').values(u.aliases.map((alias) => ({ unit_id: id, alias }))).execute();
  }
  const categoryIds = new Map<number, number>();
  for (const c of model.categories) {
    categoryIds.set(c.no, await insertId(trx, 'category', { plan_id: planId, no: c.no, numeral: c.numeral, title: c.title, line: c.line }));
  }
  for (const t of model.tasks) {
    const taskId = await insertId(trx, 'task', {
      plan_id: planId,
      category_id: categoryIds.get(t.category)!,
      no: t.no,
      title: t.title,
      content: t.content,
      body_content: t.bodyContent,
      body_line: t.bodyLine,
      line: t.line,
      units_text: t.unitsText,
      units_line: t.unitsLine,
      separate_leads: t.separateLeads ? 1 : 0,
      includes_other_relevant_departments: t.includesOtherRelevantDepartments ? 1 : 0,
    });
    if (t.assignments.length) {
      await trx
        .insertInto('assignment')
        .values(t.assignments.map((a, i) => ({ task_id: taskId, unit_id: unitIds.get(a.unit)!, role: a.role, seq: i + 1 })))
        .execute();
    }
    for (const m of t.milestones) {
      const milestoneId = await insertId(trx, 'milestone', {
        task_id: taskId,
        seq: m.seq,
        year_from: m.years[0] ?? null,
        year_to: m.years[m.years.length - 1] ?? null,
        text: m.text,
        line: m.line,
      });
      if (m.targets.length) {
        await trx
          .insertInto('target')
          .values(
            m.targets.map((g, i) => ({
              milestone_id: milestoneId,
              seq: i + 1,
              subject: g.subject,
              comparator: g.comparator,
              value: g.value,
              value_max: g.valueMax ?? null,
              unit: g.unit,
              base_value: g.baseValue,
              base_value_max: g.baseValueMax ?? null,
              base_unit: g.baseUnit,
              scope: JSON.stringify(g.scope),
              span_start: g.span[0],
              span_end: g.span[1],
              text: g.text,
            })),
          )
          .execute();
      }
    }
  }
  if (model.diagnostics.length) {
    await trx
      .insertInto('import_diagnostic')
      .values(
        model.diagnostics.map((d, i) => ({
          plan_id: planId,
          seq: i + 1,
          severity: d.severity,
          code: d.code,
          line: d.line,
          message: d.message,
          suggestion: d.suggestion ?? null,
        })),
      )
      .execute();
  }
  return planId;
}
