import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetter, parseCsv, parseValueFile, sniffValueFile, type RowChecker } from './value-file.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../../tests/fixtures/assessment-values-gb18030.csv');
const csv = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('CSV records', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv('a,b\r\n"x,1","say ""hi"""\r\n"two\nlines",3\n')).toEqual([
      ['a', 'b'],
      ['x,1', 'say "hi"'],
      ['two\nlines', '3'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('names spreadsheet columns', () => {
    expect([0, 3, 25, 26, 27].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AB']);
  });
});

describe('assessment values files', () => {
  it('reads a GB18030 CSV saved by Excel (Chinese headers, CRLF, thousands separator)', async () => {
    const bytes = readFileSync(FIXTURE);
    expect(sniffValueFile(bytes, 'text/csv')).toBe('csv');
    const r = await parseValueFile(bytes, 'csv');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { row: 2, year: 2022, county: '台山市', code: 'CORE_LAND_OUTPUT', value: 1234.5, target: 1000 },
      { row: 3, year: 2022, county: '恩平市', code: 'ECO_RESOURCE_CONSUMPTION', value: 0.412, target: 0.45 },
      { row: 4, year: 2022, county: '开平市', code: 'ECO_ENVIRONMENTAL_DAMAGE', value: 12, target: null },
    ]);
  });

  it('reads UTF-8 with a BOM and English headers in any order', async () => {
    const r = await parseValueFile(csv('\uFEFFvalue,indicator_code,division,year\n3.5,common_gdp_growth,蓬江区,2022\n'), 'csv');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([{ row: 2, year: 2022, county: '蓬江区', code: 'COMMON_GDP_GROWTH', value: 3.5, target: null }]);
  });

  it('reports every bad row with its row number and column, and skips blank lines', async () => {
    const r = await parseValueFile(csv('年度,县级行政区,指标代码,数值\n2022,蓬江区,A_B,abc\n\n1999,江海区,A_B,1\n2022.5,江海区,A_B,1\n2022,,A_B,\n2022,新会区,A_B,1\n2022,新会区,a_b,2\n'), 'csv');
    expect(r.errors).toEqual([
      { row: 2, column: '数值（D列）', message: '数值须为数字，当前为“abc”' },
      { row: 4, column: '年度（A列）', message: '年度须在2000–2100之间，当前为1999' },
      { row: 5, column: '年度（A列）', message: '年度须为整数年份，当前为“2022.5”' },
      { row: 6, column: '县级行政区（B列）', message: '县级行政区不能为空' },
      { row: 8, column: '指标代码（C列）', message: '与第7行重复：2022年新会区的指标A_B只能出现一次' },
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([7]);
  });

  it('asks the checker about divisions and codes, and finds duplicates by the canonical division', async () => {
    const check: RowChecker = (county, code) => ({
      county: county === '台山' ? '台山市' : county === '台山市' ? '台山市' : null,
      errors: [...(county === '台山' || county === '台山市' ? [] : [{ field: 'county' as const, message: `未知：${county}` }]), ...(code === 'X_Y' ? [] : [{ field: 'code' as const, message: `未知代码：${code}` }])],
    });
    const r = await parseValueFile(csv('year,division,indicator_code,value\n2022,台山市,X_Y,1\n2022,台山,X_Y,2\n2022,广州市,Z_Z,3\n'), 'csv', check);
    expect(r.errors).toEqual([
      { row: 3, column: '指标代码（C列）', message: '与第2行重复：2022年台山市的指标X_Y只能出现一次' },
      { row: 4, column: '县级行政区（B列）', message: '未知：广州市' },
      { row: 4, column: '指标代码（C列）', message: '未知代码：Z_Z' },
    ]);
  });

  it('skips template rows left blank, keeps a row that sets only a target, and refuses a file with nothing filled in', async () => {
    const r = await parseValueFile(csv('year,division,indicator_code,value,target\n2022,蓬江区,A_B,,\n2022,蓬江区,C_D,,12\n2022,蓬江区,E_F,7,\n'), 'csv');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { row: 3, year: 2022, county: '蓬江区', code: 'C_D', value: null, target: 12 },
      { row: 4, year: 2022, county: '蓬江区', code: 'E_F', value: 7, target: null },
    ]);
    const empty = await parseValueFile(csv('year,division,indicator_code,value\n2022,蓬江区,A_B,\n'), 'csv');
    expect(empty.errors).toEqual([{ row: 2, column: null, message: '文件没有填写任何数值' }]);
  });

  it('names missing headers on row 1', async () => {
    const r = await parseValueFile(csv('年度,地市,数值\n2022,蓬江区,1\n'), 'csv');
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 1, column: null });
    expect(r.errors[0]!.message).toContain('县级行政区');
    expect(r.errors[0]!.message).toContain('指标代码');
  });

  it('reads the first sheet of an .xlsx, numbers and text alike, and refuses formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['年度', '县级行政区', '指标代码', '数值', '目标值']);
    ws.addRow([2022, '鹤山市', 'CORE_TALENT', 120, 100]);
    ws.addRow(['2022', '鹤山市', 'CORE_INNOVATION', '2.35', '']);
    ws.addRow([2022, '鹤山市', 'CORE_LAND_OUTPUT', { formula: '1+1', result: 2 }]);
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(sniffValueFile(bytes, 'application/octet-stream')).toBe('xlsx');
    const r = await parseValueFile(bytes, 'xlsx');
    expect(r.rows).toEqual([
      { row: 2, year: 2022, county: '鹤山市', code: 'CORE_TALENT', value: 120, target: 100 },
      { row: 3, year: 2022, county: '鹤山市', code: 'CORE_INNOVATION', value: 2.35, target: null },
    ]);
    expect(r.errors).toEqual([{ row: 4, column: '数值（D列）', message: '单元格是公式，请直接填写数值或文字' }]);
  });

  it('refuses what is not a values file', async () => {
    await expect(parseValueFile(Buffer.alloc(0), 'csv')).rejects.toThrow('文件为空');
    await expect(parseValueFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'csv')).rejects.toThrow('.xls');
    await expect(parseValueFile(Buffer.from('PK\u0003\u0004garbage'), 'xlsx')).rejects.toThrow();
  });
});
