/**
 * The same plan in the forms real copies take must import to the same model. Where lines keep
 * their numbers (BOM, GB18030, CRLF, full-width forms, indentation, another footer) the model
 * must be identical; where lines move (page numbers, flattened tables) it must be identical once
 * line numbers — and only line numbers — are removed. Broken and foreign documents must fail
 * with a specific Chinese error on a line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan, type ImportResult } from '../../src/importer/index.js';
import type { Diagnostic, PlanModel } from '../../src/shared/plan-model.js';
import { withoutLines } from '../support/plan-model-checks.js';
import {
  flattenAnnexTables,
  gb18030Encoder,
  indentParagraphs,
  insertPageNumbers,
  lineCountOf,
  SEED_GB18030_PATH,
  seedLineOf,
  seedLines,
  seedText,
  toCrlf,
  toFullWidthAscii,
  toFullWidthPunctuation,
  WEB_FOOTERS,
  withBom,
  withFooter,
  withoutFooter,
} from '../support/seed-document.js';

function imported(input: string | Uint8Array): PlanModel {
  const r = importPlan(input);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors)}`);
  return r.model;
}

const seed = imported(seedText);
const gb = gb18030Encoder();
const footerDiag = (m: PlanModel): Diagnostic[] => m.diagnostics.filter((d) => d.code === 'doc.footer');
const withoutFooterDiag = (m: PlanModel): PlanModel => ({ ...m, diagnostics: m.diagnostics.filter((d) => d.code !== 'doc.footer') });

describe('variants that keep line numbers import identically', () => {
  it.each<[string, () => string | Uint8Array]>([
    ['UTF-8 bytes', () => new TextEncoder().encode(seedText)],
    ['UTF-8 with BOM', () => withBom(seedText)],
    ['a string with BOM', () => `\uFEFF${seedText}`],
    ['GB18030 (committed fixture)', () => readFileSync(SEED_GB18030_PATH)],
    ['CRLF line ends', () => toCrlf(seedText)],
    ['CRLF in GB18030', () => gb.encode(toCrlf(seedText))],
    ['full-width （）,:; punctuation', () => toFullWidthPunctuation(seedText)],
    ['every ASCII character full-width (digits, letters, %, -)', () => toFullWidthAscii(seedText)],
    ['paragraphs indented with 　　', () => indentParagraphs(seedText)],
    ['indented, full-width, CRLF and BOM at once', () => withBom(toCrlf(indentParagraphs(toFullWidthPunctuation(seedText))))],
  ])('%s', (_name, make) => {
    expect(imported(make())).toEqual(seed);
  });

  it('the GB18030 fixture really is the seed in GB18030 (not UTF-8)', () => {
    const bytes = readFileSync(SEED_GB18030_PATH);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(Buffer.from(gb.encode(seedText)).equals(bytes)).toBe(true);
  });

  it('the transforms really change the document', () => {
    expect(toFullWidthPunctuation(seedText)).not.toContain(',');
    expect(toFullWidthPunctuation(seedText)).toContain('各市（区）人民政府，市有关单位：');
    expect(indentParagraphs(seedText).split('\n')[2]).toBe('\u3000\u3000江府〔2020〕8号');
    expect(toFullWidthAscii(seedText)).not.toMatch(/[0-9]/);
  });
});

describe('web footers', () => {
  it.each(Object.entries(WEB_FOOTERS))('a %s footer instead of the seed’s is dropped, and nothing else changes', (_name, footer) => {
    const text = withFooter(seedText, footer);
    const m = imported(text);
    const first = text.split('\n').indexOf(footer[0]!) + 1;
    expect(footerDiag(m)).toEqual([expect.objectContaining({ severity: 'info', line: first, message: expect.stringContaining(`第${first}行起为网页页脚`) })]);
    expect(withoutFooterDiag(m)).toEqual(withoutFooterDiag(seed));
    expect(m.tasks.at(-1)!.milestones).toHaveLength(3);
  });

  it('a copy without any footer imports the same plan', () => {
    const m = imported(withoutFooter(seedText));
    expect(footerDiag(m)).toEqual([]);
    expect(m).toEqual(withoutFooterDiag(seed));
  });
});

describe('variants that move lines import the same plan once line numbers are removed', () => {
  it('PDF page-number lines (— 3 —, -4-) every 40 lines', () => {
    const text = insertPageNumbers(seedText, 40);
    expect(text).toContain('\n— 3 —\n');
    expect(text).toContain('\n-4-\n');
    const m = imported(text);
    expect(m).not.toEqual(seed);
    expect(withoutLines(m)).toEqual(withoutLines(seed));
    // lines still point at the same text in the new document
    const lines = text.split('\n');
    for (const t of m.tasks) for (const ms of t.milestones) expect(lines[ms.line - 1]).toBe(ms.text);
  });

  it('both annex tables flattened one row per line with tab-separated cells', () => {
    const text = flattenAnnexTables(seedText);
    const lines = text.split('\n');
    expect(lines).toContain('“三区”名称\t市(区)名称\t镇(街)名称\t区域政策延伸适用范围');
    expect(lines.find((l) => l.startsWith('都市核心区\t'))).toBe('都市核心区\t蓬江区\t环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇\t恩城街道 东城镇 大槐镇');
    expect(lines).toContain('\t江海区\t外海街道、礼乐街道、江南街道');
    expect(lines.find((l) => l.startsWith('2\t'))).toMatch(/^2\t建设城市功能新区\t大力推动.*\t2020年,完成滨江新区.*\t蓬江区、江海区.*江门海关配合$/);
    expect(lines).toContain('\t\t\t2021年,围绕五大新兴产业,策划举办至少1场投资推介活动,引进至少50个投资超亿元的产业项目。\t');
    expect(lineCountOf(text)).toBeLessThan(500);

    const m = imported(text);
    expect(withoutLines(m)).toEqual(withoutLines(seed));
    // a flattened row: the units cell shares the task's line, the 4th column the zone row's line
    const t2 = m.tasks[1]!;
    expect(t2.unitsLine).toBe(t2.line);
    expect(t2.milestones[0]!.line).toBe(t2.line);
    expect(t2.milestones[1]!.line).toBe(t2.line + 1);
    expect(m.policyExtensions.every((e) => e.line === m.zones[0]!.line)).toBe(true);
  });

  it('everything at once: flattened, page numbers, full-width, indented, CRLF, another footer, in GB18030', () => {
    const text = toCrlf(indentParagraphs(toFullWidthPunctuation(insertPageNumbers(withFooter(flattenAnnexTables(seedText), WEB_FOOTERS.printLinks!), 37))));
    expect(gb.covers(text)).toBe(true);
    const m = imported(gb.encode(text));
    expect(withoutLines(withoutFooterDiag(m))).toEqual(withoutLines(withoutFooterDiag(seed)));
    expect(footerDiag(m)).toHaveLength(1);
  });
});

/** The errors of a failed import (fails the test when the import succeeds). */
function errorsOf(r: ImportResult): Diagnostic[] {
  if (r.ok) throw new Error('expected the import to fail');
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.severity).toBe('error');
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(r.diagnostics).toEqual(expect.arrayContaining(r.errors));
  return r.errors;
}

