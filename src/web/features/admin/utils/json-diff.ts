/**
 * Before/after of an audit event as rows a person can read: nested objects are flattened to
 * dotted paths ('policy.lockoutMinutes'), arrays and scalars are leaf values, and each row says
 * whether the value was added, removed, changed or kept.
 */

export type DiffChange = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  /** Dotted path; '' when before/after are themselves scalars or arrays. */
  path: string;
  /** Display text, or null when the side has no such value. */
  before: string | null;
  after: string | null;
  change: DiffChange;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a leaf value reads: strings as they are, everything else as JSON. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, value);
  }
}

function leaves(value: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && value !== undefined) flatten(value, '', out);
  return out;
}

/** Rows comparing `before` and `after` (null/undefined = that side is absent). */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const b = leaves(before);
  const a = leaves(after);
  const paths = [...b.keys(), ...[...a.keys()].filter((p) => !b.has(p))];
  return paths.map((path) => {
    const hasB = b.has(path);
    const hasA = a.has(path);
    const bText = hasB ? displayValue(b.get(path)) : null;
    const aText = hasA ? displayValue(a.get(path)) : null;
    const change: DiffChange = !hasB ? 'added' : !hasA ? 'removed' : JSON.stringify(b.get(path)) === JSON.stringify(a.get(path)) ? 'same' : 'changed';
    return { path, before: bText, after: aText, change };
  });
}

/** Pretty JSON for the raw view ('' for an absent side). */
export function prettyJson(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value, null, 2);
}
