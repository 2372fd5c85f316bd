/** Which assessment year a page opens on, and the zone helpers the pages share. Pure. */

export interface YearItem {
  year: number;
  status: 'none' | 'draft' | 'published';
  version: number;
  values: number;
}

/** The year asked for when valid, else the latest year with values or a saved scheme, else the latest listed. */
export function pickYear(items: readonly YearItem[], requested: number | null): number | null {
  if (requested !== null && items.some((i) => i.year === requested)) return requested;
  const sorted = [...items].sort((a, b) => b.year - a.year);
  return (sorted.find((i) => i.values > 0 || i.status !== 'none') ?? sorted[0])?.year ?? requested;
}

/** A year from the address (?year= or :year), or null. */
export function parseYearParam(raw: string | null | undefined): number | null {
  return raw && /^\d{4}$/.test(raw) ? Number(raw) : null;
}