/** The seed's first `n` lines. */
const firstLines = (n: number): string => seedLines.slice(0, n).join('\n');

describe('documents that must not import', () => {
  it('empty input: a whole-file error on line 0', () => {
    expect(errorsOf(importPlan(new Uint8Array()))).toEqual([{ severity: 'error', code: 'source', line: 0, message: '文件为空：没有可导入的内容' }]);
    expect(errorsOf(importPlan('\n\n  \n'))).toEqual([expect.objectContaining({ code: 'source', line: 0, message: '文件为空：没有可导入的内容' })]);
  });

  it('random binary with NUL bytes', () => {
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    expect(bytes.includes(0)).toBe(true);
    expect(errorsOf(importPlan(bytes))).toEqual([expect.objectContaining({ code: 'source', line: 0, message: expect.stringContaining('二进制数据') })]);
  });

  it('random bytes without NUL: an encoding error that names where it starts', () => {
    const bytes = new Uint8Array(2048);
    let x = 777;
    for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + ((x = (x * 1103515245 + 12345) >>> 0) % 255);
    const [e] = errorsOf(importPlan(bytes));
    expect(e).toMatchObject({ code: 'source', message: expect.stringMatching(/^无法识别文件编码/) });
    expect(e!.line).toBeGreaterThan(0);
    expect(e!.line).toBeLessThanOrEqual(lineCountOf(new TextDecoder().decode(bytes)));
  });

  it('the seed with a GB18030 paragraph pasted into its UTF-8: the pasted line is named', () => {
    const line = 406;
    const utf8 = new TextEncoder();
    const bytes = new Uint8Array([
      ...utf8.encode(seedLines.slice(0, line - 1).join('\n') + '\n'),
      ...gb.encode(seedLines[line - 1]!),
      ...utf8.encode('\n' + seedLines.slice(line).join('\n')),
    ]);
    expect(errorsOf(importPlan(bytes))).toEqual([expect.objectContaining({ code: 'source', line, message: expect.stringContaining(`第${line}行`) })]);
  });

  it('a control character in the middle of the document', () => {
    const lines = [...seedLines];
    lines[300] = `${lines[300]}\u0007`;
    expect(errorsOf(importPlan(lines.join('\n')))).toEqual([expect.objectContaining({ code: 'source', line: 301, message: '第301行含有控制字符或乱码，不是可导入的文本' })]);
  });

  it('another kind of document: a short news item', () => {
    const news = ['江门召开全市“三区并进”工作推进会', '来源：江门日报 2020-03-05', '3月4日,市委、市政府召开全市“三区并进”工作推进会。', '会议强调,要加快构建区域发展新格局。'].join('\n');
    expect(errorsOf(importPlan(news))).toEqual([
      expect.objectContaining({ code: 'doc.number', line: 1, message: '找不到发文字号（如“江府〔2020〕8号”）：这不像一份政府印发的实施方案' }),
    ]);
  });

  it('a notice without the plan: no 一、总体目标', () => {
    expect(errorsOf(importPlan(firstLines(16)))).toEqual([expect.objectContaining({ code: 'doc.section', line: 13, message: expect.stringContaining('一、总体目标') })]);
  });

  it.each([
    ['in the body, before 附件1', 103, 'doc.annex1', '找不到“附件1”'],
    ['in 附件1, after 蓬江区', 142, 'doc.annex2', '文件可能在第142行后被截断'],
    ['at the end of 附件1', 192, 'doc.annex2', '文件可能在第192行后被截断'],
  ])('the seed cut off %s (line %i)', (_name, n, code, message) => {
    expect(errorsOf(importPlan(firstLines(n)))).toEqual([expect.objectContaining({ code, line: n, message: expect.stringContaining(message) })]);
  });

  it('the seed cut off in 附件1 in the middle of a line', () => {
    const text = firstLines(163) + '\n' + seedLines[163]!.slice(0, 10);
    expect(errorsOf(importPlan(text))).toEqual([expect.objectContaining({ code: 'doc.annex2', line: 164 })]);
  });

  it('the seed cut off in 附件2 before its table header ends: the error is on the 附件2 heading', () => {
    expect(errorsOf(importPlan(firstLines(203)))).toEqual([expect.objectContaining({ code: 'annex2.header', line: 195, message: expect.stringContaining('缺少表头') })]);
  });

  it.each<[string, number, string, RegExp]>([
    ['after a task number', 211, 'annex2.truncated', /^任务1不完整.*第211行后被截断/],
    ['after a task title', 230, 'annex2.truncated', /^任务2不完整.*第230行后被截断/],
    ['in a task’s work plan', 236, 'annex2.noUnits', /^任务2“建设城市功能新区”没有责任单位.*第236行后被截断/],
    ['after a complete task', 225, 'annex2.truncated', /^附件2只有1项任务，正文列出36项；文件可能在第225行后被截断$/],
    ['after the 20th task', 498, 'annex2.truncated', /^附件2只有20项任务，正文列出36项/],
    ['at a category heading', 583, 'annex2.truncated', /^附件2只有26项任务/],
    ['in the last task', 722, 'annex2.noUnits', /^任务36“构建绿色发展的约束机制”没有责任单位.*第722行后被截断/],
  ])('the seed cut off in 附件2 %s (line %i)', (_name, n, code, message) => {
    const errors = errorsOf(importPlan(firstLines(n)));
    expect(errors).toEqual([expect.objectContaining({ code, line: n, message: expect.stringMatching(message) })]);
  });

  it('the seed cut off in 附件2 in the middle of a units cell', () => {
    const n = seedLineOf('市发展改革局牵头,蓬江区、江海区、新会区、鹤山市政府政府配合');
    const text = firstLines(n - 1) + '\n' + seedLines[n - 1]!.slice(0, 12);
    expect(errorsOf(importPlan(text))).toEqual([expect.objectContaining({ code: 'annex2.noUnits', line: n, message: expect.stringContaining('任务21') })]);
  });

  it('the seed cut off in the middle of a UTF-8 character in 附件2', () => {
    const bytes = new TextEncoder().encode(firstLines(300));
    const r = importPlan(bytes.subarray(0, bytes.length - 1));
    expect(errorsOf(r)).toEqual([expect.objectContaining({ line: 300 })]);
  });

  it('a failed import reports no model and keeps its warnings beside the errors', () => {
    const r = importPlan(firstLines(498));
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('model');
    if (!r.ok) expect(r.diagnostics.some((d) => d.severity === 'warning')).toBe(true);
  });
});
