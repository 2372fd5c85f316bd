/**
 * 考核得分说明 (/assessment/:year/counties/:county): everything a county needs to redo its score by
 * hand — its zone make-up and weights, each indicator's raw value, min/max, normalised score with
 * the formula filled in, weight, contribution and where the value came from; missing indicators;
 * the total as the sum of the contributions; ranks; a radar against its zone's average.
 */
import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CountyScore } from '../../../../shared/api/assessment-api.js';
import type { ZoneCode } from '../../../../shared/plan-model.js';
import { AsyncContent, ErrorResult } from '../../../components/async-content.js';
import { LinkButton } from '../../../components/link-button.js';
import { ApiClientError } from '../../../lib/api-client.js';
import { formatDateTime } from '../../../lib/format.js';
import type { DictKey } from '../../../lib/i18n/dictionary.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { useCurrentPlan } from '../../plans/hooks/current-plan.js';
import { ZONE_COLORS } from '../../zones/utils/zone-colors.js';
import { useResults, useScheme, type AssessmentResults, type Method, type Scheme, type Weighting } from '../api/assessment.api.js';
import { buildRadarOption } from '../utils/chart-options.js';
import { contributionFormula, countedWeight, fixed2, normalisedFormula, num, profileText, rankOf, sumContributions, totalFormula, weightFormula, type IndicatorScore } from '../utils/explain.js';
import { toCells, cellWeight } from '../utils/scheme-draft.js';
import { parseYearParam } from '../utils/years.js';
import { AssessmentChart } from './assessment-chart.js';
import { AssessmentShell } from './assessment-shell.js';
import { MethodPanel } from './method-panel.js';
import { countyPath } from '../utils/paths.js';
import { useZoneNames } from './use-assessment.js';

const parseWeighting = (raw: string | null): Weighting | undefined => (raw === 'blended' || raw === 'primary' ? raw : undefined);
const parseMethod = (raw: string | null): Method | undefined => (raw === 'efficacy' || raw === 'attainment' ? raw : undefined);

function Origin({ origin }: { origin: IndicatorScore['origin'] }) {
  const { t } = useI18n();
  if (!origin) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2} style={{ maxWidth: 300, whiteSpace: 'normal' }}>
      <span>
        <Tag>{t(`assessment.origin.${origin.kind}` as DictKey)}</Tag>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {origin.text}
        {origin.at ? ` · ${formatDateTime(origin.at)}` : ''}
      </Typography.Text>
    </Flex>
  );
}

const FORMULA_STYLE = { fontSize: 12, color: '#374151' } as const;

