/**
 * Assessment values files (.xlsx or .csv) → rows, checked for shape only: a header row (Chinese or
 * English headers), then per row year, division, indicator code, value and an optional target.
 * A row without value and target is a template row not filled in and is skipped (still checked).
 * Every problem is reported with its 1-based row (header = row 1) and column; the caller checks
 * codes and divisions against the database and stores nothing unless every row is good.
 *
 * CSV: UTF-8 with or without BOM, or GB18030/GBK (Excel's "CSV" in a Chinese Windows), quoted
 * fields (with commas, quotes and line breaks inside), CRLF or LF; comma-separated, or
 * tab-separated when the header has tabs and no commas. .xlsx: the first worksheet; zip bombs are
 * refused before unpacking (the guard of the offline report template) and formula cells are errors.
 */
import ExcelJS from 'exceljs';
import { decodeDocument, SourceError } from '../../../importer/source.js';
import { AppError } from '../../errors.js';
import { loadUploadedWorkbook } from '../reports/report-template.js';

export type ValueFileKind = 'xlsx' | 'csv';

export interface ValueFileRow {
  /** 1-based row in the file (header = 1). */
  row: number;
  year: number;
  county: string;
  code: string;
  /** null: the row sets only a target. */
  value: number | null;
  target: number | null;
}

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

export interface ParsedValueFile {
  rows: ValueFileRow[];
  errors: RowError[];
}

export const MAX_VALUE_ROWS = 20_000;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

type Field = 'year' | 'county' | 'code' | 'value' | 'target';
const FIELD_ZH: Record<Field, string> = { year: '年度', county: '县级行政区', code: '指标代码', value: '数值', target: '目标值' };
const HEADERS: Record<Field, string[]> = {
  year: ['year', '年度', '年份', '考核年度'],
  county: ['division', 'county', '县级行政区', '县(市、区)', '市(区)', '县市区', '地区'],
  code: ['indicator_code', 'indicatorcode', 'code', '指标代码', '指标编码'],
  value: ['value', '数值', '指标值', '值'],
  target: ['target', '目标值', '目标'],
};
const REQUIRED: Field[] = ['year', 'county', 'code', 'value'];

/** Which kind a file is: the zip signature means .xlsx, anything else is read as CSV text. */
export function sniffValueFile(bytes: Buffer, contentType?: string | null): ValueFileKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (contentType?.includes('spreadsheetml')) return 'xlsx';
  return 'csv';
}

/** Spreadsheet column letter of a 0-based index (0 → A). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const normHeader = (h: string): string =>
  h
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();

/** RFC 4180 records (quoted fields may hold separators, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      i++;
    } else if (ch === sep) {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A cell as read: a number, text, or a formula (refused). */
export type Cell = { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'formula' };

function excelCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return { kind: 'text', value: '' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'string') return { kind: 'text', value: v };
  if (typeof v === 'boolean') return { kind: 'text', value: String(v) };
  if (v instanceof Date) return { kind: 'text', value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { kind: 'formula' };
    if ('richText' in v) return { kind: 'text', value: v.richText.map((t) => t.text).join('') };
    if ('text' in v) return { kind: 'text', value: String(v.text) };
    if ('error' in v) return { kind: 'text', value: String(v.error) };
  }
  return { kind: 'text', value: String(v) };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number from a cell, or null when the text is not one (thousands separators allowed). */
