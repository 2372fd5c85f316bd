/** Addresses of the assessment pages. */
import type { Method, Weighting } from '../api/assessment.api.js';

/** The county explanation's address, carrying the chosen options. */
export function countyPath(year: number, county: string, weighting?: Weighting, method?: Method): string {
  const query = new URLSearchParams();
  if (weighting) query.set('weighting', weighting);
  if (method) query.set('method', method);
  const search = query.toString();
  return `/assessment/${year}/counties/${encodeURIComponent(county)}${search ? `?${search}` : ''}`;
}
