import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocument, normaliseLine, SourceError, toCells, type Cell } from './source.js';
import { GB18030_SAMPLE_PATH, SEED_GB18030_PATH, seedBytes, seedText } from '../../tests/support/seed-document.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

/** The SourceError a call throws (fails the test when it does not throw one). */
function sourceError(fn: () => unknown): SourceError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error('expected a SourceError');
}

describe('decodeDocument', () => {
  it.each<[string, Uint8Array | string, string]>([
    ['UTF-8 without BOM', utf8('江府〔2020〕8号\n'), '江府〔2020〕8号\n'],
    ['UTF-8 with BOM', bytes(0xef, 0xbb, 0xbf, ...utf8('江府〔2020〕8号')), '江府〔2020〕8号'],
    ['a string with BOM', '\uFEFF江门市人民政府', '江门市人民政府'],
    ['a string without BOM', '江门市人民政府', '江门市人民政府'],
    // 中文 in GBK: D6D0 CEC4 — not valid UTF-8
    ['GBK bytes', bytes(0xd6, 0xd0, 0xce, 0xc4), '中文'],
    // a GB18030 four-byte sequence (U+00B7 would be two bytes; 81 30 81 30 is U+0080)
    ['GB18030 four-byte sequence', bytes(0xd6, 0xd0, 0x81, 0x30, 0x81, 0x30), '中\u0080'],
    ['ASCII', utf8('2020-2022'), '2020-2022'],
  ])('%s', (_name, input, expected) => {
    expect(decodeDocument(input)).toBe(expected);
  });

  it('reads the GB18030 sample fixture, including four-byte and rare characters', () => {
    const text = decodeDocument(readFileSync(GB18030_SAMPLE_PATH));
    expect(text.split('\n').slice(0, 4)).toEqual([
      '江门市人民政府关于印发实施方案的通知',
      '江府〔2020〕8号',
      '“三区并进”——都市核心区、大广海湾区、生态发展区。',
      '罕用字：𠮷、䶮、㐀；符号：·é€',
    ]);
  });

  it('reads the whole seed from its GB18030 fixture exactly as from UTF-8', () => {
    const gb = readFileSync(SEED_GB18030_PATH);
    expect(gb.length).toBeLessThan(seedBytes.length); // two bytes a character instead of three
    expect(decodeDocument(gb)).toBe(seedText);
  });

  it('reads a UTF-8 file cut off in the middle of its last character without that character', () => {
    const full = utf8('江门市人民政府\n配合');
    expect(decodeDocument(full.subarray(0, full.length - 1))).toBe('江门市人民政府\n配');
    expect(decodeDocument(full.subarray(0, full.length - 2))).toBe('江门市人民政府\n配');
  });

  it.each<[string, Uint8Array, string]>([
    // ASCII then one complete two-byte GBK character: not a UTF-8 file cut off mid-character
    ['ASCII ending in a GBK character', bytes(0x61, 0x62, 0x63, 0xd6, 0xd0), 'abc中'],
    ['a GBK line ending in a GBK character', bytes(0xbd, 0xad, 0xc3, 0xc5, 0x0a, 0x31, 0xd6, 0xd0), '江门\n1中'],
  ])('does not mistake %s for a truncated UTF-8 file', (_name, input, expected) => {
    expect(decodeDocument(input)).toBe(expected);
  });

  it.each<[string, Uint8Array, RegExp, number]>([
    ['empty input', bytes(), /^文件为空/, 0],
    ['NUL bytes', bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00), /二进制数据（NUL 字节）/, 0],
    ['NUL after text', utf8('江门市人民政府\n\u0000\u0000'), /NUL 字节/, 0],
    // 0xFF is neither UTF-8 nor a GB18030 lead byte: the first bad byte is on line 2
    ['bytes that are neither UTF-8 nor GB18030', bytes(...utf8('江府〔2020〕8号\n'), 0x41, 0xff, 0x41), /无法识别文件编码.*第2行/, 2],
    // a GBK slice inside a UTF-8 file (mixed encodings): its line is named
    ['mixed UTF-8 and GBK', bytes(...utf8('第一行\n第二行\n'), 0xd6, 0xd0, 0x2c, 0x41, ...utf8('\n第四行')), /无法识别文件编码.*第3行/, 3],
  ])('refuses %s with a specific Chinese message', (_name, input, message, line) => {
    const e = sourceError(() => decodeDocument(input));
    expect(e.message).toMatch(message);
    expect(e.line).toBe(line);
  });
});

