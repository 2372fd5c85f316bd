/**
 * The values import template, made in the browser: a CSV with the header the importer reads
 * (year,division,indicator_code,value,target), one row per county × entered indicator, prefilled
 * with the values already stored. UTF-8 with a BOM so Excel/WPS open the Chinese names right.
 */

export const TEMPLATE_HEADER = ['year', 'division', 'indicator_code', 'value', 'target'] as const;

export interface TemplateValue {
  county: string;
  code: string;
  value: number | null;
  target: number | null;
}

/** One CSV field: quoted when it holds a comma, quote or line break (quotes doubled). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The template text (CRLF line ends, no BOM; `templateBlob` adds it). */
export function buildValuesTemplate(year: number, counties: readonly string[], codes: readonly string[], values: readonly TemplateValue[] = []): string {
  const byKey = new Map(values.map((v) => [`${v.county}\u0000${v.code}`, v]));
  const lines = [TEMPLATE_HEADER.join(',')];
  for (const county of counties) {
    for (const code of codes) {
      const v = byKey.get(`${county}\u0000${code}`);
      lines.push([year, county, code, v?.value ?? null, v?.target ?? null].map(csvField).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** File name of the template, e.g. 考核数据模板-2022.csv. */
export function templateFileName(year: number): string {
  return `考核数据模板-${year}.csv`;
}

/** The template as a downloadable Blob (UTF-8 with BOM). */
export function templateBlob(text: string): Blob {
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content type to send an import file with: from the extension (browsers disagree on .csv), else the browser's. */
export function importContentType(file: { name: string; type: string }): string {
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  if (/\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  return file.type || 'application/octet-stream';
}
