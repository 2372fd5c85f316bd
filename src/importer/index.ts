/**
 * The plan importer: a policy document (bytes or text) → PlanModel, every item with its line.
 *
 * Stages: source (decode, normalise, cells) → document (header, goals, body, annex slices) →
 * annex-zones (附件1 with official codes) → annex-tasks (附件2) → units (责任单位) →
 * targets (量化目标 per milestone) → cross-checks (body vs annex, suspicious figures).
 * Pure: no database, no network; the division reference is passed in (bundled by default).
 * An import either yields a whole model or fails with line-numbered errors.
 */
import { ZONE_NAMES, type Category, type Diagnostic, type PlanModel, type Target, type Task } from '../shared/plan-model.js';
import { Diagnostics } from './diagnostics.js';
import { splitDocument, type BodyTask } from './document.js';
import { parseZoneTable } from './annex-zones.js';
import { parseTaskTable } from './annex-tasks.js';
import { parseResponsibilities } from './units.js';
import { buildPlaceLexicon, extractTargets } from './targets.js';
import { DivisionIndex, guangdongDivisions, type DivisionReference } from './divisions.js';
import { decodeDocument, SourceError, toCells } from './source.js';
import { diffChars, substanceOf } from './text.js';

export type ImportResult =
  | { ok: true; model: PlanModel }
  | { ok: false; errors: Diagnostic[]; diagnostics: Diagnostic[] };

export interface ImportOptions {
  divisions?: DivisionReference;
}

/** Import a plan document. Never throws for bad input: failures come back as errors. */
export function importPlan(input: Uint8Array | string, options: ImportOptions = {}): ImportResult {
  const diags = new Diagnostics();
  try {
    const model = build(input, options.divisions ?? guangdongDivisions, diags);
    if (model && !diags.hasErrors) return { ok: true, model: { ...model, diagnostics: diags.sorted() } };
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    diags.error('source', e.line, e.message);
  }
  if (!diags.hasErrors) diags.error('import', 0, '文件无法导入');
  const all = diags.sorted();
  return { ok: false, errors: all.filter((d) => d.severity === 'error'), diagnostics: all };
}

function build(input: Uint8Array | string, ref: DivisionReference, diags: Diagnostics): Omit<PlanModel, 'diagnostics'> | null {
  const cells = toCells(decodeDocument(input));
  const doc = splitDocument(cells, diags);
  if (!doc) return null;

  const city = /^(.+?市)/.exec(doc.header.issuer)?.[1] ?? doc.header.issuer;
  const index = new DivisionIndex(ref, city);
  if (!index.cityCode) diags.warn('division.city', doc.header.titleLine, `统计用区划代码中没有“${city}”，镇(街)将无法匹配代码`);

  const zoneTable = parseZoneTable(doc.annex1, doc.annex2Line, index, diags);
  const table = parseTaskTable(doc.annex2, doc.annex2Line, diags);
  if (!zoneTable || !table) return null;
  const countyNames = zoneTable.counties.map((c) => c.name);

  const { perTask, units } = parseResponsibilities(table.tasks.map((t) => t.units), countyNames, diags);
  const towns = zoneTable.zones.flatMap((z) => z.towns);
  const places = buildPlaceLexicon(countyNames, towns, zoneTable.zones.map((z) => z.name));

  const tasks: Task[] = table.tasks.map((raw, k) => {
    const body = doc.bodyTasks.find((b) => b.no === raw.no) ?? null;
    compareWithBody(raw.no, raw.title, raw.content, raw.line, body, diags);
    const a = perTask[k]!;
    return {
      no: raw.no,
      category: raw.category,
      title: raw.title,
      content: raw.content,
      bodyContent: body?.content ?? null,
      bodyLine: body?.line ?? null,
      line: raw.line,
      unitsLine: raw.units.line,
      unitsText: raw.units.text,
      separateLeads: a.separateLeads,
      includesOtherRelevantDepartments: a.includesOtherRelevantDepartments,
      assignments: a.assignments,
      milestones: raw.milestones.map((m, i) => ({
        seq: i + 1,
        years: m.years,
        text: m.text,
        line: m.line,
        targets: extractTargets(m.text, m.years, places),
      })),
    };
  });

  checkCounts(doc.bodyTasks, tasks, doc.lastLine, diags);
  compareCategories(doc.bodyCategories, table.categories, diags);
  flagSuspiciousFigures(tasks, diags);
  if (!zoneTable.zones.some((z) => z.code === 'core') || zoneTable.zones.length !== Object.keys(ZONE_NAMES).length) {
    diags.warn('zone.count', doc.annex2Line, `附件1列出了${zoneTable.zones.length}个功能区，预期为3个（都市核心区、大广海湾区、生态发展区）`);
  }

  return {
    plan: doc.header,
    goals: doc.goals,
    zones: zoneTable.zones,
    counties: zoneTable.counties,
    policyExtensions: zoneTable.policyExtensions,
    categories: table.categories,
    tasks,
    units,
  };
}