describe('normaliseLine', () => {
  it.each([
    ['full-width punctuation', '各市（区）人民政府，市有关单位：', '各市(区)人民政府,市有关单位:'],
    ['full-width semicolon and digits', '２０２０年，达１００％；', '2020年,达100%;'],
    ['ideographic indentation', '\u3000\u3000一、总体目标', '一、总体目标'],
    ['trailing spaces and tabs', '附件1 \t ', '附件1'],
    ['no-break spaces', '\u00a0附件2\u00a0', '附件2'],
    ['spaces around quotes', '加快构建 “三区并进” 区域发展新格局', '加快构建“三区并进”区域发展新格局'],
    ['spaces around book-title marks', '出台 《行动方案》 ;', '出台《行动方案》;'],
    ['a form feed left by PDF extraction', '\f二、重点任务', '二、重点任务'],
    ['page number — 3 —', '— 3 —', ''],
    ['page number -3-', '-3-', ''],
    ['page number - 12 -', '- 12 -', ''],
    ['page number in full-width hyphens', '－３－', ''],
    ['page number – 7 – (en dash)', '– 7 –', ''],
    ['page number 第3页', '第3页', ''],
    ['page number 第3页共20页', '第3页共20页', ''],
    ['indented page number', '\u3000\u3000— 14 —', ''],
    // things that look like page numbers but are content
    ['a task number', '3', '3'],
    ['a year range', '2020—2022年,逐步推进', '2020—2022年,逐步推进'],
    ['a dash heading without digits', '— 附件 —', '— 附件 —'],
    ['a five-digit number between dashes', '-20200-', '-20200-'],
  ])('%s', (_name, raw, expected) => {
    expect(normaliseLine(raw)).toBe(expected);
  });
});

describe('toCells', () => {
  const cells = (text: string): [string, number][] => toCells(text).map((c: Cell) => [c.text, c.line]);

  it('numbers lines from 1 across LF, CRLF and lone CR, skipping blank lines', () => {
    expect(cells('甲\r\n\r\n乙\r丙\n\n\n丁')).toEqual([
      ['甲', 1],
      ['乙', 3],
      ['丙', 4],
      ['丁', 7],
    ]);
  });

  it('drops page-number lines but keeps the numbering of the lines after them', () => {
    expect(cells('附件1\n— 3 —\n都市核心区\n-4-\n蓬江区')).toEqual([
      ['附件1', 1],
      ['都市核心区', 3],
      ['蓬江区', 5],
    ]);
  });

  it('gives a flattened table row one cell per non-empty tab-separated part, all on that line', () => {
    expect(cells('序号\t重点事项\n1\t打造“一主一副”双核心\t\t内容。\t\n\t\t\t2021年,推进。\t')).toEqual([
      ['序号', 1],
      ['重点事项', 1],
      ['1', 2],
      ['打造“一主一副”双核心', 2],
      ['内容。', 2],
      ['2021年,推进。', 3],
    ]);
  });

  it('trims and normalises each tab-separated part', () => {
    expect(cells('\u3000\u3000都市核心区\t 蓬江区 \t（一）')).toEqual([
      ['都市核心区', 1],
      ['蓬江区', 1],
      ['(一)', 1],
    ]);
  });

  it('keeps the seed in 360 cells (its non-blank lines), the last on line 729', () => {
    const all = toCells(seedText);
    expect(all).toHaveLength(seedText.split('\n').filter((l) => l.trim()).length);
    expect(all).toHaveLength(360);
    expect(all[0]).toEqual({ text: '江门市人民政府关于印发江门市加快构建“三区并进”区域发展新格局实施方案的通知', line: 1 });
    expect(all.at(-1)).toEqual({ text: '请在用户中心修改联系方式,以便我们联系您', line: 729 });
  });

  it.each([
    ['a bell character', '甲\n乙\u0007\n丙', 2],
    ['an escape sequence', '甲\n乙\n\u001b[31m丙', 3],
    ['a vertical tab', '\u000b甲', 1],
    ['a DEL character', '甲\n\n\n乙\u007f', 4],
    ['a replacement character (mis-decoded text)', '甲\n乙\n丙\n丁\uFFFD\uFFFD', 4],
  ])('refuses %s with the line it is on', (_name, text, line) => {
    const e = sourceError(() => toCells(text));
    expect(e.line).toBe(line);
    expect(e.message).toBe(`第${line}行含有控制字符或乱码，不是可导入的文本`);
  });

  it.each([
    ['an empty string', ''],
    ['blank lines', '\n\n\r\n'],
    ['only indentation and spaces', '\u3000\u3000\n   \n\t\t'],
    ['only page numbers', '— 1 —\n-2-\n第3页'],
  ])('refuses %s as an empty document', (_name, text) => {
    const e = sourceError(() => toCells(text));
    expect(e.message).toMatch(/^文件为空/);
    expect(e.line).toBe(0);
  });
});