function IndicatorTable({ county, method, weighting, scheme }: { county: CountyScore; method: Method; weighting: Weighting; scheme: Scheme | undefined }) {
  const { t } = useI18n();
  const sumW = countedWeight(county.indicators);
  const cells = useMemo(() => (scheme ? toCells(scheme.weights) : null), [scheme]);
  // The arithmetic of a row, beneath it: s = …, w = …, c = … (a county can redo each step).
  const arithmetic = (row: IndicatorScore) => {
    const normalised = normalisedFormula(row, method);
    const contribution = contributionFormula(row, sumW);
    if (row.raw === null || row.normalised === null) {
      return (
        <Typography.Text type="warning" style={FORMULA_STYLE} data-testid="row-arithmetic">
          {t('assessment.county.rowMissing')}
        </Typography.Text>
      );
    }
    return (
      <Flex gap={24} wrap style={{ paddingInlineStart: 8 }} data-testid="row-arithmetic">
        {normalised ? (
          <span>
            <Typography.Text type="secondary" style={FORMULA_STYLE}>
              {t('assessment.county.step.normalised')}{' '}
            </Typography.Text>
            <code style={FORMULA_STYLE} data-testid="normalised-formula">
              {normalised}
            </code>
          </span>
        ) : null}
        {cells ? (
          <span>
            <Typography.Text type="secondary" style={FORMULA_STYLE}>
              {t('assessment.county.step.weight')}{' '}
            </Typography.Text>
            <code style={FORMULA_STYLE} data-testid="weight-formula">
              {weightFormula(county.profile, (zone: ZoneCode) => cellWeight(cells, row.code, zone), weighting, county.primaryZone)}
            </code>
          </span>
        ) : null}
        {contribution ? (
          <span>
            <Typography.Text type="secondary" style={FORMULA_STYLE}>
              {t('assessment.county.step.contribution')}{' '}
            </Typography.Text>
            <code style={FORMULA_STYLE} data-testid="contribution-formula">
              {contribution}
            </code>
          </span>
        ) : null}
      </Flex>
    );
  };
  const columns: ColumnsType<IndicatorScore> = [
    {
      title: t('assessment.col.indicator'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Flex vertical>
          <span>{name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.code}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('assessment.col.direction'), dataIndex: 'direction', width: 64, render: (d: IndicatorScore['direction']) => <Tag color={d === 'positive' ? 'blue' : 'purple'}>{t(`assessment.dir.${d}`)}</Tag> },
    {
      title: t('assessment.col.raw'),
      dataIndex: 'raw',
      align: 'right',
      render: (raw: number | null, row) =>
        raw === null ? (
          <Tag color="warning">{t('assessment.missing')}</Tag>
        ) : (
          <span data-testid="indicator-raw">
            {num(raw)}
            {row.unit ? ` ${row.unit}` : ''}
            {method === 'attainment' && row.target !== null ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('assessment.targetValue', { target: num(row.target) })}
              </Typography.Text>
            ) : null}
          </span>
        ),
    },
    ...(method === 'efficacy'
      ? [
          {
            title: t('assessment.col.minMax'),
            key: 'minmax',
            align: 'right' as const,
            render: (_: unknown, row: IndicatorScore) => (row.min === null || row.max === null ? '—' : `${num(row.min)} / ${num(row.max)}`),
          },
        ]
      : []),
    {
      title: t('assessment.col.normalised'),
      dataIndex: 'normalised',
      align: 'right',
      render: (normalised: number | null) => <strong data-testid="indicator-normalised">{fixed2(normalised)}</strong>,
    },
    {
      title: t('assessment.col.weight'),
      dataIndex: 'weight',
      align: 'right',
      render: (weight: number) => <span data-testid="indicator-weight">{num(weight)}</span>,
    },
    {
      title: t('assessment.col.contribution'),
      dataIndex: 'contribution',
      align: 'right',
      render: (contribution: number | null) => (
        <strong data-testid="indicator-contribution" data-value={contribution ?? ''}>
          {fixed2(contribution)}
        </strong>
      ),
    },
    { title: t('assessment.col.origin'), dataIndex: 'origin', width: 300, render: (origin: IndicatorScore['origin']) => <Origin origin={origin} /> },
  ];
  return (
    <Table<IndicatorScore>
      size="small"
      rowKey="code"
      pagination={false}
      columns={columns}
      dataSource={county.indicators}
      scroll={{ x: 'max-content' }}
      onRow={(row) => ({ 'data-testid': 'indicator-row', 'data-code': row.code }) as never}
      expandable={{
        showExpandColumn: false,
        expandedRowKeys: county.indicators.map((i) => i.code),
        expandedRowRender: arithmetic,
      }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={method === 'efficacy' ? 5 : 4}>
            <strong>{t('assessment.county.sumWeights')}</strong> <code data-testid="sum-weights">Σw = {num(sumW)}</code>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} />
          <Table.Summary.Cell index={2} align="right">
            <strong data-testid="contribution-sum" data-value={sumContributions(county.indicators)}>
              {fixed2(sumContributions(county.indicators))}
            </strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} />
        </Table.Summary.Row>
      )}
    />
  );
}

