import { describe, expect, it } from 'vitest';
import { buildValuesTemplate, csvField, importContentType, templateFileName } from './csv-template.js';

describe('values CSV template', () => {
  it('has the importer header and one row per county × code, prefilled with stored values', () => {
    const text = buildValuesTemplate(2022, ['蓬江区', '台山市'], ['GDP_GROWTH', 'LAND_OUTPUT'], [
      { county: '台山市', code: 'GDP_GROWTH', value: 6.5, target: 7 },
      { county: '蓬江区', code: 'LAND_OUTPUT', value: null, target: null },
    ]);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('year,division,indicator_code,value,target');
    expect(lines.slice(1, -1)).toEqual(['2022,蓬江区,GDP_GROWTH,,', '2022,蓬江区,LAND_OUTPUT,,', '2022,台山市,GDP_GROWTH,6.5,7', '2022,台山市,LAND_OUTPUT,,']);
    expect(lines.at(-1)).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('names the file by year and sends uploads with a content type', () => {
    expect(templateFileName(2022)).toBe('考核数据模板-2022.csv');
    expect(importContentType({ name: 'x.csv', type: '' })).toBe('text/csv');
    expect(importContentType({ name: 'x.XLSX', type: '' })).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(importContentType({ name: 'x.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(importContentType({ name: 'values', type: '' })).toBe('application/octet-stream');
  });
});
