/**
 * 「为什么？」: a light's `why` is the rule that fired (server text, shown as is) and its inputs.
 * Inputs are shown as label/value rows; known keys get a readable label, unknown ones keep
 * their key, so nothing the server sends is hidden.
 */
import type { Light, Why } from '../api/types.js';

/** Input keys the status engine uses (src/shared/domain/status.ts). */
export const WHY_INPUT_KEYS = [
  'red',
  'yellow',
  'green',
  'unlit',
  'score',
  'accepted',
  'pending',
  'target',
  'year',
  'expected',
  'ratio',
  'curve',
  'claim',
  'lastYear',
  'ended',
  'missedReports',
  'actual',
  'comparator',
  'max',
] as const;
export type WhyInputKey = (typeof WHY_INPUT_KEYS)[number];

export const isKnownInput = (key: string): key is WhyInputKey => (WHY_INPUT_KEYS as readonly string[]).includes(key);

export interface WhyRow {
  key: string;
  /** Known key (to be translated), else null: show `key` as written. */
  known: WhyInputKey | null;
  value: string | number | boolean | null;
}

/** The inputs in a stable order: known keys in engine order, then the rest as sent. */
export function whyRows(why: Why): WhyRow[] {
  const entries = Object.entries(why.inputs);
  const rank = (key: string) => (isKnownInput(key) ? WHY_INPUT_KEYS.indexOf(key) : WHY_INPUT_KEYS.length);
  return entries
    .map(([key, value], index) => ({ key, value, index }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index)
    .map(({ key, value }) => ({ key, known: isKnownInput(key) ? key : null, value }));
}

/** Value words the page provides in its language. */
export interface WhyValueWords {
  yes: string;
  no: string;
  empty: string;
  claim: (claim: string) => string | null;
  curve: (curve: string) => string | null;
}

/** A value as text: booleans 是/否, null —, ratios as %, claims and curves in words. */
export function formatWhyValue(row: WhyRow, words: WhyValueWords): string {
  const { value } = row;
  if (value === null || value === undefined) return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (row.known === 'ratio' && typeof value === 'number') return `${Math.round(value * 1000) / 10}%`;
  if (row.known === 'claim' && typeof value === 'string') return words.claim(value) ?? value;
  if (row.known === 'curve' && typeof value === 'string') return words.curve(value) ?? value;
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  return value;
}

/** What a task's light rolled up: its lit milestones and targets, worst first (unlit left out). */
export function taskParts(
  task: { milestones: { milestoneId: number; text: string; light: Light; why: Why }[]; targets: { targetId: number; subject: string; light: Light; why: Why }[] },
): { key: string; light: Light; label: string; rule: string }[] {
  const rank: Record<Light, number> = { red: 0, yellow: 1, green: 2, none: 3 };
  return [
    ...task.targets.map((x) => ({ key: `t${x.targetId}`, light: x.light, label: x.subject, rule: x.why.rule })),
    ...task.milestones.map((m) => ({ key: `m${m.milestoneId}`, light: m.light, label: m.text, rule: m.why.rule })),
  ]
    .filter((part) => part.light !== 'none')
    .sort((a, b) => rank[a.light] - rank[b.light]);
}