function CountyBody({ results, county, scheme }: { results: AssessmentResults; county: CountyScore; scheme: Scheme | undefined }) {
  const { t } = useI18n();
  const zones = useZoneNames();
  const radar = useMemo(
    () => buildRadarOption(results, county, { county: county.county, zoneAverage: t('assessment.county.zoneAverage', { zone: zones.full(county.primaryZone) }) }),
    [results, county, t, zones],
  );
  const total = totalFormula(county.indicators, county.total);
  const zoneAverage = results.zoneAverages.find((z) => z.zone === county.primaryZone)?.total ?? null;
  const missingNames = county.missing.map((code) => county.indicators.find((i) => i.code === code)?.name ?? code);
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('assessment.county.summary')} style={{ height: '100%' }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('assessment.col.profile')}>
                <span data-testid="county-profile">{profileText(county.profile, zones.short)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.col.primaryZone')}>
                <Tag color={ZONE_COLORS[county.primaryZone]} data-testid="county-primary-zone">
                  {zones.full(county.primaryZone)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.col.total')}>
                <strong style={{ fontSize: 18 }} data-testid="county-total" data-value={county.total ?? ''}>
                  {fixed2(county.total)}
                </strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.county.zoneAverageTotal')}>{fixed2(zoneAverage)}</Descriptions.Item>
              <Descriptions.Item label={t('assessment.col.rankOverall')}>
                <span data-testid="county-rank">{rankOf(county.rankOverall, results.counties.length)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.col.rankInZone')}>
                <span data-testid="county-zone-rank">{rankOf(county.rankInZone, county.zoneSize)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.weighting')}>{t(`assessment.weighting.${results.weighting}` as DictKey)}</Descriptions.Item>
              <Descriptions.Item label={t('assessment.methodLabel')}>{t(`assessment.method.${results.method}Short` as DictKey)}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ margin: '10px 0 0', fontSize: 12 }}>
              {results.weighting === 'blended' ? t('assessment.county.blendedHint') : t('assessment.county.primaryHint', { zone: zones.full(county.primaryZone) })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('assessment.county.radar', { zone: zones.full(county.primaryZone) })} style={{ height: '100%' }}>
            {radar ? <AssessmentChart option={radar} height={300} ariaLabel={t('assessment.county.radar', { zone: zones.full(county.primaryZone) })} testId="county-radar" /> : <Empty description={t('assessment.county.radarTooFew')} />}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('assessment.county.indicators')}>
        <IndicatorTable county={county} method={results.method} weighting={results.weighting} scheme={scheme} />
        <Flex vertical gap={6} style={{ marginTop: 12 }}>
          {total ? (
            <div data-testid="total-formula">
              <Typography.Text strong>{t('assessment.county.totalIs')}</Typography.Text> <code>{total}</code>
            </div>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.county.roundingHint')}
          </Typography.Text>
        </Flex>
      </Card>
      {county.missing.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="county-missing-list"
          title={t('assessment.county.missingTitle', { n: county.missing.length })}
          description={
            <Flex vertical gap={4}>
              <span>{missingNames.map((name, i) => `${name}（${county.missing[i]}）`).join('、')}</span>
              <span>{t('assessment.county.missingHint')}</span>
            </Flex>
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('assessment.county.noMissing')} />
      )}
      <MethodPanel />
    </Flex>
  );
}

export function CountyPage() {
  const { t } = useI18n();
  const { plan } = useCurrentPlan();
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const year = parseYearParam(params.year);
  const countyName = params.county ?? '';
  const weighting = parseWeighting(search.get('weighting'));
  const method = parseMethod(search.get('method'));
  const results = useResults(plan.id, year ?? 0, weighting, method, year !== null);
  const scheme = useScheme(plan.id, year ?? 0, year !== null);
  const back = year === null ? '/assessment' : `/assessment?year=${year}${weighting ? `&weighting=${weighting}` : ''}${method ? `&method=${method}` : ''}`;
  return (
    <AssessmentShell
      section="results"
      testId="assessment-county-page"
      year={year}
      onYear={(next) => void navigate(countyPath(next, countyName, weighting, method))}
      title={t('assessment.county.title', { county: countyName, year: year ?? '' })}
      subtitle={t('assessment.county.subtitle')}
      extra={
        <LinkButton to={back} data-testid="back-to-results">
          {t('assessment.county.back')}
        </LinkButton>
      }
    >
      <AsyncContent query={results}>
        {(data) => {
          const county = data.counties.find((c) => c.county === countyName);
          if (!county) return <ErrorResult error={new ApiClientError(404, 'NOT_FOUND', t('assessment.county.notFound', { county: countyName }))} />;
          return <CountyBody results={data} county={county} scheme={scheme.data} />;
        }}
      </AsyncContent>
    </AssessmentShell>
  );
}
