/** The counties of each zone (by primary zone, in-zone rank order) with the zone's average score, from the results. */
import type { ZoneCode } from '../../../../shared/plan-model.js';
import type { AssessmentResults } from '../api/assessment.api.js';

export interface ZoneGroup {
  zone: ZoneCode;
  /** Mean total of the zone's counties with a score (the server's zoneAverages). */
  average: number | null;
  counties: AssessmentResults['counties'];
}

export function zoneGroups(results: AssessmentResults): ZoneGroup[] {
  return results.zoneAverages.map((z) => ({
    zone: z.zone,
    average: z.total,
    counties: results.counties
      .filter((c) => c.primaryZone === z.zone)
      .sort((a, b) => (a.rankInZone ?? Number.MAX_SAFE_INTEGER) - (b.rankInZone ?? Number.MAX_SAFE_INTEGER) || a.county.localeCompare(b.county, 'zh-CN')),
  }));
}
