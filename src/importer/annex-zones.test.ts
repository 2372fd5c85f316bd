import { describe, expect, it } from 'vitest';
import { parseZoneTable } from './annex-zones.js';
import { Diagnostics } from './diagnostics.js';
import { DivisionIndex, guangdongDivisions } from './divisions.js';
import { toCells } from './source.js';

const JIANGMEN = new DivisionIndex(guangdongDivisions, '江门市');
const HEADER = '功能分区图表\n“三区”名称\n市(区)名称\n镇(街)名称\n区域政策延伸适用范围';

/** Parse a 附件1 body given as lines (line 1 is the 附件1 heading, the annex line is 1). */
function parse(body: string) {
  const cells = toCells(`附件1\n${body}`).slice(1);
  const diags = new Diagnostics();
  return { table: parseZoneTable(cells, 1, JIANGMEN, diags), diags };
}
const lineIn = (body: string, text: string): number => `附件1\n${body}`.split('\n').indexOf(text) + 1;

/** All of 蓬江区 and 恩平市, the latter's three towns also under the core zone's policies. */
const TABLE = [
  HEADER,
  '都市核心区',
  '蓬江区',
  '环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇',
  '恩城街道 东城镇 大槐镇',
  '生态发展区',
  '恩平市',
  '恩城街道、东城镇、大槐镇、大田镇、良西镇、圣堂镇、牛江镇、君堂镇、那吉镇、沙湖镇、横陂镇',
].join('\n');

