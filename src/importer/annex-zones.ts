/**
 * Stage 5: 附件1 功能分区图表 → zones, counties, towns, policy extensions.
 *
 * The table has four columns: 三区名称 | 市(区)名称 | 镇(街)名称 | 区域政策延伸适用范围.
 * Flattened to one cell per line, a row reads  [zone] county towns [extension]; the zone cell
 * appears only on a zone's first row, and the fourth column is a merged cell spanning the zone's
 * rows, so its text lands right after the first row's towns (恩城街道 东城镇 大槐镇 after 蓬江区).
 * A towns cell that directly follows another towns cell is therefore that zone's extension cell:
 * towns of another zone (here 恩平市, 生态发展区) to which this zone's policies also apply.
 */
import { ZONE_NAMES, type County, type PolicyExtension, type Town, type Zone, type ZoneCode } from '../shared/plan-model.js';
import type { Cell } from './source.js';
import type { Diagnostics } from './diagnostics.js';
import type { DivisionIndex } from './divisions.js';

const ZONE_BY_NAME = new Map<string, ZoneCode>(Object.entries(ZONE_NAMES).map(([code, name]) => [name, code as ZoneCode]));
const COUNTY = /^[\u4e00-\u9fa5]{1,6}(区|市|县)$/;
const TOWNS = /(镇|街道|乡)([、,\s]|$)/;

export interface ZoneTable {
  zones: Zone[];
  counties: County[];
  policyExtensions: PolicyExtension[];
}

