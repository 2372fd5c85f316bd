/**
 * The bundled Jiangmen plan (江府〔2020〕8号) and the ways real copies of it differ: byte order
 * mark, GB18030, CRLF, full-width punctuation and indentation, PDF page-number lines, web-page
 * footers, annex tables flattened one row per line. Each transform works on the seed's own layout
 * (read here independently of the importer), so tests can demand that every form imports alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));

export const SEED_PATH = root('data/plans/jiangmen-jiangfu-2020-8.txt');
export const SEED_GB18030_PATH = root('tests/fixtures/jiangmen-gb18030.txt');
export const GB18030_SAMPLE_PATH = root('tests/fixtures/gb18030-sample.txt');

/** The seed document as UTF-8 text (no BOM, LF, 729 lines). */
export const seedText: string = readFileSync(SEED_PATH, 'utf8');
export const seedBytes: Uint8Array = new Uint8Array(readFileSync(SEED_PATH));

/** Lines as the importer counts them (CRLF, CR or LF). */
export function lineCountOf(text: string): number {
  return text.split(/\r\n?|\n/).length;
}

/** Seed lines (1-based line n is `seedLines[n - 1]`). */
export const seedLines: string[] = seedText.split('\n');

/** The first line (1-based) whose text is exactly `text`. */
export function seedLineOf(text: string): number {
  const i = seedLines.indexOf(text);
  if (i < 0) throw new Error(`seed has no line “${text}”`);
  return i + 1;
}

const utf8 = new TextEncoder();

export function withBom(text: string): Uint8Array {
  const body = utf8.encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export function toCrlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/** The seed's half-width ( ) , : ; written in their full-width forms （ ） ， ： ；. */
export function toFullWidthPunctuation(text: string): string {
  const map: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；' };
  return text.replace(/[(),:;]/g, (c) => map[c]!);
}

/** Every printable ASCII character (digits, letters, % - . +, space) in its full-width form. */
export function toFullWidthAscii(text: string): string {
  return text.replace(/[\x20-\x7e]/g, (c) => (c === ' ' ? '\u3000' : String.fromCodePoint(c.codePointAt(0)! + 0xfee0)));
}

/** Paragraphs indented with two ideographic spaces, as in a Word or web copy. */
export function indentParagraphs(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.trim() ? `\u3000\u3000${l}` : l))
    .join('\n');
}

/**
 * Page-number lines as PDF extraction leaves them, after every `every`-th line, alternating
 * “— 3 —” and “-4-”.
 */
export function insertPageNumbers(text: string, every = 40): string {
  const out: string[] = [];
  let page = 1;
  text.split('\n').forEach((l, i) => {
    out.push(l);
    if ((i + 1) % every === 0) {
      page++;
      out.push(page % 2 === 1 ? `— ${page} —` : `-${page}-`);
    }
  });
  return out.join('\n');
}

/** The seed up to and including the last table row (line 724), i.e. without its web footer. */
export function withoutFooter(text: string): string {
  const lines = text.split('\n');
  const at = lines.indexOf('发表评论与建议');
  if (at < 0) throw new Error('seed footer not found');
  return lines.slice(0, at).join('\n').replace(/\n+$/, '') + '\n';
}

/** Realistic footers of Chinese government web pages (print/close links, sponsor, ICP number). */
export const WEB_FOOTERS: Record<string, string[]> = {
  printLinks: ['【打印本页】 【关闭窗口】', '扫一扫在手机打开当前页', '主办：江门市人民政府办公室  承办：江门市政务服务数据管理局', '网站标识码：4407000004  粤ICP备05083245号'],
  sponsor: ['主办：江门市人民政府办公室', '网站标识码：4407000004', '粤ICP备05083245号'],
  share: ['分享到：', '打印本页 关闭窗口', '版权所有：江门市人民政府'],
};

/** The seed with its own footer replaced by `footer` (after one blank line). */
export function withFooter(text: string, footer: string[]): string {
  return withoutFooter(text) + '\n' + footer.join('\n') + '\n';
}

const ZONE_NAMES = new Set(['都市核心区', '大广海湾区', '生态发展区']);
const COUNTY = /^[\u4e00-\u9fa5]{2,4}(区|市|县)$/;

