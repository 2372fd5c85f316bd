import { describe, expect, it } from 'vitest';
import type { AssessmentResults } from '../api/assessment.api.js';
import { zoneGroups } from './zone-groups.js';

const county = (name: string, zone: 'core' | 'bay' | 'eco', total: number | null, rankInZone: number | null) =>
  ({ county: name, primaryZone: zone, total, rankInZone, rankOverall: null, zoneSize: 0, profile: [], indicators: [], missing: [] }) as unknown as AssessmentResults['counties'][number];

describe('zoneGroups', () => {
  it('puts each county under its primary zone in in-zone order, unscored last, with the zone average', () => {
    const results = {
      counties: [county('江海区', 'core', 80, 2), county('台山市', 'bay', 78.8, 1), county('鹤山市', 'core', null, null), county('蓬江区', 'core', 100, 1)],
      zoneAverages: [
        { zone: 'core', total: 90, indicators: [] },
        { zone: 'bay', total: 78.8, indicators: [] },
      ],
    } as unknown as AssessmentResults;
    const groups = zoneGroups(results);
    expect(groups.map((g) => [g.zone, g.average, g.counties.map((c) => c.county)])).toEqual([
      ['core', 90, ['蓬江区', '江海区', '鹤山市']],
      ['bay', 78.8, ['台山市']],
    ]);
  });
});
