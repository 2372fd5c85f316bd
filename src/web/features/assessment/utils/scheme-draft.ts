/**
 * The scheme editor's draft: weights as indicator × zone cells, per-zone sums, and the save body
 * (zero or empty cells are left out: 0 or absent = not in that zone's scheme). Pure.
 */
import type { ZoneCode } from '../../../../shared/plan-model.js';

export const ZONES: readonly ZoneCode[] = ['core', 'bay', 'eco'];

export type WeightCells = Record<string, Partial<Record<ZoneCode, number | null>>>;

export interface WeightRow {
  zone: ZoneCode;
  code: string;
  weight: number;
}

/** Cells from the scheme's list of weights. */
export function toCells(weights: readonly WeightRow[]): WeightCells {
  const cells: WeightCells = {};
  for (const w of weights) (cells[w.code] ??= {})[w.zone] = w.weight;
  return cells;
}

/** The weight of `code` in `zone` (0 when absent). */
export function cellWeight(cells: WeightCells, code: string, zone: ZoneCode): number {
  return cells[code]?.[zone] ?? 0;
}

/** Σ of each zone's weights over `codes` (the indicators shown). */
export function zoneSums(cells: WeightCells, codes: readonly string[]): Record<ZoneCode, number> {
  const sums: Record<ZoneCode, number> = { core: 0, bay: 0, eco: 0 };
  for (const code of codes) for (const zone of ZONES) sums[zone] += cellWeight(cells, code, zone);
  for (const zone of ZONES) sums[zone] = Number(sums[zone].toFixed(6));
  return sums;
}

/** The weights to save: positive cells only, in indicator then zone order. */
export function toWeights(cells: WeightCells, codes: readonly string[]): WeightRow[] {
  return codes.flatMap((code) => ZONES.flatMap((zone) => (cellWeight(cells, code, zone) > 0 ? [{ zone, code, weight: cellWeight(cells, code, zone) }] : [])));
}

/** True when the two drafts save the same weights. */
export function sameWeights(a: WeightCells, b: WeightCells, codes: readonly string[]): boolean {
  return JSON.stringify(toWeights(a, codes)) === JSON.stringify(toWeights(b, codes));
}
