/**
 * Differentiated assessment (差异化考核) of the county-level divisions: the indicator catalogue,
 * yearly schemes (weights per zone, every save a new version), values (entered by form or file,
 * or derived live from the status engine), results (scored by src/shared/domain/assessment.ts)
 * and publication, which freezes a year's results and locks its scheme and values.
 * Every change writes its audit row in its own transaction.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { z } from 'zod';
import {
  GROUP_ZH,
  indicatorSchema,
  type AssessmentResults,
  type CountyScore,
  type Indicator,
  type Scheme,
  type indicatorCreateSchema,
  type indicatorEditSchema,
  type schemeSaveSchema,
  type valueEntrySchema,
  type valueOriginSchema,
} from '../../../shared/api/assessment-api.js';
import { score, ZONE_ORDER, type Method, type ProfileShare, type Weighting } from '../../../shared/domain/assessment.js';
import { chinaDate } from '../../../shared/domain/periods.js';
import type { ZoneCode } from '../../../shared/plan-model.js';
import { writeAudit, type Actor } from '../../audit/audit.js';
import { ROOT } from '../../config.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { computePlanStatus } from '../supervision/status.service.js';
import { parseValueFile, type RowError, type ValueFileKind } from './value-file.js';

type Db = Kysely<Database>;
type Weight = { zone: ZoneCode; code: string; weight: number };
type Origin = z.infer<typeof valueOriginSchema>;
export type AssessmentValue = { county: string; code: string; value: number | null; target: number | null; origin: Origin | null };

export const INDICATORS_FILE = path.join(ROOT, 'data/assessment/indicators.json');
/** Years the assessment starts from (the plan's first full year of differentiated assessment). */
export const FIRST_YEAR = 2021;

export interface AssessCtx {
  now: Date;
  actor: Actor;
  ip?: string | null;
  requestId?: string | null;
}

const audit = (db: Db, ctx: AssessCtx, action: string, objectId: string, extra: { before?: unknown; after?: unknown; message?: string }) =>
  writeAudit(db, { at: ctx.now, actor: ctx.actor, ip: ctx.ip ?? null, requestId: ctx.requestId ?? null, action, objectType: 'assessment', objectId, outcome: 'success', ...extra });

export const lockedMessage = (year: number): string => `${year}年度考核结果已发布，不能修改`;

// ───────────────────────────── indicators ─────────────────────────────

type IndicatorRow = Database['assessment_indicator'];

const toIndicator = (r: { code: string; name: string; unit: string; direction: string; source: string; group_code: string; definition: string; plan_line: number | null; derivation: string | null; active: number }): Indicator => ({
  code: r.code,
  name: r.name,
  unit: r.unit,
  direction: r.direction as Indicator['direction'],
  source: r.source as Indicator['source'],
  group: r.group_code as Indicator['group'],
  definition: r.definition,
  planLine: r.plan_line,
  derivation: r.derivation as Indicator['derivation'],
  active: Number(r.active) === 1,
});

/** Seed the catalogue from data/assessment/indicators.json when the table is empty; returns how many were added. */
export async function seedAssessmentIndicators(db: Db, file = INDICATORS_FILE, now = new Date()): Promise<number> {
  const { n } = await db.selectFrom('assessment_indicator').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) > 0) return 0;
  const items = z.array(indicatorSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
  const rows: IndicatorRow[] = items.map((i, seq) => ({
    code: i.code,
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    source: i.source,
    group_code: i.group,
    definition: i.definition,
    plan_line: i.planLine,
    derivation: i.derivation,
    active: i.active ? 1 : 0,
    seq: seq + 1,
    updated_at: now.toISOString(),
  }));
  await db.insertInto('assessment_indicator').values(rows).onConflict((oc) => oc.column('code').doNothing()).execute();
  return rows.length;
}

export async function listIndicators(db: Db): Promise<Indicator[]> {
  const rows = await db.selectFrom('assessment_indicator').selectAll().orderBy('seq').orderBy('code').execute();
  return rows.map(toIndicator);
}

