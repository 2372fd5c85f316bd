/**
 * Stage 6: quantitative targets (量化目标) in a milestone's text.
 *
 * A figure is a number (or range 1-2) followed by a unit (个, 家, 亩, 万亩, %, 亿元 …). Figures inside
 * “…” or 《…》, after a Latin letter (G240, PM2.5), or used as a qualifier (200人以上自然村) are not
 * targets. For the others:
 *   comparator  至少/不少于/不低于/达/达到/超过/以上 → ">=", 不超过/低于/少于/控制在/以下/以内 → "<=",
 *               保持在/稳定在 → "=", a range → "range", a plain figure → ">=" (a quantity to reach);
 *   subject     "subject FIGURE" (美丽宜居村比例65%以上) when the figure closes its clause or follows a
 *               measure noun (率, 比例, 面积, 人口 …); else "FIGURE subject" for count classifiers
 *               (引进至少50个投资超亿元的产业项目); leading verbs (推动, 引进 …) and the scope are
 *               stripped from the subject;
 *   scope       the places named earlier in the same sentence (开平市塘口镇、恩平市牛江镇 …), which
 *               carry over to the following clauses of that sentence.
 */
import type { Comparator, Target } from '../shared/plan-model.js';
import { YEAR_PREFIX } from './annex-tasks.js';

/** Units we read, with their base unit and factor. Longest spellings first. */
const UNITS: [string, string, number][] = [
  ['万平方米', '平方米', 1e4],
  ['平方公里', '平方公里', 1],
  ['平方米', '平方米', 1],
  ['万亩', '亩', 1e4],
  ['亩', '亩', 1],
  ['公顷', '公顷', 1],
  ['公里', '公里', 1],
  ['千米', '公里', 1],
  ['亿元', '元', 1e8],
  ['万元', '元', 1e4],
  ['元', '元', 1],
  ['万吨', '吨', 1e4],
  ['吨', '吨', 1],
  ['万人', '人', 1e4],
  ['%', '%', 1],
  ['个', '个', 1],
  ['家', '家', 1],
  ['场', '场', 1],
  ['条', '条', 1],
  ['项', '项', 1],
  ['座', '座', 1],
  ['所', '所', 1],
  ['批', '批', 1],
  ['宗', '宗', 1],
  ['次', '次', 1],
  ['人', '人', 1],
  ['万', '', 1e4],
];
const UNIT_INFO = new Map(UNITS.map(([u, base, f]) => [u, { base, factor: f }]));
/** Classifiers of counted things, which may precede their subject (5个重点项目). */
const COUNT_UNITS = new Set(['个', '家', '场', '条', '项', '座', '所', '批', '宗', '次']);
const FIGURE = new RegExp(
  `(\\d+(?:\\.\\d+)?)(?:\\s*[-—~～至]\\s*(\\d+(?:\\.\\d+)?))?\\s*(${UNITS.map(([u]) => u.replace('%', '%')).join('|')})`,
  'g',
);
/** Matched by `endsWith` in order, so a negated word (不超过) must come before its stem (超过). */
const PREFIX_COMPARATORS: [string, Comparator][] = [
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不大于', '<='],
  ['至少', '>='],
  ['达到', '>='],
  ['超过', '>='],
  ['高于', '>='],
  ['达', '>='],
  ['低于', '<='],
  ['少于', '<='],
  ['小于', '<='],
  ['控制在', '<='],
  ['保持在', '='],
  ['稳定在', '='],
];
const CLAUSE_END = /[,;。:!?]/;
const MEASURE_NOUN = /(率|比例|占比|面积|量|人口|投资|增速|增幅|总量|规模|总额|额|指数|覆盖率)$/;
const LEADING_VERBS = [
  '推进完成', '基本完成', '打造建设', '策划举办', '围绕建设', '推动', '推进', '力争', '争取', '确保', '实现', '打造',
  '培育', '引进', '引导', '开展', '树立', '举办', '围绕', '预计', '计划', '拟规划', '拟', '加快', '全面',
];

/** Places a scope can name, longest first (built per document from its zones and towns). */
export interface PlaceLexicon {
  pattern: RegExp;
}

/** Build the place lexicon from counties, towns and zone names. */
export function buildPlaceLexicon(counties: string[], towns: { county: string; name: string }[], zoneNames: string[]): PlaceLexicon {
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alts = new Set<string>(['全市']);
  for (const z of zoneNames) alts.add(z);
  for (const c of counties) alts.add(`${c}全域`).add(c);
  for (const t of towns) alts.add(`${t.county}${t.name}`).add(t.name);
  const list = [...alts].sort((a, b) => b.length - a.length).map(esc);
  return { pattern: new RegExp(`(?:${list.join('|')})(?:(?:、|和|及)(?:${list.join('|')}))*`, 'g') };
}

/** Ranges of text inside “…” and 《…》, where figures are names, not targets. */
function protectedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const pairs: [string, string][] = [
    ['“', '”'],
    ['《', '》'],
  ];
  for (const [open, close] of pairs) {
    let i = text.indexOf(open);
    while (i >= 0) {
      const j = text.indexOf(close, i + 1);
      if (j < 0) break;
      ranges.push([i, j + 1]);
      i = text.indexOf(open, j + 1);
    }
  }
  return ranges;
}

const inRanges = (pos: number, ranges: [number, number][]): boolean => ranges.some(([a, b]) => pos >= a && pos < b);

/** Index of the start of the clause that ends at `pos` (after the last delimiter). */
function clauseStart(text: string, pos: number, floor: number, ranges: [number, number][], stopAtListComma: boolean): number {
  for (let i = pos - 1; i >= floor; i--) {
    const ch = text[i]!;
    if (inRanges(i, ranges)) continue;
    if (CLAUSE_END.test(ch) || (stopAtListComma && ch === '、')) return i + 1;
  }
  return floor;
}

