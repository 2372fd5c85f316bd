/**
 * Checks on a PlanModel that hold for any successful import, and a line-free view of a model for
 * comparing imports of the same plan whose lines are numbered differently.
 */
import type { Diagnostic, PlanModel } from '../../src/shared/plan-model.js';

const LINE_KEYS = new Set(['line', 'titleLine', 'bodyLine', 'unitsLine']);
const LINE_REF = /第\d+行/g;

/**
 * The model with every line number removed: the `line`/`titleLine`/`bodyLine`/`unitsLine` fields
 * and “第N行” inside messages. Diagnostics are ordered by line in a model, so here they are
 * re-ordered by code and message.
 */
export function withoutLines(model: PlanModel): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!LINE_KEYS.has(k)) out[k] = strip(x);
      return out;
    }
    return v;
  };
  const diagnostics = model.diagnostics
    .map((d) => ({ ...d, message: d.message.replace(LINE_REF, '第#行'), ...(d.suggestion ? { suggestion: d.suggestion.replace(LINE_REF, '第#行') } : {}) }))
    .map((d) => strip(d) as Omit<Diagnostic, 'line'>)
    .sort((a, b) => `${a.code}\u0000${a.message}`.localeCompare(`${b.code}\u0000${b.message}`));
  return { ...(strip({ ...model, diagnostics: [] }) as object), diagnostics };
}

/**
 * Problems with a successfully imported model (empty when it is sound): every item has a line
 * inside the document, numbering is consecutive, references resolve, codes have their official
 * shape, and every target's span slices its own text out of its milestone.
 */
export function modelProblems(m: PlanModel, lineCount: number): string[] {
  const p: string[] = [];
  const inDoc = (what: string, line: number | null, allowZero = false): void => {
    if (line === null) return;
    if (!Number.isInteger(line) || line < (allowZero ? 0 : 1) || line > lineCount) p.push(`${what}: line ${line} outside 1..${lineCount}`);
  };
  if (!/^[\u4e00-\u9fa5]{1,8}〔\d{4}〕\d{1,4}号$/.test(m.plan.code)) p.push(`plan.code ${m.plan.code}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(m.plan.issuedOn)) p.push(`plan.issuedOn ${m.plan.issuedOn}`);
  if (!m.plan.title || !m.plan.issuer) p.push('plan title/issuer empty');
  inDoc('plan.titleLine', m.plan.titleLine);
  m.goals.forEach((g) => inDoc(`goal ${g.year}`, g.line));

  const counties = new Set(m.counties.map((c) => c.name));
  m.counties.forEach((c, i) => {
    if (c.seq !== i + 1) p.push(`county ${c.name} seq ${c.seq}`);
    if (c.code !== null && !/^\d{6}$/.test(c.code)) p.push(`county ${c.name} code ${c.code}`);
  });
  if (m.zones.length === 0) p.push('no zones');
  for (const z of m.zones) {
    inDoc(`zone ${z.name}`, z.line);
    if (z.towns.length === 0) p.push(`zone ${z.name} has no towns`);
    for (const t of z.towns) {
      inDoc(`town ${t.name}`, t.line);
      if (!counties.has(t.county)) p.push(`town ${t.name}: county ${t.county} not listed`);
      if (t.zone !== z.code) p.push(`town ${t.name}: zone ${t.zone} in ${z.code}`);
      const cc = m.counties.find((c) => c.name === t.county)?.code;
      if (t.code !== null && (!/^\d{12}$/.test(t.code) || (cc && !t.code.startsWith(cc)))) p.push(`town ${t.name} code ${t.code}`);
    }
  }
  for (const e of m.policyExtensions) {
    inDoc(`extension ${e.town}`, e.line);
    if (!m.zones.some((z) => z.code === e.zone && z.towns.some((t) => t.name === e.town && t.county === e.county))) p.push(`extension ${e.town} has no home town`);
  }

  m.categories.forEach((c, i) => {
    inDoc(`category ${c.no}`, c.line);
    if (c.no !== i + 1) p.push(`category ${c.title} numbered ${c.no}`);
  });
  const units = new Set(m.units.map((u) => u.name));
  if (units.size !== m.units.length) p.push('duplicate unit names');
  m.units.forEach((u) => inDoc(`unit ${u.name}`, u.line));
  if (m.tasks.length === 0) p.push('no tasks');
  m.tasks.forEach((t, i) => {
    if (t.no !== i + 1) p.push(`task ${t.no} at position ${i + 1}`);
    if (!m.categories.some((c) => c.no === t.category)) p.push(`task ${t.no}: category ${t.category}`);
    inDoc(`task ${t.no}`, t.line);
    inDoc(`task ${t.no} units`, t.unitsLine);
    inDoc(`task ${t.no} body`, t.bodyLine);
    if (!t.title || !t.content || !t.unitsText) p.push(`task ${t.no}: empty title/content/units`);
    if (!t.assignments.some((a) => a.role === 'lead')) p.push(`task ${t.no}: no lead`);
    for (const a of t.assignments) if (!units.has(a.unit)) p.push(`task ${t.no}: unit ${a.unit} not in units`);
    if (new Set(t.assignments.map((a) => a.unit)).size !== t.assignments.length) p.push(`task ${t.no}: unit assigned twice`);
    t.milestones.forEach((ms, k) => {
      inDoc(`task ${t.no} milestone ${ms.seq}`, ms.line);
      if (ms.seq !== k + 1) p.push(`task ${t.no}: milestone seq ${ms.seq}`);
      if (!ms.text) p.push(`task ${t.no}: empty milestone`);
      ms.years.forEach((y, j) => {
        if (!Number.isInteger(y) || (j > 0 && y !== ms.years[j - 1]! + 1)) p.push(`task ${t.no}: years ${ms.years.join(',')}`);
      });
      for (const g of ms.targets) {
        const where = `task ${t.no} milestone ${ms.seq} target “${g.text}”`;
        const [a, b] = g.span;
        if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= ms.text.length)) p.push(`${where}: span ${a},${b}`);
        else if (ms.text.slice(a, b) !== g.text) p.push(`${where}: span slices “${ms.text.slice(a, b)}”`);
        if (!g.subject) p.push(`${where}: empty subject`);
        if (!['>=', '<=', '=', 'range'].includes(g.comparator)) p.push(`${where}: comparator ${g.comparator}`);
        if (!Number.isFinite(g.value) || !Number.isFinite(g.baseValue)) p.push(`${where}: value ${g.value}`);
        if ((g.comparator === 'range') !== (g.valueMax !== undefined)) p.push(`${where}: range without valueMax`);
        if (g.valueMax !== undefined && !(g.valueMax >= g.value)) p.push(`${where}: range ${g.value}..${g.valueMax}`);
        if (!(g.text.match(/\d+(?:\.\d+)?/g) ?? []).some((x) => Number(x) === g.value)) p.push(`${where}: value ${g.value} not in text`);
        if (g.years.join() !== ms.years.join()) p.push(`${where}: years differ from milestone`);
      }
    });
  });
  for (const d of m.diagnostics) {
    if (d.severity === 'error') p.push(`error diagnostic in a successful import: ${d.message}`);
    if (!d.message) p.push(`empty diagnostic message (${d.code})`);
    inDoc(`diagnostic ${d.code}`, d.line, true);
  }
  return p;
}