function checkCounts(body: BodyTask[], tasks: Task[], lastLine: number, diags: Diagnostics): void {
  if (body.length > tasks.length) {
    diags.error(
      'annex2.truncated',
      lastLine,
      `附件2只有${tasks.length}项任务，正文列出${body.length}项；文件可能在第${lastLine}行后被截断`,
      '请导入完整的文件',
    );
  }
  for (const t of tasks) {
    if (!body.some((b) => b.no === t.no) && body.length > 0) diags.warn('body.missingTask', t.line, `附件2的任务${t.no}在正文“二、重点任务”中没有对应段落`);
  }
}

/** Differences of substance between body and annex wording, as a short Chinese summary. */
function describeDiff(a: string, b: string): string | null {
  const parts = diffChars(substanceOf(a), substanceOf(b)).filter((p) => p.removed || p.added);
  if (parts.length === 0) return null;
  return parts
    .slice(0, 4)
    .map((p) => (p.removed && p.added ? `正文“${p.removed}”→附件“${p.added}”` : p.removed ? `正文多“${p.removed}”` : `附件多“${p.added}”`))
    .join('；') + (parts.length > 4 ? `等${parts.length}处` : '');
}

function compareWithBody(no: number, title: string, content: string, line: number, body: BodyTask | null, diags: Diagnostics): void {
  if (!body) return;
  const dt = describeDiff(body.title, title);
  if (dt) diags.warn('task.titleDiffers', line, `任务${no}的重点事项在正文（第${body.line}行）与附件2中表述不同：${dt}`);
  const dc = describeDiff(body.content, content);
  if (dc) diags.warn('task.contentDiffers', line, `任务${no}的工作任务在正文（第${body.line}行）与附件2中表述不同：${dc}`, '以附件2分工表为准导入；如有出入请核对原文');
}

function compareCategories(body: { no: number; title: string; line: number }[], annex: Category[], diags: Diagnostics): void {
  for (const c of annex) {
    const b = body.find((x) => x.no === c.no);
    if (!b) continue;
    const d = describeDiff(b.title, c.title);
    if (d) diags.warn('category.titleDiffers', c.line, `大类${c.numeral}的名称在正文（第${b.line}行）与附件2中不同：${d}`);
  }
}

/**
 * A figure that is 100× off its siblings (same task, same subject, same base unit, other years)
 * is most likely a unit typo (30.65万元 among 亿元 amounts).
 */
function flagSuspiciousFigures(tasks: Task[], diags: Diagnostics): void {
  for (const task of tasks) {
    const groups = new Map<string, { t: Target; line: number }[]>();
    for (const m of task.milestones) {
      for (const t of m.targets) {
        const key = `${t.subject}|${t.baseUnit}`;
        groups.set(key, [...(groups.get(key) ?? []), { t, line: m.line }]);
      }
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      for (const x of list) {
        const others = list.filter((y) => y !== x);
        const sorted = others.map((o) => o.t.baseValue).sort((p, q) => p - q);
        const median = sorted[Math.floor(sorted.length / 2)]!;
        if (!(median > 0 && x.t.baseValue > 0)) continue;
        const ratio = Math.max(median / x.t.baseValue, x.t.baseValue / median);
        const oddUnit = others.every((o) => o.t.unit !== x.t.unit);
        if (ratio >= 100 && (others.length >= 2 || oddUnit)) {
          const siblings = others.map((o) => `${o.t.value}${o.t.unit}`).join('、');
          const common = others[0]!.t.unit;
          diags.warn(
            'target.suspicious',
            x.line,
            `任务${task.no}“${x.t.subject}”为${x.t.value}${x.t.unit}，同类目标在其他年份为${siblings}，相差约${Math.round(ratio).toLocaleString('en-US')}倍，疑为单位或数字笔误`,
            oddUnit ? `核对是否应为${x.t.value}${common}` : '核对原文数字',
          );
        }
      }
    }
  }
}

export { decodeDocument } from './source.js';