function stripVerbs(s: string): string {
  let changed = true;
  while (changed) {
    changed = false;
    for (const v of LEADING_VERBS) {
      if (s.startsWith(v) && s.length > v.length) {
        s = s.slice(v.length);
        changed = true;
      }
    }
  }
  return s;
}

/** Extract typed targets from one milestone text. */
export function extractTargets(text: string, years: number[], places: PlaceLexicon): Target[] {
  const ranges = protectedRanges(text);
  const yp = YEAR_PREFIX.exec(text);
  const floor = yp ? yp[0].length : 0;
  const targets: Target[] = [];
  let consumedUntil = floor;
  FIGURE.lastIndex = 0;
  for (const m of text.matchAll(FIGURE)) {
    const numStart = m.index;
    let end = m.index + m[0].length;
    if (numStart < consumedUntil || inRanges(numStart, ranges)) continue;
    const before = text[numStart - 1] ?? '';
    if (/[A-Za-z0-9.]/.test(before)) continue;
    const unit = m[3]!;
    let rest = text.slice(end);
    let comparator: Comparator = m[2] ? 'range' : '>=';
    const suffix = /^(以上|以下|以内)/.exec(rest);
    if (suffix) {
      const after = rest.slice(suffix[0].length);
      if (after && !CLAUSE_END.test(after[0]!) && after[0] !== '、' && !after.startsWith('的目标')) continue; // qualifier
      if (comparator !== 'range') comparator = suffix[1] === '以上' ? '>=' : '<=';
      end += suffix[0].length;
      rest = after;
    }
    // Comparator words right before the number.
    let cmpStart = numStart;
    let each = false;
    for (;;) {
      const head = text.slice(floor, cmpStart);
      const hit = PREFIX_COMPARATORS.find(([w]) => head.endsWith(w));
      if (hit) {
        cmpStart -= hit[0].length;
        if (comparator === '>=') comparator = hit[1];
        continue;
      }
      if (head.endsWith('各')) {
        cmpStart -= 1;
        each = true;
        continue;
      }
      break;
    }
    const closes = rest === '' || CLAUSE_END.test(rest[0]!) || rest[0] === '、' || rest.startsWith('的目标') || rest.startsWith('的任务');
    const lead = text.slice(floor, cmpStart);
    let subject = '';
    let spanStart = cmpStart;
    let spanEnd = end;
    if (closes || MEASURE_NOUN.test(lead)) {
      let s = clauseStart(text, cmpStart, Math.max(floor, consumedUntil), ranges, !each);
      let phrase = text.slice(s, cmpStart);
      const etc = /.*等(?![级同])/.exec(phrase);
      if (etc) {
        s += etc[0].length;
        phrase = phrase.slice(etc[0].length);
      }
      spanStart = s;
      subject = phrase;
    } else if (COUNT_UNITS.has(unit)) {
      let j = end;
      while (j < text.length && (inRanges(j, ranges) || !(CLAUSE_END.test(text[j]!) || text[j] === '、'))) j++;
      subject = text.slice(end, j).replace(/(建设|工作)$/, '');
      spanEnd = j;
      consumedUntil = j;
    } else {
      continue;
    }
    const scope = scopeBefore(text, cmpStart, floor, places);
    if (scope.start >= 0 && scope.start < spanStart && scope.end > spanStart) {
      // The subject's clause began inside a list of places (开平市塘口镇、恩平市牛江镇…): take the whole list.
      spanStart = scope.start;
      subject = text.slice(spanStart, cmpStart);
    }
    subject = cleanSubject(subject, scope.raw);
    if (!subject) continue;
    const info = UNIT_INFO.get(unit)!;
    const value = Number(m[1]);
    const t: Target = {
      subject,
      comparator,
      value,
      unit,
      baseValue: round(value * info.factor),
      baseUnit: info.base,
      years,
      scope: scope.names,
      span: [spanStart, spanEnd],
      text: text.slice(spanStart, spanEnd),
    };
    if (m[2]) {
      t.valueMax = Number(m[2]);
      t.baseValueMax = round(t.valueMax * info.factor);
    }
    targets.push(t);
    consumedUntil = Math.max(consumedUntil, spanEnd);
  }
  return targets;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The last group of places named in the sentence before `pos`, with its position. */
function scopeBefore(text: string, pos: number, floor: number, places: PlaceLexicon): { names: string[]; raw: string[]; start: number; end: number } {
  let sentenceStart = floor;
  for (let i = pos - 1; i >= floor; i--) {
    if (/[。;!?]/.test(text[i]!)) {
      sentenceStart = i + 1;
      break;
    }
  }
  const sentence = text.slice(sentenceStart, pos);
  let last: RegExpExecArray | null = null;
  places.pattern.lastIndex = 0;
  for (const m of sentence.matchAll(places.pattern)) last = m as RegExpExecArray;
  if (!last) return { names: [], raw: [], start: -1, end: -1 };
  const raw = last[0].split(/、|和|及/).filter(Boolean);
  const start = sentenceStart + last.index;
  return { names: raw.map((p) => p.replace(/全域$/, '')), raw: [last[0], ...raw], start, end: start + last[0].length };
}

function cleanSubject(subject: string, scopeRaw: string[]): string {
  let s = subject.trim().replace(/^[,、;:]+/, '');
  s = stripVerbs(s);
  for (const r of scopeRaw) {
    const k = s.indexOf(r);
    if (k >= 0 && k <= 4) s = s.slice(k + r.length).replace(/^[、的]/, '');
  }
  s = stripVerbs(s);
  return s.replace(/[,、;:]+$/, '').replace(/各$/, '').trim();
}
