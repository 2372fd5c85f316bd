/**
 * 任务分解覆盖情况: per city target, how far the counties' submitted and accepted shares add
 * up. The server sums and flags the shortfall; this turns one row into what the page shows —
 * the bar, the ratio in words, the gap (缺口) and which county shares are not counted yet.
 */
import type { z } from 'zod';
import type { coverageSchema } from '../../../../shared/api/report-api.js';

export type CoverageItem = z.infer<typeof coverageSchema>['items'][number];
export type CountyShare = CoverageItem['counties'][number];

export interface CoverageRow {
  /** Bar fill, 0–100. */
  percent: number;
  /** Ratio as shown: 50%, 112.5%, — when the city value is 0. */
  ratioText: string;
  /** How much is missing (city value − total), 0 when covered. */
  gap: number;
  shortfall: boolean;
  /** Shares in the total (submitted, accepted) and those waiting (draft, returned). */
  counted: CountyShare[];
  waiting: CountyShare[];
  /** Percentages do not add up across counties: the sum is shown for reference only. */
  notAdditive: boolean;
}

/** 0.5 → '50%', 1.125 → '112.5%' (at most one decimal). */
export function formatRatio(ratio: number): string {
  const pct = Math.round(ratio * 1000) / 10;
  return `${pct}%`;
}

/** A number rounded for display (floating sums such as 30.56 + 0.1). */
export function roundForDisplay(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function coverageRow(item: CoverageItem): CoverageRow {
  const counted = item.counties.filter((c) => c.status === 'submitted' || c.status === 'accepted');
  const waiting = item.counties.filter((c) => c.status === 'draft' || c.status === 'returned');
  const known = item.cityValue > 0;
  return {
    percent: known ? Math.max(0, Math.min(100, Math.round(item.ratio * 1000) / 10)) : 0,
    ratioText: known ? formatRatio(item.ratio) : '—',
    gap: item.shortfall ? roundForDisplay(Math.max(0, item.cityValue - item.total)) : 0,
    shortfall: item.shortfall,
    counted: [...counted].sort((a, b) => b.share - a.share || a.unit.localeCompare(b.unit, 'zh')),
    waiting: [...waiting].sort((a, b) => a.unit.localeCompare(b.unit, 'zh')),
    notAdditive: item.unit === '%',
  };
}

export interface CoverageSummary {
  targets: number;
  covered: number;
  shortfall: number;
  /** Targets no county has put a share to yet. */
  untouched: number;
}

export function summariseCoverage(items: readonly CoverageItem[]): CoverageSummary {
  return {
    targets: items.length,
    covered: items.filter((i) => !i.shortfall).length,
    shortfall: items.filter((i) => i.shortfall).length,
    untouched: items.filter((i) => i.counties.length === 0).length,
  };
}
