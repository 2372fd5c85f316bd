/** Years of the bundled plan's three-year work plans; the demo's simulated reports are in 2022. */
export const YEARS: readonly number[] = [2020, 2021, 2022];
export const DEFAULT_YEAR = 2022;

/** ?year= → a plan year (the default for anything else). */
export function parseYear(raw: string | null | undefined): number {
  const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return YEARS.includes(year) ? year : DEFAULT_YEAR;
}
