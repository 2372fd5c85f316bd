/**
 * Typed target values (量化目标的填报值): the input a target gets follows its unit — whole numbers
 * for counts (个、家、场…), 0–100 for percentages, non-negative decimals otherwise. The rule mirrors
 * the server's `valueProblem` (report.service.ts), which stays the authority: this copy only gives
 * instant feedback and keeps autosave from sending what the server would refuse.
 */

/** Base units whose values are counts (same list as the server). */
export const COUNT_UNITS: ReadonlySet<string> = new Set(['个', '家', '场', '条', '项', '座', '所', '批', '宗', '次', '人']);

export type ValueKind = 'count' | 'percent' | 'decimal';

/** What a value must look like, from the target's unit and base unit (亿元 → 元 is a decimal, 个 a count). */
export function valueKindOf(unit: string, baseUnit: string = unit): ValueKind {
  if (unit === '%') return 'percent';
  if (COUNT_UNITS.has(baseUnit) && unit === baseUnit) return 'count';
  return 'decimal';
}

export type ValueProblem = 'notNumber' | 'negative' | 'overHundred' | 'notWhole';

export type ParsedValue =
  | { ok: true; value: number | null }
  /** `value` is the number typed when there is one (the server may be asked to judge it), else null. */
  | { ok: false; problem: ValueProblem; value: number | null };

const FULL_WIDTH_DIGITS = /[０-９]/g;

/**
 * Normalise what people type in Chinese input methods: full-width digits and dot, thousands
 * separators (, ，) and spaces; a trailing % on a percentage.
 */
export function normaliseNumberText(raw: string): string {
  return raw
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/[,，\s]/g, '')
    .replace(/[%％]$/, '');
}

/** '' → null (not entered); otherwise a number checked against the kind. */
export function parseValueInput(raw: string, kind: ValueKind): ParsedValue {
  const text = normaliseNumberText(raw);
  if (text === '') return { ok: true, value: null };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false, problem: 'notNumber', value: null };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, problem: 'notNumber', value: null };
  if (value < 0) return { ok: false, problem: 'negative', value };
  if (kind === 'percent' && value > 100) return { ok: false, problem: 'overHundred', value };
  if (kind === 'count' && !Number.isInteger(value)) return { ok: false, problem: 'notWhole', value };
  return { ok: true, value };
}

/** A stored value as the input shows it (null → ''). */
export function valueToInput(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