export function parseZoneTable(cells: Cell[], annexLine: number, index: DivisionIndex, diags: Diagnostics): ZoneTable | null {
  const zones: Zone[] = [];
  const counties: County[] = [];
  const pendingExt: { names: string[]; toZone: ZoneCode; line: number }[] = [];
  let zone: Zone | null = null;
  let county: string | null = null;
  let prev: 'zone' | 'county' | 'towns' | 'ext' | null = null;
  let hasExtColumn = false;

  for (const cell of cells) {
    const text = cell.text;
    if (/区域政策延伸/.test(text)) {
      hasExtColumn = true;
      continue;
    }
    const zc = ZONE_BY_NAME.get(text.replace(/[“”"]/g, ''));
    if (zc) {
      if (zones.some((z) => z.code === zc)) diags.warn('zone.duplicate', cell.line, `功能区“${text}”在附件1中重复出现`);
      zone = { code: zc, name: ZONE_NAMES[zc], line: cell.line, towns: [] };
      zones.push(zone);
      county = null;
      prev = 'zone';
      continue;
    }
    if (!zone) continue; // title and header cells
    if (COUNTY.test(text) && !TOWNS.test(text)) {
      county = text;
      if (!counties.some((c) => c.name === text)) {
        const code = index.countyCode(text);
        if (!code) diags.warn('division.countyUnknown', cell.line, `“${text}”不是本市的县级行政区划名称，无法匹配统计用区划代码`);
        counties.push({ name: text, code, seq: counties.length + 1 });
      }
      prev = 'county';
      continue;
    }
    if (TOWNS.test(text)) {
      const names = text.split(/[、,\s]+/).map((s) => s.trim()).filter(Boolean);
      if (prev === 'towns' && zone) {
        if (!hasExtColumn) diags.warn('zone.extColumn', cell.line, '附件1没有“区域政策延伸适用范围”表头，但出现了延伸适用的镇(街)');
        pendingExt.push({ names, toZone: zone.code, line: cell.line });
        prev = 'ext';
        continue;
      }
      if (!county) {
        diags.error('zone.noCounty', cell.line, `镇(街)“${text.slice(0, 20)}”前没有所属的市(区)名称`);
        return null;
      }
      for (const name of names) {
        if (zones.some((z) => z.towns.some((t) => t.name === name && t.county === county))) {
          diags.warn('division.duplicateTown', cell.line, `“${county}${name}”在附件1中重复列出`);
          continue;
        }
        zone.towns.push(resolveTown(name, county, zone.code, cell.line, index, diags));
      }
      prev = 'towns';
      continue;
    }
    diags.warn('zone.unrecognised', cell.line, `附件1中无法识别的内容“${text.slice(0, 20)}”，已忽略`);
  }

  if (zones.length === 0) {
    diags.error('zone.none', annexLine, '附件1中没有找到功能区（都市核心区、大广海湾区、生态发展区）');
    return null;
  }
  for (const z of zones) {
    if (z.towns.length === 0) diags.error('zone.empty', z.line, `功能区“${z.name}”没有列出任何镇(街)；附件1可能不完整`);
  }

  const policyExtensions: PolicyExtension[] = [];
  for (const ext of pendingExt) {
    for (const name of ext.names) {
      const homes = zones.flatMap((z) => z.towns.filter((t) => t.name === name));
      if (homes.length === 1) {
        const t = homes[0]!;
        if (t.zone === ext.toZone) diags.warn('zone.extSameZone', ext.line, `“${name}”本身属于该功能区，不必列为区域政策延伸适用范围`);
        policyExtensions.push({ town: name, county: t.county, zone: t.zone, toZone: ext.toZone, code: t.code, line: ext.line });
      } else if (homes.length > 1) {
        diags.warn('zone.extAmbiguous', ext.line, `区域政策延伸适用的“${name}”在多个市(区)中都有，无法确定所属市(区)`);
      } else {
        diags.warn('zone.extUnknown', ext.line, `区域政策延伸适用的“${name}”不在附件1的任何功能区中`);
      }
    }
  }

  // Official towns of the city that no zone covers. Codes 400–599 of the town level are
  // 类似乡级单位 (development zones, farms, prisons): reported as information, not as gaps.
  const covered = new Set(zones.flatMap((z) => z.towns.map((t) => `${t.county}/${t.officialName ?? t.name}`)));
  const uncovered = new Map<string, { towns: string[]; units: string[] }>();
  for (const t of index.allTowns()) {
    if (!counties.some((c) => c.name === t.county)) continue;
    if (covered.has(`${t.county}/${t.name}`)) continue;
    const entry = uncovered.get(t.county) ?? { towns: [], units: [] };
    (Number(t.code.slice(6, 9)) >= 400 ? entry.units : entry.towns).push(t.name);
    uncovered.set(t.county, entry);
  }
  const quote = (list: string[]): string => list.map((n) => `“${n}”`).join('、');
  for (const [c, { towns, units }] of uncovered) {
    if (towns.length) {
      diags.warn('division.uncovered', annexLine, `${c}的官方镇(街)${quote(towns)}未被任何功能区覆盖`, '请核对附件1是否遗漏，或这些镇(街)为近年新设/调整');
    }
    if (units.length) {
      diags.info('division.uncoveredSpecial', annexLine, `${c}的类似乡级单位${quote(units)}（开发区、林场等）不在功能分区表中`);
    }
  }
  return { zones, counties, policyExtensions };
}

function resolveTown(name: string, county: string, zone: ZoneCode, line: number, index: DivisionIndex, diags: Diagnostics): Town {
  const m = index.matchTown(county, name);
  if (m.exact) return { name, county, code: m.code, zone, line };
  if (m.closest && m.unique) {
    diags.warn('division.townNameDiffers', line, `${county}“${name}”与统计用区划名称不一致，已匹配为“${m.closest.name}”（${m.closest.code}）`, `核对是否应写作“${m.closest.name}”`);
    return { name, officialName: m.closest.name, county, code: m.closest.code, zone, line };
  }
  const hint = m.closest ? `最接近的官方名称是“${m.closest.name}”` : `${county}没有可比对的官方镇(街)名称`;
  diags.warn('division.townUnknown', line, `${county}“${name}”不在统计用区划代码中，${hint}`, m.closest ? `核对是否应写作“${m.closest.name}”` : undefined);
  return { name, county, code: null, zone, line };
}
