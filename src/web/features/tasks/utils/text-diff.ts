/**
 * Character-level diff of a task's body paragraph (正文) against its Annex 2 wording, to show
 * officials exactly where the two differ. Longest common subsequence, O(n·m): task paragraphs
 * are a few hundred characters, and inputs beyond MAX_DIFF_CHARS fall back to a whole replace.
 */

export type DiffOp = 'same' | 'added' | 'removed';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

export const MAX_DIFF_CHARS = 2000;

/** Parts turning `from` into `to`: 'removed' only in `from`, 'added' only in `to`. */
export function diffChars(from: string, to: string): DiffPart[] {
  if (from === to) return from ? [{ op: 'same', text: from }] : [];
  const a = Array.from(from);
  const b = Array.from(to);
  if (a.length > MAX_DIFF_CHARS || b.length > MAX_DIFF_CHARS) {
    return [
      ...(from ? [{ op: 'removed' as const, text: from }] : []),
      ...(to ? [{ op: 'added' as const, text: to }] : []),
    ];
  }
  const width = b.length + 1;
  // lcs[i * width + j] = LCS length of a[i..] and b[j..]
  const lcs = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, ch: string) => {
    const last = parts.at(-1);
    if (last && last.op === op) last.text += ch;
    else parts.push({ op, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      push('removed', a[i++]!);
    } else {
      push('added', b[j++]!);
    }
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}
