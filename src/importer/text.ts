/** Small text helpers shared by the importer stages (pure, no I/O). */

/** Full-width ASCII forms (！…～) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Levenshtein distance over code points (names here are short). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** One side of a difference between two texts. */
export interface DiffPart {
  removed: string;
  added: string;
}

/**
 * Character-level differences between two texts (LCS), merged into runs.
 * Used to tell whether the body and the annex say the same thing.
 */
export function diffChars(a: string, b: string): DiffPart[] {
  const x = [...a];
  const y = [...b];
  const n = x.length;
  const m = y.length;
  // lcs[i][j] = LCS length of x[i:] and y[j:], stored flat.
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let cur: DiffPart | null = null;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      if (cur) parts.push(cur);
      cur = null;
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
      cur ??= { removed: '', added: '' };
      cur.added += y[j];
      j++;
    } else {
      cur ??= { removed: '', added: '' };
      cur.removed += x[i];
      i++;
    }
  }
  if (cur) parts.push(cur);
  return parts;
}

/** Characters that carry no substance when comparing two wordings. */
const INSUBSTANTIAL = /[\s,.;:!?、。，；：！？“”"'‘’()（）《》\-—的地]/g;

/** Text stripped of punctuation, spaces and 的/地, for "same in substance" comparisons. */
export function substanceOf(s: string): string {
  return s.replace(INSUBSTANTIAL, '');
}

/** Chinese numerals 一…十 used for category numbers. */
export const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一 → 1 … 十 → 10; 0 when not a numeral we know. */
export function cnNumeral(s: string): number {
  return CN_NUMERALS.indexOf(s) + 1;
}