export async function createIndicator(db: Db, ctx: AssessCtx, input: z.infer<typeof indicatorCreateSchema>): Promise<Indicator> {
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('assessment_indicator').select('code').where('code', '=', input.code).executeTakeFirst()) {
      throw new AppError('CONFLICT', `指标代码 ${input.code} 已存在`, { field: 'code' });
    }
    const last = await trx.selectFrom('assessment_indicator').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    const row: IndicatorRow = {
      code: input.code,
      name: input.name,
      unit: input.unit,
      direction: input.direction,
      source: 'entered',
      group_code: input.group,
      definition: input.definition,
      plan_line: null,
      derivation: null,
      active: 1,
      seq: Number(last?.m ?? 0) + 1,
      updated_at: ctx.now.toISOString(),
    };
    await trx.insertInto('assessment_indicator').values(row).execute();
    const out = toIndicator(row);
    await audit(trx, ctx, 'assessment.indicator.create', input.code, { after: out });
    return out;
  });
}

/** Edit name, unit, direction, definition, active; derived indicators keep their source and rule. */
export async function updateIndicator(db: Db, ctx: AssessCtx, code: string, input: z.infer<typeof indicatorEditSchema>): Promise<Indicator> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('assessment_indicator').selectAll().where('code', '=', code).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', `指标 ${code} 不存在`);
    await trx
      .updateTable('assessment_indicator')
      .set({ name: input.name, unit: input.unit, direction: input.direction, definition: input.definition, active: input.active ? 1 : 0, updated_at: ctx.now.toISOString() })
      .where('code', '=', code)
      .execute();
    const after = toIndicator({ ...before, ...input, active: input.active ? 1 : 0 });
    await audit(trx, ctx, 'assessment.indicator.update', code, { before: toIndicator(before), after });
    return after;
  });
}

// ───────────────────────────── plan structure ─────────────────────────────

export async function assertPlan(db: Db, planId: number): Promise<void> {
  if (!(await db.selectFrom('plan').select('id').where('id', '=', planId).executeTakeFirst())) throw new AppError('NOT_FOUND', `规划（编号 ${planId}）不存在`);
}

export interface PlanCounty {
  name: string;
  officialName: string | null;
  /** Towns per zone, of all the county's towns (附件1 zones; policy extensions do not count). */
  profile: ProfileShare[];
}

/** The plan's county-level divisions in document order, with their zone profiles. */
export async function planCounties(db: Db, planId: number): Promise<PlanCounty[]> {
  const [counties, towns, zoned] = await Promise.all([
    db.selectFrom('division').select(['id', 'name', 'official_name']).where('plan_id', '=', planId).where('kind', '=', 'county').orderBy('seq').execute(),
    db.selectFrom('division').select(['id', 'parent_id']).where('plan_id', '=', planId).where('kind', '=', 'town').execute(),
    db
      .selectFrom('zone_town')
      .innerJoin('zone', 'zone.id', 'zone_town.zone_id')
      .innerJoin('division as town', 'town.id', 'zone_town.town_id')
      .select(['zone.code', 'town.id as townId', 'town.parent_id'])
      .where('zone.plan_id', '=', planId)
      .execute(),
  ]);
  return counties.map((c) => {
    const of = towns.filter((t) => t.parent_id === c.id).length;
    const mine = zoned.filter((z) => z.parent_id === c.id);
    const profile = ZONE_ORDER.map((zone) => ({ zone, towns: new Set(mine.filter((z) => z.code === zone).map((z) => z.townId)).size, of })).filter((p) => p.towns > 0);
    return { name: c.name, officialName: c.official_name, profile };
  });
}

/** A county named in a form or file: its name as in the plan, or its official name. */
function countyResolver(counties: PlanCounty[]): (name: string) => string | null {
  const by = new Map<string, string>();
  for (const c of counties) {
    by.set(c.name, c.name);
    if (c.officialName) by.set(c.officialName, c.name);
  }
  return (name) => by.get(name.trim()) ?? null;
}

// ───────────────────────────── schemes ─────────────────────────────

