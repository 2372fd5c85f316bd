/**
 * Splits a milestone text into plain and highlighted segments using the targets' character
 * spans ([start, end) in UTF-16 code units, as produced by the importer, which runs in JS).
 * Defensive by design — the spans come over the wire: spans are clamped to the text, empty or
 * non-integer spans are ignored, a span that overlaps an earlier one is left out (first wins,
 * longer wins on equal start), and boundaries never split a surrogate pair.
 */

export interface Spanned {
  span: readonly [number, number];
}

export interface TextSegment<T> {
  text: string;
  /** [start, end) of this segment in the original text. */
  start: number;
  end: number;
  /** The target highlighted by this segment, or null for plain text. */
  target: T | null;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Move an offset off the middle of a surrogate pair (backwards for starts, forwards for ends). */
function alignToCodePoint(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return offset;
  if (isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1))) {
    return direction < 0 ? offset - 1 : offset + 1;
  }
  return offset;
}

/** Text → segments, each target at most once, in text order; concatenating them gives `text`. */
export function splitTextBySpans<T extends Spanned>(text: string, targets: readonly T[]): TextSegment<T>[] {
  const placed = targets
    .map((target, index) => {
      const [rawStart, rawEnd] = target.span;
      if (!Number.isInteger(rawStart) || !Number.isInteger(rawEnd)) return null;
      const start = alignToCodePoint(text, Math.max(0, Math.min(rawStart, text.length)), -1);
      const end = alignToCodePoint(text, Math.max(0, Math.min(rawEnd, text.length)), 1);
      return start < end ? { target, start, end, index } : null;
    })
    .filter((item): item is { target: T; start: number; end: number; index: number } => item !== null)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);

  const segments: TextSegment<T>[] = [];
  let cursor = 0;
  for (const item of placed) {
    if (item.start < cursor) continue; // overlaps an earlier highlight
    if (item.start > cursor) segments.push({ text: text.slice(cursor, item.start), start: cursor, end: item.start, target: null });
    segments.push({ text: text.slice(item.start, item.end), start: item.start, end: item.end, target: item.target });
    cursor = item.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), start: cursor, end: text.length, target: null });
  return segments;
}

/** Targets whose span could not be highlighted (invalid, empty or overlapping another). */
export function unplacedTargets<T extends Spanned>(text: string, targets: readonly T[]): T[] {
  const shown = new Set(splitTextBySpans(text, targets).map((segment) => segment.target));
  return targets.filter((target) => !shown.has(target));
}