export function cellNumber(c: Cell): number | null {
  if (c.kind === 'number') return Number.isFinite(c.value) ? c.value : null;
  if (c.kind === 'formula') return null;
  const t = c.value.normalize('NFKC').trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const cellText = (c: Cell): string => (c.kind === 'number' ? String(c.value) : c.kind === 'text' ? c.value.normalize('NFKC').trim() : '');

/**
 * Checks a row's division, indicator code and value (against the indicator's unit) against the plan and catalogue: returns the
 * division's name as stored (or null) and a message per bad field.
 */
export type RowChecker = (county: string, code: string, value: number | null) => { county: string | null; errors: { field: 'county' | 'code' | 'value'; message: string }[] };

/** Check the table (header + rows of cells) and return its rows and every error. */
export function readValueTable(table: Cell[][], check?: RowChecker): ParsedValueFile {
  const errors: RowError[] = [];
  const rows: ValueFileRow[] = [];
  const header = table[0] ?? [];
  const col = new Map<Field, number>();
  header.forEach((c, i) => {
    const h = normHeader(cellText(c));
    for (const f of Object.keys(HEADERS) as Field[]) if (!col.has(f) && HEADERS[f].some((x) => normHeader(x) === h)) col.set(f, i);
  });
  const missing = REQUIRED.filter((f) => !col.has(f));
  if (missing.length) {
    errors.push({
      row: 1,
      column: null,
      message: `表头缺少${missing.map((f) => `“${FIELD_ZH[f]}”（${HEADERS[f][0]}）`).join('、')}列；表头应为：年度、县级行政区、指标代码、数值，可选目标值（或 year, division, indicator_code, value, target）`,
    });
    return { rows, errors };
  }
  if (table.length - 1 > MAX_VALUE_ROWS) {
    errors.push({ row: MAX_VALUE_ROWS + 2, column: null, message: `文件超过${MAX_VALUE_ROWS}行数据，请分批导入` });
    return { rows, errors };
  }
  const colName = (f: Field): string => `${FIELD_ZH[f]}（${columnLetter(col.get(f)!)}列）`;
  const seen = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    const rowNo = r + 1;
    const at = (f: Field): Cell => (col.has(f) ? (cells[col.get(f)!] ?? { kind: 'text', value: '' }) : { kind: 'text', value: '' });
    if (cells.every((c) => c.kind === 'text' && c.value.trim() === '')) continue;
    const before = errors.length;
    const err = (f: Field, message: string): void => void errors.push({ row: rowNo, column: colName(f), message });
    for (const f of [...REQUIRED, ...(col.has('target') ? (['target'] as Field[]) : [])]) {
      if (at(f).kind === 'formula') err(f, '单元格是公式，请直接填写数值或文字');
    }
    if (errors.length > before) continue;
    const yearText = cellText(at('year'));
    const year = cellNumber(at('year'));
    if (yearText === '') err('year', '年度不能为空');
    else if (year === null || !Number.isInteger(year)) err('year', `年度须为整数年份，当前为“${yearText}”`);
    else if (year < YEAR_MIN || year > YEAR_MAX) err('year', `年度须在${YEAR_MIN}–${YEAR_MAX}之间，当前为${year}`);
    const county = cellText(at('county'));
    if (county === '') err('county', '县级行政区不能为空');
    const code = cellText(at('code')).toUpperCase();
    if (code === '') err('code', '指标代码不能为空');
    const valueText = cellText(at('value'));
    const value = cellNumber(at('value'));
    if (valueText !== '' && value === null) err('value', `数值须为数字，当前为“${valueText}”`);
    let target: number | null = null;
    const targetText = cellText(at('target'));
    if (targetText !== '') {
      target = cellNumber(at('target'));
      if (target === null) err('target', `目标值须为数字，当前为“${targetText}”`);
    }
    // A template row left blank (no value, no target) is not filled in: checked, then skipped.
    const blank = valueText === '' && targetText === '';
    let canonical: string = county;
    if (check && county !== '' && code !== '') {
      const c = check(county, code, value);
      for (const e of c.errors) err(e.field, e.message);
      canonical = c.county ?? county;
    }
    if (errors.length > before || blank) continue;
    const key = `${year}\u0000${canonical}\u0000${code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row: rowNo, column: colName('code'), message: `与第${first}行重复：${year}年${canonical}的指标${code}只能出现一次` });
      continue;
    }
    seen.set(key, rowNo);
    rows.push({ row: rowNo, year: year!, county: canonical, code, value, target });
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 2, column: null, message: '文件没有填写任何数值' });
  return { rows, errors };
}

/** Read an uploaded values file (throws VALIDATION_FAILED only when it is not a readable file at all). */
export async function parseValueFile(bytes: Buffer, kind: ValueFileKind, check?: RowChecker): Promise<ParsedValueFile> {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空', { field: 'file' });
  if (kind === 'csv') {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new AppError('VALIDATION_FAILED', '不支持旧版 .xls 文件，请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后再导入', { field: 'file' });
    }
    let text: string;
    try {
      text = decodeDocument(bytes);
    } catch (e) {
      throw new AppError('VALIDATION_FAILED', e instanceof SourceError ? e.message : '无法读取该 CSV 文件', { field: 'file' });
    }
    return readValueTable(
      parseCsv(text).map((rec) => rec.map((value) => ({ kind: 'text' as const, value }))),
      check,
    );
  }
  const wb = await loadUploadedWorkbook(bytes);
  const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION_FAILED', '该 .xlsx 文件没有工作表', { field: 'file' });
  const table: Cell[][] = [];
  const width = Math.max(ws.columnCount, 1);
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(excelCell(row.getCell(c).value));
    table.push(cells);
  }
  return readValueTable(table, check);
}