/**
 * The default proposal (version 0, shown until a scheme is saved): every active common indicator
 * in all three zones with weight 10; each zone's own active indicators share the rest of 100
 * equally (e.g. six common indicators leave 40: seven 都市核心区 indicators get 40/7 each).
 */
export function defaultWeights(indicators: Indicator[]): Weight[] {
  const active = indicators.filter((i) => i.active);
  const common = active.filter((i) => i.group === 'common');
  const out: Weight[] = [];
  for (const zone of ZONE_ORDER) {
    for (const i of common) out.push({ zone, code: i.code, weight: 10 });
    const own = active.filter((i) => i.group === zone);
    const rest = Math.max(0, 100 - 10 * common.length);
    for (const i of own) out.push({ zone, code: i.code, weight: rest / own.length });
  }
  return out;
}

async function publication(db: Db, planId: number, year: number) {
  return db.selectFrom('assessment_publication').selectAll().where('plan_id', '=', planId).where('year', '=', year).executeTakeFirst();
}

const YEAR_LOCK_KEY = 727_2029;

/**
 * Inside a change's transaction: serialise changes to the plan-year (on PostgreSQL an advisory
 * transaction lock, so a value saved concurrently with publishing cannot slip in after it; SQLite
 * writers are serialised already) and refuse a published year.
 */
