/**
 * 分区视图: per zone, the counties whose primary zone it is, in their in-zone order, with the
 * zone's average score — 差异化考核 compares a county with the counties of its own zone.
 */
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { ZONE_COLORS } from '../../zones/utils/zone-colors.js';
import type { AssessmentResults, Method, Weighting } from '../api/assessment.api.js';
import { fixed2, rankOf } from '../utils/explain.js';
import { zoneGroups } from '../utils/zone-groups.js';
import { countyPath } from '../utils/paths.js';
import { useZoneNames } from './use-assessment.js';

export function ZoneView({ results, weighting, method }: { results: AssessmentResults; weighting?: Weighting; method?: Method }) {
  const { t } = useI18n();
  const zones = useZoneNames();
  return (
    <Card size="small" title={t('assessment.zoneView.title')} data-testid="zone-view">
      <Row gutter={[16, 16]}>
        {zoneGroups(results).map((g) => (
          <Col xs={24} md={8} key={g.zone}>
            <div data-testid="zone-view-zone" data-zone={g.zone} style={{ borderTop: `3px solid ${ZONE_COLORS[g.zone]}`, paddingTop: 8 }}>
              <Typography.Text strong>{zones.full(g.zone)}</Typography.Text>
              <div style={{ margin: '4px 0 8px' }}>
                <Typography.Text type="secondary">{t('assessment.zoneView.average', { n: g.counties.length })}</Typography.Text>{' '}
                <strong data-testid="zone-view-average">{fixed2(g.average)}</strong>
              </div>
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {g.counties.map((c) => (
                  <li key={c.county} data-testid="zone-view-county">
                    <Link to={countyPath(results.year, c.county, weighting, method)}>{c.county}</Link> <strong>{fixed2(c.total)}</strong>{' '}
                    <Typography.Text type="secondary">
                      {t('assessment.zoneView.rank', { zoneRank: rankOf(c.rankInZone, c.zoneSize), cityRank: c.rankOverall ?? '—' })}
                    </Typography.Text>
                  </li>
                ))}
              </ol>
            </div>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
