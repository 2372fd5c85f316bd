/**
 * Official statistical division codes (统计用区划代码), for matching the plan's counties and towns.
 * The reference is data/divisions/guangdong.json (see its SOURCE.md); callers may pass another.
 */
import guangdong from '../../data/divisions/guangdong.json' with { type: 'json' };
import { editDistance } from './text.js';

export interface DivisionReference {
  cities: { code: string; name: string }[];
  counties: { code: string; name: string; cityCode: string }[];
  towns: { code: string; name: string; countyCode: string }[];
}

/** The bundled Guangdong reference. */
export const guangdongDivisions: DivisionReference = guangdong as DivisionReference;

/** Lookup of one city's counties and towns. */
export class DivisionIndex {
  readonly cityCode: string | null;
  private readonly counties: { code: string; name: string }[];
  private readonly townsByCounty = new Map<string, { code: string; name: string }[]>();

  constructor(ref: DivisionReference, cityName: string) {
    this.cityCode = ref.cities.find((c) => c.name === cityName)?.code ?? null;
    this.counties = this.cityCode ? ref.counties.filter((c) => c.cityCode === this.cityCode) : [];
    const codes = new Set(this.counties.map((c) => c.code));
    for (const t of ref.towns) {
      if (!codes.has(t.countyCode)) continue;
      const list = this.townsByCounty.get(t.countyCode) ?? [];
      list.push({ code: t.code, name: t.name });
      this.townsByCounty.set(t.countyCode, list);
    }
  }

  countyCode(name: string): string | null {
    return this.counties.find((c) => c.name === name)?.code ?? null;
  }

  /** All official towns of the city, with their county name. */
  allTowns(): { code: string; name: string; county: string }[] {
    return this.counties.flatMap((c) => (this.townsByCounty.get(c.code) ?? []).map((t) => ({ ...t, county: c.name })));
  }

  /**
   * Match a town of a county: exact, else the closest official name.
   * `unique` is true when exactly one official name is closest and close enough to link.
   */
  matchTown(
    county: string,
    name: string,
  ): { exact: true; code: string } | { exact: false; closest: { code: string; name: string } | null; unique: boolean } {
    const code = this.countyCode(county);
    const towns = code ? (this.townsByCounty.get(code) ?? []) : [];
    const hit = towns.find((t) => t.name === name);
    if (hit) return { exact: true, code: hit.code };
    const stem = (s: string): string => s.replace(/(街道|镇|乡|办事处)$/, '');
    let best: { code: string; name: string } | null = null;
    let bestD = Infinity;
    let ties = 0;
    for (const t of towns) {
      const d = stem(t.name) === stem(name) ? 0.5 : editDistance(t.name, name);
      if (d < bestD) {
        best = t;
        bestD = d;
        ties = 1;
      } else if (d === bestD) ties++;
    }
    const unique = best !== null && ties === 1 && bestD <= Math.max(1, Math.floor(name.length / 3));
    return { exact: false, closest: best, unique };
  }
}