/**
 * Both annex tables flattened one row per line with tab-separated cells, as a table copied out of
 * Word or a web page reads:
 *   附件1  header row, then "zone\tcounty\ttowns[\textension]", zone cell empty on continuation rows;
 *   附件2  header row, category rows, "no\ttitle\tcontent\tfirstPlanParagraph\tunits", then each
 *          further plan paragraph as "\t\t\tparagraph\t".
 * Everything before 附件1 and the web footer after 附件2 are kept as they are.
 */
export function flattenAnnexTables(text: string): string {
  const lines = text.split('\n');
  const i1 = lines.indexOf('附件1');
  const i2 = lines.indexOf('附件2');
  const iFooter = lines.indexOf('发表评论与建议');
  if (i1 < 0 || i2 < i1) throw new Error('seed annexes not found');
  const end = iFooter < 0 ? lines.length : iFooter;
  const cells = (a: number, b: number): string[] => lines.slice(a, b).map((l) => l.trim()).filter(Boolean);

  // 附件1
  const a1 = cells(i1 + 1, i2);
  const h1 = a1.indexOf('区域政策延伸适用范围');
  const out1 = [...a1.slice(0, h1 - 3), a1.slice(h1 - 3, h1 + 1).join('\t')];
  let row: string[] | null = null;
  for (const cell of a1.slice(h1 + 1)) {
    if (ZONE_NAMES.has(cell)) {
      if (row) out1.push(row.join('\t'));
      row = [cell];
    } else if (COUNTY.test(cell)) {
      if (row && row.length === 1) row.push(cell);
      else {
        if (row) out1.push(row.join('\t'));
        row = ['', cell];
      }
    } else {
      row!.push(cell);
    }
  }
  if (row) out1.push(row.join('\t'));

  // 附件2
  const a2 = cells(i2 + 1, end);
  const h2 = a2.indexOf('序号');
  const out2 = [...a2.slice(0, h2), a2.slice(h2, h2 + 5).join('\t')];
  let task: string[] = [];
  const flushTask = (): void => {
    if (task.length === 0) return;
    const [no, title, content, ...rest] = task;
    const units = rest.pop()!;
    const [first, ...more] = rest;
    out2.push([no, title, content, first ?? '', units].join('\t'));
    for (const p of more) out2.push(`\t\t\t${p}\t`);
    task = [];
  };
  for (const cell of a2.slice(h2 + 5)) {
    if (/^[一二三四五六七八九十]、/.test(cell)) {
      flushTask();
      out2.push(cell);
    } else if (/^\d{1,2}$/.test(cell)) {
      flushTask();
      task = [cell];
    } else {
      task.push(cell);
    }
  }
  flushTask();

  return [...lines.slice(0, i1 + 1), ...out1, '', lines[i2]!, ...out2, '', ...lines.slice(end)].join('\n');
}

/**
 * A GB18030 encoder for the characters of the committed fixtures (the whole seed, plus a sample
 * with full-width punctuation and footer words), built by pairing each fixture's decoded characters
 * with its bytes. Node has no GB18030 encoder; the fixtures were produced once with Python.
 * Characters outside the table are left in UTF-8 (callers that need pure GB18030 check `covers`).
 */
export function gb18030Encoder(): { encode: (text: string) => Uint8Array; covers: (text: string) => boolean } {
  const table = new Map<string, number[]>();
  for (const path of [SEED_GB18030_PATH, GB18030_SAMPLE_PATH]) {
    const bytes = readFileSync(path);
    const chars = [...new TextDecoder('gb18030', { fatal: true }).decode(bytes)];
    let p = 0;
    for (const ch of chars) {
      const b = bytes[p]!;
      const len = b < 0x80 ? 1 : bytes[p + 1]! >= 0x30 && bytes[p + 1]! <= 0x39 ? 4 : 2;
      if (!table.has(ch)) table.set(ch, [...bytes.subarray(p, p + len)]);
      p += len;
    }
    if (p !== bytes.length) throw new Error(`GB18030 table: ${path} not consumed`);
  }
  for (let c = 0; c < 0x80; c++) table.set(String.fromCharCode(c), [c]);
  return {
    encode(text: string): Uint8Array {
      const out: number[] = [];
      for (const ch of text) out.push(...(table.get(ch) ?? utf8.encode(ch)));
      return new Uint8Array(out);
    },
    covers: (text: string) => [...text].every((ch) => table.has(ch)),
  };
}