describe('parseZoneTable', () => {
  it('reads zones, counties with codes, towns with official codes and the extension column', () => {
    const { table, diags } = parse(TABLE);
    expect(table!.zones.map((z) => [z.code, z.name, z.line, z.towns.length])).toEqual([
      ['core', '都市核心区', lineIn(TABLE, '都市核心区'), 6],
      ['eco', '生态发展区', lineIn(TABLE, '生态发展区'), 11],
    ]);
    expect(table!.counties).toEqual([
      { name: '蓬江区', code: '440703', seq: 1 },
      { name: '恩平市', code: '440785', seq: 2 },
    ]);
    expect(table!.zones[0]!.towns[0]).toEqual({ name: '环市街道', county: '蓬江区', code: '440703006000', zone: 'core', line: lineIn(TABLE, '环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇') });
    const extLine = lineIn(TABLE, '恩城街道 东城镇 大槐镇');
    expect(table!.policyExtensions).toEqual([
      { town: '恩城街道', county: '恩平市', zone: 'eco', toZone: 'core', code: '440785001000', line: extLine },
      { town: '东城镇', county: '恩平市', zone: 'eco', toZone: 'core', code: '440785109000', line: extLine },
      { town: '大槐镇', county: '恩平市', zone: 'eco', toZone: 'core', code: '440785108000', line: extLine },
    ]);
    // 东城镇 is written for the official 东成镇; 恩平园区 is a development zone, not a gap
    expect(diags.items.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'division.townNameDiffers'],
      ['info', 'division.uncoveredSpecial'],
    ]);
    expect(diags.items[1]!.message).toBe('恩平市的类似乡级单位“恩平园区”（开发区、林场等）不在功能分区表中');
  });

  it('reads the same table flattened one row per line', () => {
    const flat = [
      '功能分区图表',
      '“三区”名称\t市(区)名称\t镇(街)名称\t区域政策延伸适用范围',
      '都市核心区\t蓬江区\t环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇\t恩城街道 东城镇 大槐镇',
      '生态发展区\t恩平市\t恩城街道、东城镇、大槐镇、大田镇、良西镇、圣堂镇、牛江镇、君堂镇、那吉镇、沙湖镇、横陂镇',
    ].join('\n');
    const a = parse(TABLE);
    const b = parse(flat);
    const noLines = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'line' ? undefined : v)));
    expect(noLines(b.table)).toEqual(noLines(a.table));
    expect(b.diags.items.map((d) => d.code)).toEqual(a.diags.items.map((d) => d.code));
  });

  it('links a misspelt town to the unique closest official name, and keeps an unknown one without code', () => {
    const body = `${HEADER}\n都市核心区\n蓬江区\n环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇、火星镇`;
    const { table, diags } = parse(body);
    const line = lineIn(body, '环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇、火星镇');
    expect(table!.zones[0]!.towns.at(-1)).toEqual({ name: '火星镇', county: '蓬江区', code: null, zone: 'core', line });
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'warning', code: 'division.townUnknown', line, message: expect.stringMatching(/^蓬江区“火星镇”不在统计用区划代码中，最接近的官方名称是“.+”$/) })]);
  });

  it('warns about official towns that no zone covers', () => {
    const body = `${HEADER}\n都市核心区\n蓬江区\n环市街道、白沙街道、潮连街道、杜阮镇`;
    const { diags } = parse(body);
    expect(diags.items).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'division.uncovered', line: 1, message: '蓬江区的官方镇(街)“棠下镇”、“荷塘镇”未被任何功能区覆盖' }),
    ]);
  });

  it('warns about a town listed twice and keeps one', () => {
    const body = `${HEADER}\n都市核心区\n蓬江区\n环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇、杜阮镇`;
    const { table, diags } = parse(body);
    expect(table!.zones[0]!.towns).toHaveLength(6);
    expect(diags.items).toEqual([expect.objectContaining({ code: 'division.duplicateTown', message: '“蓬江区杜阮镇”在附件1中重复列出' })]);
  });

  it('warns about a county that is not in the city, without a code', () => {
    const body = `${HEADER}\n都市核心区\n南海区\n桂城街道`;
    const { table, diags } = parse(body);
    expect(table!.counties).toEqual([{ name: '南海区', code: null, seq: 1 }]);
    expect(diags.items.map((d) => d.code)).toContain('division.countyUnknown');
  });

  it('warns about an extension column without its header, and about extension towns of no zone', () => {
    const body = ['都市核心区', '蓬江区', '环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇', '某某镇'].join('\n');
    const { table, diags } = parse(body);
    expect(table!.policyExtensions).toEqual([]);
    expect(diags.items.map((d) => [d.code, d.line])).toEqual([
      ['zone.extColumn', lineIn(body, '某某镇')],
      ['zone.extUnknown', lineIn(body, '某某镇')],
    ]);
  });

  it('refuses towns before any county, on their line', () => {
    const body = `${HEADER}\n都市核心区\n环市街道、白沙街道`;
    const { table, diags } = parse(body);
    expect(table).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'error', code: 'zone.noCounty', line: lineIn(body, '环市街道、白沙街道'), message: '镇(街)“环市街道、白沙街道”前没有所属的市(区)名称' })]);
  });

  it('refuses a zone without towns (a cut-off table)', () => {
    const body = `${HEADER}\n都市核心区\n蓬江区\n环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇\n大广海湾区\n新会区`;
    const { diags } = parse(body);
    expect(diags.items.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'zone.empty', line: lineIn(body, '大广海湾区'), message: '功能区“大广海湾区”没有列出任何镇(街)；附件1可能不完整' }),
    ]);
  });

  it('refuses a table without zones', () => {
    const { table, diags } = parse(`${HEADER}\n蓬江区\n环市街道`);
    expect(table).toBeNull();
    expect(diags.items).toEqual([expect.objectContaining({ code: 'zone.none', line: 1 })]);
  });

  it('ignores unrecognised cells inside the table with a warning', () => {
    const body = `${HEADER}\n都市核心区\n蓬江区\n环市街道、白沙街道、潮连街道、杜阮镇、棠下镇、荷塘镇\n备注:以上按2019年区划`;
    const { table, diags } = parse(body);
    expect(table!.zones[0]!.towns).toHaveLength(6);
    expect(diags.items).toEqual([expect.objectContaining({ code: 'zone.unrecognised', line: lineIn(body, '备注:以上按2019年区划') })]);
  });
});