async function assertOpen(trx: Db, planId: number, year: number): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${YEAR_LOCK_KEY}, ${planId * 10_000 + year})`.execute(trx);
  if (await publication(trx, planId, year)) throw new AppError('CONFLICT', lockedMessage(year), { year });
}

async function latestScheme(db: Db, planId: number, year: number) {
  return db.selectFrom('assessment_scheme').selectAll().where('plan_id', '=', planId).where('year', '=', year).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The year's scheme: its latest saved version with history, or the default proposal (version 0). */
export async function getScheme(db: Db, planId: number, year: number): Promise<Scheme> {
  await assertPlan(db, planId);
  const [latest, pub, history] = await Promise.all([
    latestScheme(db, planId, year),
    publication(db, planId, year),
    db.selectFrom('assessment_scheme').select(['version', 'saved_at', 'saved_by']).where('plan_id', '=', planId).where('year', '=', year).orderBy('version').execute(),
  ]);
  const weights: Weight[] = latest
    ? (await db.selectFrom('assessment_weight').select(['zone', 'indicator_code', 'weight']).where('scheme_id', '=', latest.id).orderBy('id').execute()).map((w) => ({ zone: w.zone, code: w.indicator_code, weight: Number(w.weight) }))
    : defaultWeights(await listIndicators(db));
  return {
    planId,
    year,
    version: latest?.version ?? 0,
    status: pub ? 'published' : 'draft',
    weighting: latest?.weighting ?? 'blended',
    method: latest?.method ?? 'efficacy',
    weights,
    savedAt: latest?.saved_at ?? null,
    savedBy: latest?.saved_by ?? null,
    publishedAt: pub?.published_at ?? null,
    publishedBy: pub?.published_by ?? null,
    history: history.map((h) => ({ version: h.version, savedAt: h.saved_at, savedBy: h.saved_by })),
  };
}

/** Save a new version of the year's scheme (stale base version → 409; published year → 409). */
export async function saveScheme(db: Db, ctx: AssessCtx, planId: number, year: number, body: z.infer<typeof schemeSaveSchema>): Promise<Scheme> {
  await assertPlan(db, planId);
  const known = new Set((await listIndicators(db)).map((i) => i.code));
  const seen = new Set<string>();
  body.weights.forEach((w, i) => {
    if (!known.has(w.code)) throw new AppError('VALIDATION_FAILED', `请求体字段“weights.${i}.code”无效：指标代码 ${w.code} 不存在`, { field: `weights.${i}.code` });
    if (seen.has(`${w.zone}|${w.code}`)) throw new AppError('VALIDATION_FAILED', `请求体字段“weights.${i}”无效：${GROUP_ZH[w.zone]}方案中指标 ${w.code} 重复`, { field: `weights.${i}` });
    seen.add(`${w.zone}|${w.code}`);
  });
  const weights = body.weights.filter((w) => w.weight > 0);
  for (const zone of ZONE_ORDER) {
    if (!weights.some((w) => w.zone === zone)) throw new AppError('VALIDATION_FAILED', `请求体字段“weights”无效：${GROUP_ZH[zone]}方案没有任何权重大于0的指标`, { field: 'weights', zone });
  }
  try {
    await db.transaction().execute(async (trx) => {
      await assertOpen(trx, planId, year);
      const latest = await latestScheme(trx, planId, year);
      const current = latest?.version ?? 0;
      if (body.baseVersion !== current) {
        throw new AppError('CONFLICT', `${year}年度考核方案已被保存为第${current}版（您编辑的是第${body.baseVersion}版），请刷新后再修改`, { currentVersion: current });
      }
      const saved = await trx
        .insertInto('assessment_scheme')
        .values({ plan_id: planId, year, version: current + 1, weighting: body.weighting, method: body.method, saved_at: ctx.now.toISOString(), saved_by: ctx.actor.login })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (weights.length) await trx.insertInto('assessment_weight').values(weights.map((w) => ({ scheme_id: saved.id, zone: w.zone, indicator_code: w.code, weight: w.weight }))).execute();
      await audit(trx, ctx, 'assessment.scheme.save', `${planId}/${year}`, { after: { version: current + 1, weighting: body.weighting, method: body.method, weights } });
    });
  } catch (e) {
    if (!(e instanceof AppError) && /unique|duplicate/i.test(String(e))) throw new AppError('CONFLICT', `${year}年度考核方案刚被他人保存，请刷新后再修改`);
    throw e;
  }
  return getScheme(db, planId, year);
}

// ───────────────────────────── values ─────────────────────────────

/** A percentage rounded to 2 decimals, as shown (so a county can redo its score by hand from what it sees). */
const pct = (part: number, whole: number): number => Math.round((10_000 * part) / whole) / 100;

/** Values computed from Sanqu's own data for the county governments, for every active derived indicator. */
export async function derivedValues(db: Db, planId: number, year: number, now: Date, indicators?: Indicator[]): Promise<AssessmentValue[]> {
  const derived = (indicators ?? (await listIndicators(db))).filter((i) => i.source === 'derived' && i.derivation && i.active);
  if (derived.length === 0) return [];
  const [counties, units, status] = await Promise.all([
    planCounties(db, planId),
    db.selectFrom('unit').select(['name']).where('plan_id', '=', planId).where('kind', '=', 'countyGovernment').orderBy('seq').execute(),
    computePlanStatus(db, planId, year, now),
  ]);
  const at = now.toISOString();
  const asOf = `截至${chinaDate(now) < `${year}-12-31` ? chinaDate(now) : `${year}年`}已采纳报告`;
  const out: AssessmentValue[] = [];
  for (const c of counties) {
    const gov = units.find((u) => u.name.startsWith(c.name) || (c.officialName !== null && u.name.startsWith(c.officialName)))?.name ?? null;
    const led = gov ? status.tasks.filter((t) => t.leads.includes(gov)) : [];
    for (const ind of derived) {
      let value: number | null = null;
      let text: string;
      if (!gov) {
        text = `本规划没有${c.name}政府作为责任单位，无法计算`;
      } else if (ind.derivation === 'leadTargetsAttained') {
        const targets = led.flatMap((t) => t.targets);
        const attained = targets.filter((t) => t.attained === true).length;
        if (targets.length) value = pct(attained, targets.length);
        text = targets.length
          ? `${gov}牵头任务${year}年量化目标 ${targets.length} 项，已达成 ${attained} 项（${asOf}）`
          : `${gov}牵头任务${year}年没有量化目标，不计算`;
      } else if (ind.derivation === 'countyOnTimeRate') {
        const d = status.discipline.find((x) => x.unit === gov);
        if (d && d.expected > 0) value = pct(d.onTime, d.expected);
        text =
          d && d.expected > 0
            ? `${gov}${year}年已到期应报送进展报告 ${d.expected} 份，按时 ${d.onTime} 份，逾期 ${d.late} 份，未报 ${d.missing} 份`
            : `${gov}${year}年尚无已到期的报送周期，不计算`;
      } else {
        const red = led.filter((t) => t.light === 'red');
        if (led.length) value = red.length;
        text = led.length
          ? `${gov}牵头任务${year}年有工作安排 ${led.length} 项，红灯 ${red.length} 项${red.length ? `（任务${red.map((t) => t.no).join('、')}）` : ''}（${asOf}）`
          : `${gov}${year}年没有牵头任务，不计算`;
      }
      out.push({ county: c.name, code: ind.code, value, target: null, origin: { kind: 'derived', text, at } });
    }
  }
  return out;
}

async function enteredValues(db: Db, planId: number, year: number): Promise<AssessmentValue[]> {
  const rows = await db.selectFrom('assessment_value').selectAll().where('plan_id', '=', planId).where('year', '=', year).orderBy('county').orderBy('indicator_code').execute();
  return rows.map((r) => ({
    county: r.county,
    code: r.indicator_code,
    value: r.value === null ? null : Number(r.value),
    target: r.target === null ? null : Number(r.target),
    origin: { kind: r.origin_kind, text: r.origin_text, at: r.entered_at },
  }));
}

/**
 * The year's values. Unpublished: entered values plus derived values computed now; published: the
 * stored values, derived ones as frozen at publication. Before publication a county's own staff
 * (not the plan office or leaders) see only their county's values — the others' would give away
 * the ranking before it is published.
 */
export async function listValues(db: Db, planId: number, year: number, now: Date, viewer?: Viewer & { unitName: string | null }) {
  await assertPlan(db, planId);
  const [counties, entered, pub] = await Promise.all([planCounties(db, planId), enteredValues(db, planId, year), publication(db, planId, year)]);
  const derived = pub ? [] : await derivedValues(db, planId, year, now);
  const order = new Map(counties.map((c, i) => [c.name, i]));
  let items = [...entered, ...derived].sort((a, b) => (order.get(a.county) ?? 99) - (order.get(b.county) ?? 99) || a.code.localeCompare(b.code));
  if (!pub && viewer && !viewer.canManage && !viewer.roles.includes('leader')) {
    const own = counties.find((c) => viewer.unitName !== null && (viewer.unitName.startsWith(c.name) || (c.officialName !== null && viewer.unitName.startsWith(c.officialName))));
    items = own ? items.filter((i) => i.county === own.name) : [];
  }
  return { planId, year, published: Boolean(pub), counties: counties.map((c) => c.name), items };
}

/** Check that a code is a known, active, entered indicator; returns the message when it is not. */
function enteredProblem(code: string, byCode: Map<string, Indicator>): string | null {
  const ind = byCode.get(code);
  if (!ind) return `指标代码 ${code} 不存在（请查看考核指标目录）`;
  if (ind.source === 'derived') return `指标 ${code}（${ind.name}）由系统自动计算，不能填报或导入`;
  if (!ind.active) return `指标 ${code}（${ind.name}）已停用，不能填报`;
  return null;
}

const COUNT_UNITS = new Set(['个', '件', '项', '人', '家', '宗', '次']);

/**
 * A value that cannot be right for the indicator's unit: counts are non-negative integers;
 * percentages are 0–100, except growth rates (名称含“增速/增长”), which only must exceed −100.
 */
export function valueProblem(value: number, ind: Pick<Indicator, 'name' | 'unit'>): string | null {
  if (COUNT_UNITS.has(ind.unit) && (!Number.isInteger(value) || value < 0)) return `“${ind.name}”以${ind.unit}计，须为非负整数，当前为${value}`;
  if (ind.unit === '%') {
    if (/增速|增长/.test(ind.name)) return value <= -100 ? `“${ind.name}”是增长率（%），须大于−100，当前为${value}` : null;
    if (value < 0 || value > 100) return `“${ind.name}”是百分比，须在0–100之间，当前为${value}`;
  }
  return null;
}

/** One form entry (value null clears it, with its target). */
export async function putValue(db: Db, ctx: AssessCtx, planId: number, year: number, entry: z.infer<typeof valueEntrySchema>): Promise<AssessmentValue> {
  await assertPlan(db, planId);
  const counties = await planCounties(db, planId);
  const county = countyResolver(counties)(entry.county);
  if (!county) throw new AppError('VALIDATION_FAILED', `请求体字段“county”无效：“${entry.county}”不是本规划的县级行政区（应为${counties.map((c) => c.name).join('、')}之一）`, { field: 'county' });
  const byCode = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const problem = enteredProblem(entry.code, byCode);
  if (problem) throw new AppError('VALIDATION_FAILED', `请求体字段“code”无效：${problem}`, { field: 'code' });
  const unitProblem = entry.value === null ? null : valueProblem(entry.value, byCode.get(entry.code)!);
  if (unitProblem) throw new AppError('VALIDATION_FAILED', `请求体字段“value”无效：${unitProblem}`, { field: 'value' });
  return db.transaction().execute(async (trx) => {
    await assertOpen(trx, planId, year);
    const before = await trx
      .selectFrom('assessment_value')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('year', '=', year)
      .where('county', '=', county)
      .where('indicator_code', '=', entry.code)
      .executeTakeFirst();
    const target = entry.target === undefined ? (before?.target ?? null) : entry.target;
    const objectId = `${planId}/${year}/${county}/${entry.code}`;
    const beforeAudit = before ? { value: before.value, target: before.target, origin: before.origin_text } : undefined;
    if (entry.value === null && target === null) {
      if (before) await trx.deleteFrom('assessment_value').where('id', '=', before.id).execute();
      await audit(trx, ctx, 'assessment.value.clear', objectId, { before: beforeAudit });
      return { county, code: entry.code, value: null, target: null, origin: null };
    }
    const text = `表单录入（${ctx.actor.login}）`;
    const row = { value: entry.value, target, origin_kind: 'form' as const, origin_text: text, entered_by: ctx.actor.login, entered_at: ctx.now.toISOString() };
    if (before) await trx.updateTable('assessment_value').set(row).where('id', '=', before.id).execute();
    else await trx.insertInto('assessment_value').values({ plan_id: planId, year, county, indicator_code: entry.code, ...row }).execute();
    await audit(trx, ctx, 'assessment.value.enter', objectId, { before: beforeAudit, after: { value: entry.value, target } });
    return { county, code: entry.code, value: entry.value, target, origin: { kind: 'form', text, at: row.entered_at } };
  });
}

export interface ImportOutcome {
  ok: true;
  rows: number;
  years: number[];
}

/** Import a values file, all or nothing: any bad row → VALUES_REJECTED with every row error; a published year → 409. */
export async function importValues(db: Db, ctx: AssessCtx, planId: number, bytes: Buffer, kind: ValueFileKind, fileName: string): Promise<ImportOutcome> {
  await assertPlan(db, planId);
  const counties = await planCounties(db, planId);
  const resolve = countyResolver(counties);
  const byCode = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const parsed = await parseValueFile(bytes, kind, (county, code, value) => {
    const name = resolve(county);
    const errors: { field: 'county' | 'code' | 'value'; message: string }[] = [];
    if (!name) errors.push({ field: 'county', message: `“${county}”不是本规划的县级行政区（应为${counties.map((c) => c.name).join('、')}之一）` });
    const problem = enteredProblem(code, byCode);
    if (problem) errors.push({ field: 'code', message: problem });
    const unitProblem = !problem && value !== null ? valueProblem(value, byCode.get(code)!) : null;
    if (unitProblem) errors.push({ field: 'value', message: unitProblem });
    return { county: name, errors };
  });
  const errors: RowError[] = [...parsed.errors];
  const good = parsed.rows;
  errors.sort((a, b) => a.row - b.row);
  const years = [...new Set(parsed.rows.map((r) => r.year))].sort();
  const published = (await db.selectFrom('assessment_publication').select('year').where('plan_id', '=', planId).execute()).map((p) => p.year);
  const locked = years.filter((y) => published.includes(y));
  if (locked.length) throw new AppError('CONFLICT', `${locked.map((y) => lockedMessage(y)).join('；')}；未导入任何数据`, { years: locked });
  if (errors.length) {
    throw new AppError('VALUES_REJECTED', `文件有${errors.length}处错误，未导入任何数据：${errors.slice(0, 3).map(formatRowError).join('；')}${errors.length > 3 ? '……' : ''}`, { errors });
  }
  const name = fileName.trim() || (kind === 'xlsx' ? '上传文件.xlsx' : '上传文件.csv');
  await db.transaction().execute(async (trx) => {
    for (const y of years) await assertOpen(trx, planId, y);
    let updated = 0;
    for (const r of good) {
      const row = { value: r.value, target: r.target, origin_kind: 'import' as const, origin_text: `文件 ${name} 第${r.row}行`, entered_by: ctx.actor.login, entered_at: ctx.now.toISOString() };
      const existing = await trx
        .selectFrom('assessment_value')
        .select('id')
        .where('plan_id', '=', planId)
        .where('year', '=', r.year)
        .where('county', '=', r.county)
        .where('indicator_code', '=', r.code)
        .executeTakeFirst();
      if (existing) {
        updated++;
        await trx.updateTable('assessment_value').set(row).where('id', '=', existing.id).execute();
      } else {
        await trx.insertInto('assessment_value').values({ plan_id: planId, year: r.year, county: r.county, indicator_code: r.code, ...row }).execute();
      }
    }
    await audit(trx, ctx, 'assessment.values.import', `${planId}`, { after: { file: name, rows: good.length, inserted: good.length - updated, updated, years }, message: `导入考核数据 ${good.length} 行（新增 ${good.length - updated}，更新 ${updated}）` });
  });
  return { ok: true, rows: good.length, years };
}

export const formatRowError = (e: RowError): string => `第${e.row}行${e.column ? ` ${e.column}` : ''}：${e.message}`;

// ───────────────────────────── results ─────────────────────────────

export interface ResultOptions {
  weighting?: Weighting | undefined;
  method?: Method | undefined;
}

/** Score the year live: the latest scheme (or the default proposal), entered and derived values. */
export async function computeResults(db: Db, planId: number, year: number, now: Date, opts: ResultOptions = {}): Promise<AssessmentResults> {
  await assertPlan(db, planId);
  const [indicators, scheme, counties, entered] = await Promise.all([listIndicators(db), getScheme(db, planId, year), planCounties(db, planId), enteredValues(db, planId, year)]);
  const derived = await derivedValues(db, planId, year, now, indicators);
  const weighting = opts.weighting ?? scheme.weighting;
  const method = opts.method ?? scheme.method;
  const values = [...entered, ...derived];
  const result = score({
    // A county none of whose towns is zoned in 附件1 has no zone to be assessed against.
    counties: counties.filter((c) => c.profile.length > 0).map((c) => ({ name: c.name, profile: c.profile })),
    indicators: indicators.map((i) => ({ code: i.code, direction: i.direction })),
    weights: scheme.weights,
    values,
    weighting,
    method,
  });
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const originOf = new Map(values.map((v) => [`${v.county}|${v.code}`, v.origin]));
  const countiesOut: CountyScore[] = result.counties.map((c) => ({
    ...c,
    indicators: c.indicators.map((s) => {
      const ind = byCode.get(s.code)!;
      return { ...s, name: ind.name, unit: ind.unit, direction: ind.direction, origin: originOf.get(`${c.county}|${s.code}`) ?? null };
    }),
  }));
  return { planId, year, schemeVersion: scheme.version, published: false, weighting, method, counties: countiesOut, zoneAverages: result.zoneAverages, computedAt: now.toISOString() };
}

export interface Viewer {
  roles: readonly string[];
  canManage: boolean;
}

/** The year's results: frozen if published; otherwise live, and only for the plan office and leaders. */
export async function getResults(db: Db, planId: number, year: number, now: Date, viewer: Viewer, opts: ResultOptions = {}): Promise<AssessmentResults> {
  await assertPlan(db, planId);
  const pub = await publication(db, planId, year);
  if (pub) return JSON.parse(pub.results_json) as AssessmentResults;
  if (!viewer.canManage && !viewer.roles.includes('leader')) throw new AppError('NOT_PUBLISHED', '该年度考核结果尚未发布');
  return computeResults(db, planId, year, now, opts);
}

/** Publish the year: the given version must be the latest saved one; freezes the results and locks the year. */
export async function publishYear(db: Db, ctx: AssessCtx, planId: number, year: number, version: number): Promise<AssessmentResults> {
  await assertPlan(db, planId);
  try {
    return await db.transaction().execute(async (trx) => {
      await assertOpen(trx, planId, year);
      const latest = await latestScheme(trx, planId, year);
      if (!latest) throw new AppError('CONFLICT', `${year}年度还没有保存过考核方案，请先保存方案再发布`);
      if (latest.version !== version) throw new AppError('CONFLICT', `${year}年度考核方案的最新版本是第${latest.version}版，不是第${version}版，请刷新后再发布`, { currentVersion: latest.version });
      const results = { ...(await computeResults(trx, planId, year, ctx.now)), published: true };
      // Derived values are frozen with the results: the values page of a published year shows what was scored.
      const frozen = await derivedValues(trx, planId, year, ctx.now);
      if (frozen.length) {
        await trx
          .insertInto('assessment_value')
          .values(frozen.map((v) => ({ plan_id: planId, year, county: v.county, indicator_code: v.code, value: v.value, target: null, origin_kind: 'derived' as const, origin_text: `${v.origin!.text}（发布时冻结）`, entered_by: ctx.actor.login, entered_at: ctx.now.toISOString() })))
          .execute();
      }
      await trx.insertInto('assessment_publication').values({ plan_id: planId, year, scheme_version: version, published_at: ctx.now.toISOString(), published_by: ctx.actor.login, results_json: JSON.stringify(results) }).execute();
      await audit(trx, ctx, 'assessment.publish', `${planId}/${year}`, {
        after: { year, schemeVersion: version, counties: results.counties.map((c) => ({ county: c.county, total: c.total, rankOverall: c.rankOverall, rankInZone: c.rankInZone })) },
        message: `发布${year}年度考核结果（方案第${version}版），该年度方案与数据自此锁定`,
      });
      return results;
    });
  } catch (e) {
    if (!(e instanceof AppError) && /unique|duplicate/i.test(String(e))) throw new AppError('CONFLICT', `${year}年度考核结果已发布`);
    throw e;
  }
}

/** Years 2021..the plan's horizon that have a scheme, values or a publication, plus the current year. */
export async function listYears(db: Db, planId: number, now: Date) {
  await assertPlan(db, planId);
  const [schemes, values, pubs, goals] = await Promise.all([
    db.selectFrom('assessment_scheme').select(['year', (eb) => eb.fn.max('version').as('v')]).where('plan_id', '=', planId).groupBy('year').execute(),
    db.selectFrom('assessment_value').select(['year', (eb) => eb.fn.countAll<number>().as('n')]).where('plan_id', '=', planId).where('origin_kind', '!=', 'derived').groupBy('year').execute(),
    db.selectFrom('assessment_publication').select('year').where('plan_id', '=', planId).execute(),
    db.selectFrom('plan_goal').select((eb) => eb.fn.max('year').as('y')).where('plan_id', '=', planId).executeTakeFirst(),
  ]);
  const current = Number(chinaDate(now).slice(0, 4));
  const horizon = Math.max(Number(goals?.y ?? current), current);
  const years = new Set<number>([current]);
  for (const y of [...schemes.map((s) => s.year), ...values.map((v) => v.year), ...pubs.map((p) => p.year)]) if (y >= FIRST_YEAR && y <= horizon) years.add(y);
  return {
    items: [...years]
      .sort((a, b) => a - b)
      .map((year) => {
        const version = Number(schemes.find((s) => s.year === year)?.v ?? 0);
        const n = Number(values.find((v) => v.year === year)?.n ?? 0);
        const status: 'none' | 'draft' | 'published' = pubs.some((p) => p.year === year) ? 'published' : version > 0 || n > 0 ? 'draft' : 'none';
        return { year, status, version, values: n };
      }),
  };
}
