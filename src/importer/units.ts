/**
 * Stage 4: 责任单位 cells → assignments and one canonical name per unit.
 *
 * Grammar of a cell:  (names (分别牵头 | 牵头) | names 配合)+
 *   names are separated by , or 、; "蓬江区、江海区政府" gives each county its government;
 *   "各市(区)政府" expands to every county-level government of 附件1; "X等市有关部门" keeps X and
 *   flags the task as open-ended. Repeated words (政府政府, 配合配合) are folded.
 * Normalisation: a name that is one or two characters away from a more frequent name of the same
 * kind (e.g. 市政服务服数据管理局 → 市政务服务数据管理局) is folded into it. Every fold is a
 * diagnostic with its line.
 */
import type { Assignment, Unit, UnitKind } from '../shared/plan-model.js';
import type { Cell } from './source.js';
import type { Diagnostics } from './diagnostics.js';
import { editDistance } from './text.js';

export interface ParsedAssignments {
  assignments: Assignment[];
  separateLeads: boolean;
  includesOtherRelevantDepartments: boolean;
}

interface RawAssignment {
  raw: string;
  name: string;
  role: Assignment['role'];
}

const ALL_COUNTIES = /^各(市|县)?\(?(区|市|县|市、区|县、市、区)?\)?(人民)?政府$/;
const OPEN_ENDED = /等?市(有关|相关)(部门|单位)$/;
const ROLE_MARK = /(分别牵头|牵头|配合)/g;

/** Kind of a unit from its canonical name. */
export function unitKindOf(name: string, counties: readonly string[]): UnitKind {
  const gov = /^(.+)(人民)?政府$/.exec(name);
  if (gov && counties.some((c) => name === `${c}政府` || name === `${c}人民政府`)) return 'countyGovernment';
  if (/^(市委|市纪委|市直机关工委|中共)/.test(name)) return 'partyBody';
  if (/^市/.test(name)) return 'municipalDepartment';
  return 'other';
}

/** Parse one 责任单位 cell into raw assignments (names not yet canonical). */
function parseCell(
  cell: Cell,
  counties: readonly string[],
  diags: Diagnostics,
): { raws: RawAssignment[]; separateLeads: boolean; openEnded: boolean } {
  let text = cell.text.replace(/[。.;,]+$/, '');
  text = text.replace(/(政府|配合|牵头|分别)\1+/g, (m, w: string) => {
    diags.warn('unit.duplicateWord', cell.line, `责任单位中“${m}”重复，已按“${w}”处理`, `将“${m}”改为“${w}”`);
    return w;
  });
  const raws: RawAssignment[] = [];
  let separateLeads = false;
  let openEnded = false;
  let pos = 0;
  const pushNames = (segment: string, role: Assignment['role']): void => {
    const names = segment.split(/[,、;]/).map((s) => s.trim()).filter(Boolean);
    let pending: string[] = [];
    const flush = (): void => {
      for (const c of pending) {
        raws.push({ raw: c, name: `${c}政府`, role });
      }
      pending = [];
    };
    for (let name of names) {
      if (ALL_COUNTIES.test(name)) {
        flush();
        for (const c of counties) raws.push({ raw: name, name: `${c}政府`, role });
        continue;
      }
      if (OPEN_ENDED.test(name)) {
        openEnded = true;
        name = name.replace(/等?市(有关|相关)(部门|单位)$/, '');
        if (!name) continue;
      }
      if (counties.includes(name)) {
        pending.push(name);
        continue;
      }
      const gov = /^(.+?)(人民)?政府$/.exec(name);
      if (gov && counties.includes(gov[1]!)) {
        const county = gov[1]!;
        for (const c of pending) raws.push({ raw: c, name: `${c}政府`, role });
        pending = [];
        raws.push({ raw: name, name: `${county}政府`, role });
        continue;
      }
      flush();
      raws.push({ raw: name, name, role });
    }
    flush();
  };
  for (const m of text.matchAll(ROLE_MARK)) {
    const segment = text.slice(pos, m.index);
    pos = m.index + m[0].length;
    if (m[1] === '分别牵头') separateLeads = true;
    const role = m[1] === '配合' ? 'cooperate' : 'lead';
    if (!segment.replace(/[,、;\s]/g, '')) {
      if (!(role === 'cooperate' && raws.length)) diags.warn('unit.emptyRole', cell.line, `“${m[1]}”前没有单位名称`);
      continue;
    }
    pushNames(segment, role);
  }
  const tail = text.slice(pos).replace(/^[,、;\s]+/, '');
  if (tail) {
    diags.warn('unit.noRole', cell.line, `“${tail}”后面没有“牵头”或“配合”，按配合单位处理`);
    pushNames(tail, 'cooperate');
  }
  return { raws, separateLeads, openEnded };
}

/** Parse every task's units cell and canonicalise unit names across the document. */
export function parseResponsibilities(
  cells: Cell[],
  counties: readonly string[],
  diags: Diagnostics,
): { perTask: ParsedAssignments[]; units: Unit[] } {
  const parsed = cells.map((cell) => ({ cell, ...parseCell(cell, counties, diags) }));

  // Frequencies of names, to fold rare misspellings into the common spelling.
  const freq = new Map<string, number>();
  for (const p of parsed) for (const r of p.raws) freq.set(r.name, (freq.get(r.name) ?? 0) + 1);
  const canonical = new Map<string, string>();
  const names = [...freq.keys()];
  for (const a of names) {
    let best: string | null = null;
    for (const b of names) {
      if (a === b || [...a].length < 6 || a.at(-1) !== b.at(-1) || a[0] !== b[0]) continue;
      if (unitKindOf(a, counties) !== unitKindOf(b, counties)) continue;
      if (editDistance(a, b) > 2) continue;
      if ((freq.get(b) ?? 0) > (freq.get(a) ?? 0) && (!best || (freq.get(b) ?? 0) > (freq.get(best) ?? 0))) best = b;
    }
    if (best) canonical.set(a, best);
  }

  const units = new Map<string, Unit>();
  const perTask: ParsedAssignments[] = parsed.map(({ cell, raws, separateLeads, openEnded }) => {
    const assignments: Assignment[] = [];
    for (const r of raws) {
      const name = canonical.get(r.name) ?? r.name;
      if (name !== r.name) {
        diags.warn('unit.normalised', cell.line, `单位名称“${r.name}”疑为笔误，已规范为“${name}”`, `将“${r.name}”改为“${name}”`);
      }
      let unit = units.get(name);
      if (!unit) {
        unit = { name, kind: unitKindOf(name, counties), aliases: [], line: cell.line };
        units.set(name, unit);
      }
      for (const alias of [r.raw, r.name]) {
        if (alias !== name && !ALL_COUNTIES.test(alias) && !unit.aliases.includes(alias)) unit.aliases.push(alias);
      }
      const existing = assignments.find((a) => a.unit === name);
      if (existing) {
        if (existing.role !== r.role) {
          diags.warn('unit.bothRoles', cell.line, `“${name}”在同一任务中既是牵头单位又是配合单位，按牵头处理`);
          existing.role = 'lead';
        }
        continue;
      }
      assignments.push({ unit: name, role: r.role });
    }
    if (!assignments.some((a) => a.role === 'lead')) {
      diags.error('unit.noLead', cell.line, `责任单位“${cell.text.slice(0, 30)}”中没有牵头单位`);
    }
    return { assignments, separateLeads, includesOtherRelevantDepartments: openEnded };
  });
  return { perTask, units: [...units.values()] };
}
