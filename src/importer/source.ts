/**
 * Stage 1 of the importer: bytes → text → numbered cells.
 *
 * - Decoding: UTF-8 (with or without BOM), else GB18030 (a superset of GBK); binary input is refused.
 * - Normalising: CRLF/CR → LF; full-width ASCII forms → half-width (（）→(), ，→,); ideographic
 *   indentation and stray spaces around quotes removed; page-number lines left by PDF extraction
 *   (— 3 —, -3-) dropped.
 * - Cells: every non-empty line is a cell; a line with tabs (an annex table flattened one row per
 *   line) gives one cell per non-empty tab-separated part, all carrying that line's number.
 * Line numbers always refer to the original document.
 */
import { toHalfWidth } from './text.js';

/** A piece of text with the 1-based line it came from. */
export interface Cell {
  text: string;
  line: number;
}

/** Raised for input that cannot be a document at all. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly line = 0,
  ) {
    super(message);
  }
}

/**
 * Whether `tail` is a UTF-8 sequence missing its last byte(s): a lead byte and only continuation
 * bytes, fewer than the lead announces. (A complete two-byte GBK character such as D6 D0 is not.)
 */
function isIncompleteUtf8Tail(tail: Uint8Array): boolean {
  const lead = tail[0]!;
  const need = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
  return tail.length < need && tail.subarray(1).every((b) => (b & 0xc0) === 0x80);
}

/** Decode document bytes: UTF-8 (BOM optional) or GB18030/GBK. */
export function decodeDocument(input: Uint8Array | string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  if (input.length === 0) throw new SourceError('文件为空：没有可导入的内容');
  let bytes = input;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  let nul = 0;
  for (let i = 0; i < Math.min(bytes.length, 65536); i++) if (bytes[i] === 0) nul++;
  if (nul > 0) throw new SourceError('文件含有二进制数据（NUL 字节），不是文本格式的政策文件');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  // A file cut off mid-character still reads as UTF-8 without its last partial character.
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    if (cut > 0 && !isIncompleteUtf8Tail(bytes.subarray(bytes.length - cut))) continue;
    try {
      return utf8.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // try one byte less, then GB18030
    }
  }
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    // Name the line of the first byte that is not UTF-8, so a damaged or mixed file can be found.
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const line = at < 0 ? 0 : loose.slice(0, at).split(/\r\n?|\n/).length;
    throw new SourceError(`无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030 文本（第${line}行起出现无法识别的字节）`, line);
  }
}

const PAGE_NUMBER = /^[-—–－‐]+\s*\d{1,4}\s*[-—–－‐]+$|^第\s*\d{1,4}\s*页(共\s*\d+\s*页)?$/;
/**
 * Control characters other than tab/newline mean the text is not a document. A form feed is the
 * page break that PDF text extraction (pdftotext) writes between pages: it is dropped, not refused.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/;

/** Normalise one line; returns '' for lines that carry nothing. */
export function normaliseLine(raw: string): string {
  let s = toHalfWidth(raw).replace(/\f/g, '');
  s = s.replace(/[ \t\u00a0]+$/g, '').replace(/^[ \u00a0]+/g, '');
  s = s.replace(/ *([“”《》]) */g, '$1');
  if (PAGE_NUMBER.test(s.trim())) return '';
  return s;
}

/** Split a document into numbered cells. */
export function toCells(text: string): Cell[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cells: Cell[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (CONTROL.test(raw)) throw new SourceError(`第${i + 1}行含有控制字符或乱码，不是可导入的文本`, i + 1);
    const line = normaliseLine(raw);
    if (!line) continue;
    if (line.includes('\t')) {
      for (const part of line.split('\t')) {
        const t = normaliseLine(part);
        if (t) cells.push({ text: t.trim(), line: i + 1 });
      }
    } else {
      cells.push({ text: line.trim(), line: i + 1 });
    }
  }
  if (cells.length === 0) throw new SourceError('文件为空：没有可导入的内容');
  return cells;
}
